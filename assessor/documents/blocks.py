"""The building blocks every document is made of: headings, paragraphs, the person's own
words quoted and said to be theirs, and label-and-answer tables.

What people and workers typed is escaped here, once, so no record can change the layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from assessor.documents import fonts
from assessor.documents.layout import Styles, frame_width
from assessor.record import Entry


def markup(text: str) -> str:
    """Typed text as paragraph markup: escaped, its line breaks kept."""
    return "<br/>".join(escape(line) for line in text.strip().splitlines())


def possessive(name: str) -> str:
    return f"{name}’s"


def quoted(text: str) -> str:
    return f"“{text.strip()}”"


def para(text: str, styles: Styles) -> Paragraph:
    return Paragraph(markup(text), styles.body)


def subheading(text: str, styles: Styles) -> Paragraph:
    return Paragraph(markup(text), styles.subheading)


def own_words(name: str, text: str, styles: Styles) -> Paragraph:
    """Their words exactly as they said them, in quotation marks: "In Ada’s words: “…”"."""
    return Paragraph(f"In {escape(possessive(name))} words: {markup(quoted(text))}", styles.body)


def answer(name: str, entry: Entry, styles: Styles) -> Paragraph:
    """An answer on page two: quoted and attributed when it is the person's own words."""
    return own_words(name, entry.text, styles) if entry.own_words else para(entry.text, styles)


def section(heading: str, body: Sequence[Flowable], styles: Styles) -> list[Flowable]:
    """A heading and what follows it, or nothing at all when nothing is recorded: a document
    never shows an empty heading. Headings keep with their first lines across pages."""
    return [Paragraph(markup(heading), styles.heading), *body] if body else []


def kept_section(heading: str, groups: Sequence[list[Flowable]], styles: Styles) -> list[Flowable]:
    """A section of groups each kept on one page, its heading with the first of them (a
    heading's keepWithNext does not reach into a KeepTogether, and they cannot nest)."""
    if not groups:
        return []
    first, *rest = groups
    title = Paragraph(markup(heading), styles.heading)
    return [KeepTogether([title, *first]), *(KeepTogether(group) for group in rest)]


def facts(rows: Sequence[tuple[str, str]], styles: Styles) -> list[Flowable]:
    """Labels in bold beside their answers, leaving out what is not recorded."""
    shown = [
        [Paragraph(markup(label), styles.strong), Paragraph(markup(value), styles.body)]
        for label, value in rows
        if value.strip()
    ]
    if not shown:
        return []
    label_width = frame_width() * 0.3
    table = Table(
        shown,
        colWidths=[label_width, frame_width() - label_width],
        style=[
            # A table writes its own font into the page, Helvetica unless told.
            ("FONT", (0, 0), (-1, -1), fonts.REGULAR, styles.size),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), styles.size * 0.6),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), styles.size * 0.25),
        ],
        hAlign="LEFT",
    )
    return [table]
