"""The building blocks every document is made of: headings, paragraphs, the person's own
words quoted and said to be theirs, and label-and-answer tables.

What people and workers typed is escaped here, once, so no record can change the layout.

reportlab wraps a whole paragraph again each time it splits it across a page, so one paragraph
costs its length times its pages: a 500,000-character answer took minutes. Typed text is
therefore laid out in paragraphs of at most CHUNK characters, split where its lines break and,
in a longer line, after a sentence or a word; it reads as one text, in order, in print.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from assessor.documents import fonts, scripts
from assessor.documents.layout import Styles, frame_width
from assessor.record import Entry


def markup(text: str) -> str:
    """Typed text as paragraph markup: escaped, its line breaks kept, in any script."""
    return scripts.markup(text)


def possessive(name: str) -> str:
    return f"{name}’s"


def para(text: str, styles: Styles) -> Paragraph:
    return Paragraph(markup(text), styles.body)


def subheading(text: str, styles: Styles) -> Paragraph:
    return Paragraph(markup(text), styles.subheading)


CHUNK = 1_500


def _cut(line: str) -> list[str]:
    """A line in parts of at most CHUNK characters, each ending a sentence where one ends in
    its second half, else a word, else (a very long word) wherever CHUNK falls."""
    parts = []
    while len(line) > CHUNK:
        window = line[:CHUNK]
        cut = window.rfind(". ", CHUNK // 2) + 1 or window.rfind(" ", CHUNK // 2)
        if cut <= 0:
            cut = CHUNK
        parts.append(line[:cut])
        line = line[cut:].lstrip()
    return [*parts, line]


def _runs(text: str) -> Iterator[tuple[int, list[str]]]:
    """Typed text as paragraphs of at most CHUNK characters, each with the count of blank
    lines before it."""
    blanks, length = 0, 0
    lines: list[str] = []
    for line in (part for whole in text.strip().splitlines() for part in _cut(whole)):
        if lines and (not line.strip() or length + len(line) > CHUNK):
            yield blanks, lines
            blanks, lines, length = 0, [], 0
        if not line.strip():
            blanks += 1
            continue
        lines.append(line)
        length += len(line)
    if lines:
        yield blanks, lines


def typed(text: str, styles: Styles, before: str = "", after: str = "") -> list[Flowable]:
    """Text as someone typed it, its line breaks and blank lines kept, in paragraphs that lay
    out in time proportional to its length; `before` and `after` (plain text) go round it."""
    runs = list(_runs(text))
    flowables: list[Flowable] = []
    for number, (blanks, lines) in enumerate(runs, 1):
        if blanks:
            flowables.append(Spacer(0, blanks * styles.leading))
        last = number == len(runs)
        words = (before if number == 1 else "") + "\n".join(lines) + (after if last else "")
        style = styles.body if last else styles.continued
        flowables.append(scripts.laid_out(words, style, frame_width()))
    return flowables


def own_words(name: str, text: str, styles: Styles) -> list[Flowable]:
    """Their words exactly as they said them, in quotation marks: "In Ada’s words: “…”"."""
    return typed(text, styles, before=f"In {possessive(name)} words: “", after="”")


def answer(name: str, entry: Entry, styles: Styles) -> list[Flowable]:
    """An answer on page two: quoted and attributed when it is the person's own words."""
    return own_words(name, entry.text, styles) if entry.own_words else typed(entry.text, styles)


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
    """Labels in bold beside their answers, leaving out what is not recorded. An answer taller
    than a page (5,000 characters of communication needs in large print) goes on over the
    page, at least three lines either side of the break."""
    label_width = frame_width() * 0.3
    answer_width = frame_width() - label_width
    shown = [
        [
            Paragraph(markup(label), styles.strong),
            Paragraph(scripts.paragraph(value, styles.body, answer_width), styles.body),
        ]
        for label, value in rows
        if value.strip()
    ]
    if not shown:
        return []
    table = Table(
        shown,
        colWidths=[label_width, answer_width],
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
        splitInRow=round(styles.leading * 3),
    )
    return [table]
