"""The clear-print page: A4, one embedded typeface, left aligned, sizes and spacing from the
print format, a footer saying whose document it is and which page, and the PDF's metadata.

Every size is at least the body size, so in large print nothing on the page is smaller than
16 point (UKAAF clear print): not the footer, not a label in a table.

No page holds only a line or two (`write_pdf` lays a document out again where one would).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import Any

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Indenter,
    KeepTogether,
    PageTemplate,
)

from assessor.documents import fonts, scripts
from assessor.documents.formats import PrintFormat

MARGIN = 15 * mm
LANGUAGE = "en-GB"
CREATOR = "Assessor"
DEFAULT_AUTHOR = "Adult social care"
FEWEST_LINES = 5  # a page holding less (a heading and two or three lines) is too empty


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one print format. `size` is the body size in points."""

    size: int
    leading: float
    body: ParagraphStyle
    continued: ParagraphStyle
    strong: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle


@cache
def styles_for(fmt: PrintFormat) -> Styles:
    """Headings bold and larger than the body; line spacing 1.5 times the size in large print
    and Easy Read (clear print asks for generous spacing there), 1.3 in standard print."""
    fonts.register()
    size = fmt.size
    leading = size * (1.5 if fmt.large or fmt.easy_read else 1.3)
    body = ParagraphStyle(
        f"body-{size}",
        fontName=fonts.REGULAR,
        fontSize=size,
        leading=leading,
        alignment=TA_LEFT,
        spaceAfter=size * 0.5,
    )

    def heading(name: str, points: int, before: float) -> ParagraphStyle:
        return ParagraphStyle(
            f"{name}-{size}",
            parent=body,
            fontName=fonts.BOLD,
            fontSize=points,
            leading=points * 1.25,
            spaceBefore=before,
            spaceAfter=size * 0.4,
            keepWithNext=True,
        )

    return Styles(
        size=size,
        leading=leading,
        body=body,
        # A paragraph a typed text goes on in: no space after it, as if it were one paragraph.
        continued=ParagraphStyle(f"continued-{size}", parent=body, spaceAfter=0),
        strong=ParagraphStyle(f"strong-{size}", parent=body, fontName=fonts.BOLD),
        title=heading("title", size + 12, 0),
        heading=heading("heading", size + 6, size * 1.1),
        subheading=heading("subheading", size + 2, size * 0.6),
    )


@dataclass(frozen=True)
class Metadata:
    """What a PDF reader shows in its document properties, and the footer names."""

    title: str
    subject: str
    author: str = ""


def write_pdf(story: list[Flowable], metadata: Metadata, fmt: PrintFormat) -> bytes:
    """The story laid out on A4 pages, with its metadata, in English (United Kingdom).

    A page that would hold only a line or two is laid out again: the last page with a new
    page before its last sections, so it carries a heading and its lines; a page within, with
    a new page before the section that ran onto it, so that section goes on over together."""
    styles = styles_for(fmt)
    fewest = FEWEST_LINES * styles.leading
    breaks: dict[int, float] = {}  # a story place, and the room it needs or starts a new page
    for _ in range(MOST_LAYOUTS):
        laid = _laid_out(story, breaks, metadata, fmt)
        sparse = [page for page, used in enumerate(laid.used, 1) if used < fewest]
        if len(laid.used) == 1 or not sparse:
            break
        fix = _break_for(story, laid, sparse[0], fewest, styles)
        if fix is None or fix[0] in breaks:
            break
        breaks[fix[0]] = fix[1]
    return laid.pdf


MOST_LAYOUTS = 3  # a document is laid out at most this many times


@dataclass(frozen=True)
class _Laid:
    """A layout: the PDF, how far down each page its text reaches, and the page each of the
    story's flowables (by place) was set on, if it was set whole."""

    pdf: bytes
    used: list[float]
    pages: dict[int, int]


def _with_breaks(story: list[Flowable], breaks: dict[int, float]) -> list[Flowable]:
    return [
        part
        for place, flowable in enumerate(story)
        for part in ([CondPageBreak(breaks[place])] if place in breaks else []) + [flowable]
    ]


def _break_for(
    story: list[Flowable], laid: _Laid, page: int, fewest: float, styles: Styles
) -> tuple[int, float] | None:
    """Where to start a new page, and when, so `page` holds more than a line or two."""
    if page == len(laid.used):
        return _new_page_before_tail(story, fewest)
    before = [place for place, on in laid.pages.items() if on < page and _heading(story[place])]
    if not before:
        return None
    place = max(before)
    while place > 0 and (_heading(story[place - 1]) or isinstance(story[place - 1], Indenter)):
        place -= 1  # a heading stays with what it heads
    return place, frame_height(styles)


def _heading(flowable: Flowable) -> bool:
    """Whether it starts with a heading (kept with what follows it)."""
    if isinstance(flowable, KeepTogether):
        return bool(flowable._content) and _heading(flowable._content[0])  # type: ignore[attr-defined]
    return bool(flowable.getKeepWithNext())  # type: ignore[no-untyped-call]


def _text_height(flowable: Flowable, height: float) -> float:
    """Of a flowable `height` tall, the part text fills (not a picture beside a heading)."""
    return height - float(getattr(flowable, "picture_only", 0.0))


def _new_page_before_tail(story: list[Flowable], fewest: float) -> tuple[int, float] | None:
    """The start of the story's shortest tail that starts at a heading and is at least
    `fewest` points tall at the top of a page, and the room it needs where it starts."""
    height, canvas = float(A4[1]), Canvas(io.BytesIO())
    indents = list(accumulate(float(f.left) if isinstance(f, Indenter) else 0.0 for f in story))
    below = text = 0.0  # the tail's height below its first flowable's top; what text fills
    for start in range(len(story) - 1, 0, -1):
        flowable = story[start]
        here = flowable.wrapOn(canvas, frame_width() - indents[start], height)[1]
        space = flowable.getSpaceBefore() + story[start - 1].getSpaceAfter()
        text += _text_height(flowable, here)
        if text >= fewest and _heading(flowable):
            return start, space + here + below
        below += here + space
        text += space
    return None


class _Document(BaseDocTemplate):
    """Notes how far down each page the text reaches, and the page each of the story's
    flowables (by its place in `story`) was set on."""

    def __init__(self, out: io.BytesIO, story: list[Flowable], **kwargs: Any) -> None:
        super().__init__(out, **kwargs)
        self.used: list[float] = []
        self.pages: dict[int, int] = {}
        self._pictured = 0.0
        self._places = {
            id(part): place
            for place, flowable in enumerate(story)
            for part in [flowable, *getattr(flowable, "_content", [])]
        }

    def afterFlowable(self, flowable: Flowable) -> None:
        place = self._places.get(id(flowable))
        if place is not None:
            self.pages.setdefault(place, self.page)
        # A picture beside a heading is not lines of text: only the heading's height counts.
        self._pictured += float(getattr(flowable, "picture_only", 0.0))

    def handle_pageBegin(self) -> None:
        self._pictured = 0.0
        super().handle_pageBegin()

    def handle_pageEnd(self) -> None:
        frame = self.frame
        self.used.append(float(frame._y2 - frame._y) - self._pictured)  # type: ignore[attr-defined]
        super().handle_pageEnd()


def _laid_out(
    story: list[Flowable], breaks: dict[int, float], metadata: Metadata, fmt: PrintFormat
) -> _Laid:
    """The story laid out with a conditional page break before each place in `breaks`."""
    styles = styles_for(fmt)
    out = io.BytesIO()
    frame = Frame(
        MARGIN,
        _bottom(styles),
        frame_width(),
        frame_height(styles),
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document = _Document(
        out,
        story,
        pagesize=A4,
        pageTemplates=[PageTemplate(frames=[frame])],
        title=metadata.title,
        subject=metadata.subject,
        author=metadata.author or DEFAULT_AUTHOR,
        creator=CREATOR,
        lang=LANGUAGE,
        displayDocTitle=True,
        initialFontName=fonts.REGULAR,
        initialFontSize=fmt.size,
    )

    def canvas(*args: Any, **kwargs: Any) -> Canvas:
        return _FooterCanvas(metadata.title, fmt.size, *args, **kwargs)

    # reportlab marks a flowable it moves to the next page; its own list of those marks lets
    # them be undone, so the same flowables can be laid out again.
    marks: list[tuple[Any, ...]] = []
    document._multiBuildEdits = marks.append  # type: ignore[attr-defined]
    document.build(_with_breaks(story, breaks), canvasmaker=canvas)
    for undo, *arguments in marks:
        undo(*arguments)
    return _Laid(out.getvalue(), document.used, document.pages)


def _bottom(styles: Styles) -> float:
    return float(MARGIN + styles.leading * 1.5)  # room for the footer


def frame_height(styles: Styles) -> float:
    """The height text fills on a page: the page less its margins and the footer."""
    return float(A4[1] - MARGIN - _bottom(styles))


def new_page_unless_little_above(styles: Styles) -> CondPageBreak:
    """A new page, unless the page so far holds less than a third of a page (what went over
    from the page before): then what follows goes on below it rather than leave it alone."""
    return CondPageBreak(frame_height(styles) * 2 / 3)


def frame_width() -> float:
    """The width text and tables fill: the page less its margins."""
    return float(A4[0] - 2 * MARGIN)


class _FooterCanvas(Canvas):
    """Holds each page back until the last, so every footer can say "Page 2 of 3"."""

    def __init__(self, title: str, size: int, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer_title = title
        self._footer_size = size
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # what Canvas.showPage does next

    def save(self) -> None:
        for number, page in enumerate(self._pages, 1):
            self.__dict__.update(page)
            self._footer(number, len(self._pages))
            super().showPage()
        super().save()

    def _footer(self, number: int, count: int) -> None:
        self.saveState()
        page = f"Page {number} of {count}."
        text = f"{self._footer_title}. {page}"
        if stringWidth(text, fonts.REGULAR, self._footer_size) > frame_width():
            text = page
        scripts.draw(self, MARGIN, MARGIN, text, fonts.REGULAR, self._footer_size)
        self.restoreState()
