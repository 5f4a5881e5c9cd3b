"""Text in any script as paragraph markup: each run of characters in a font that has them, in
the order they are read on the line, shaped.

reportlab sets text one character after another in one font, left to right. Typed text may be
Arabic or Urdu (read right to left, letters joined), Bengali or Gurmukhi (letters combined and
reordered), Chinese or emoji. So, before reportlab sees it:

- each character goes in the first font that has it (`fonts.FALLBACKS`, coverage read from the
  font's cmap with fontTools);
- the Unicode bidirectional algorithm (python-bidi, on the Rust unicode-bidi crate) orders
  each line for display: a line is wrapped here when it holds right-to-left text, since the
  order depends on the line;
- runs in a script that needs it are shaped by HarfBuzz (uharfbuzz, what browsers and Qt use),
  and its glyphs written as the characters that print them (`fonts.SpokenFont.code_for`).

reportlab 4's own shaping and right-to-left support were tried: its right-to-left needs rlbidi,
which is not on PyPI, is switched off for paragraphs with more than one font, and it shapes a
word in more than one font with the first font's glyphs (boxes for the rest).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

import bidi
import uharfbuzz
from bidi import algorithm
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from assessor.documents import fonts

# A line wrapped here is made a little shorter than the room it has, so that reportlab, whose
# measure may differ by a hair, never wraps it again.
ROOM = 0.97


def printable(char: str) -> bool:
    """Whether a character prints as itself: spaces and invisible marks count as printing."""
    code = ord(char)
    if _private(code):
        return False
    return char.isspace() or _invisible(char) or _font_for(code) is not _MISSING


def markup(text: str) -> str:
    """Text as paragraph markup, each line laid out as one line."""
    text = _normal(text)
    if _plain(text):
        return "<br/>".join(escape(line) for line in text.splitlines())
    base = _base(text)
    return "<br/>".join(_line(line, base) for line in text.splitlines())


def laid_out(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """A paragraph `width` wide of typed text, aligned right when it reads right to left."""
    if _base(_normal(text)):
        style = _aligned_right(style)
    return Paragraph(paragraph(text, style, width), style)


@cache
def _aligned_right(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-right", parent=style, alignment=TA_RIGHT)


def paragraph(text: str, style: ParagraphStyle, width: float) -> str:
    """Text as paragraph markup for a paragraph `width` wide: wrapped here when a line holds
    right-to-left text, so each line is ordered as it is read."""
    text = _normal(text)
    if not any(_right_to_left(char) for char in text):
        return markup(text)
    base = _base(text)
    lines = [
        wrapped for line in text.splitlines() for wrapped in _wrap(line, base, style, width * ROOM)
    ]
    return "<br/>".join(_line(line, base) for line in lines)


def draw(canvas: Canvas, x: float, y: float, text: str, font_name: str, size: float) -> None:
    """One line of text on a page, its baseline at y (the footer, which is no paragraph)."""
    text = _normal(text)
    for piece in _pieces(text, _base(text)):
        name = piece.font.name if piece.font else font_name
        chars = _glyphs(piece) if piece.font else piece.shown
        canvas.setFont(name, size)
        canvas.drawString(x, y, chars)
        x += stringWidth(chars, name, size)


# --- which font ---------------------------------------------------------------------------------

_MISSING = fonts.Fallback("", "")


def _normal(text: str) -> str:
    """Composed, so an accented letter typed as two characters finds the one glyph."""
    return unicodedata.normalize("NFC", text.strip())


def _plain(text: str) -> bool:
    primary = fonts.primary_coverage()
    return all(ord(char) in primary or char in "\n\r\t" for char in text)


@cache
def _font_for(code: int) -> fonts.Fallback | None:
    """None for Atkinson Hyperlegible, else the first fallback with the character."""
    if code in fonts.primary_coverage():
        return None
    if _private(code):
        return _MISSING
    return next((each for each in fonts.FALLBACKS if code in fonts.coverage(each)), _MISSING)


def _private(code: int) -> bool:
    return 0xE000 <= code <= 0xF8FF or code >= 0xF0000


def _invisible(char: str) -> bool:
    """Joiners, direction marks and variation selectors: they change how others print."""
    code = ord(char)
    return unicodedata.category(char) == "Cf" or 0xFE00 <= code <= 0xFE0F or code >= 0xE0100


def _right_to_left(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")


def _base(text: str) -> int:
    """0 for a left-to-right paragraph, 1 when its first letter is right to left."""
    return int(algorithm.get_base_level(text))


# --- one line as it is read ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Piece:
    """Characters of a line in one font and one direction, in the order they are typed."""

    font: fonts.Fallback | None
    text: str  # as typed
    shown: str  # as shown left to right, brackets mirrored when it reads right to left
    backwards: bool


def _line(line: str, base: int) -> str:
    return "".join(_markup(piece) for piece in _pieces(line, base))


def _pieces(line: str, base: int) -> Iterator[_Piece]:
    """The line's pieces from left to right as printed."""
    order = _visual_order(line, base) if base or any(map(_right_to_left, line)) else None
    if order is None:
        order = [(index, char, False) for index, char in enumerate(line)]
    fonts_of = _fonts_along(line)
    start = 0
    while start < len(order):
        index, _char, backwards = order[start]
        end = start + 1
        step = -1 if backwards else 1
        while (
            end < len(order)
            and order[end][2] == backwards
            and order[end][0] == order[end - 1][0] + step
            and fonts_of[order[end][0]] is fonts_of[index]
        ):
            end += 1
        first, last = sorted((index, order[end - 1][0]))
        shown = "".join(char for _index, char, _backwards in order[start:end])
        yield _Piece(fonts_of[index], line[first : last + 1], shown, backwards)
        start = end


def _fonts_along(line: str) -> list[fonts.Fallback | None]:
    """Each character's font; spaces, marks and joiners go with the character before them."""
    found: list[fonts.Fallback | None] = []
    for char in line:
        font = _font_for(ord(char))
        if found and (char.isspace() or _invisible(char) or unicodedata.category(char)[0] == "M"):
            font = found[-1]
        found.append(None if font is _MISSING else font)
    return found


def _visual_order(line: str, base: int) -> list[tuple[int, str, bool]]:
    """(index typed, character as shown, right to left) for each character, left to right,
    by the Unicode bidirectional algorithm; brackets in right-to-left runs are mirrored."""
    storage = algorithm.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "LR"[base]
    algorithm.get_embedding_levels(line, storage)
    for index, (char, level) in enumerate(zip(storage["chars"], _levels(line, base), strict=True)):
        char["index"], char["level"] = index, level
    algorithm.reorder_resolved_levels(storage, False)
    algorithm.apply_mirroring(storage, False)
    return [(char["index"], char["ch"], char["level"] % 2 == 1) for char in storage["chars"]]


_LEVELS = re.compile(r"levels: \[(.*?)\],\s*paragraphs", re.DOTALL)


def _levels(line: str, base: int) -> list[int]:
    """Each character's embedding level, resolved by the Rust unicode-bidi crate inside
    python-bidi, which pairs brackets (rule N0: "(صديقي)" keeps its brackets round it) as the
    library's older pure-Python algorithm does not. python-bidi gives the levels only in its
    debug description, one per byte of UTF-8; the line's own ordering and mirroring are then
    done by that older algorithm's functions."""
    described = bidi.get_display(line, base_dir="LR"[base], debug=True)
    found = _LEVELS.search(described)
    assert found, "python-bidi no longer describes its levels as expected"
    per_byte = [int(level) for level in re.findall(r"Level\(\s*(\d+)", found.group(1))]
    starts = itertools.accumulate((len(char.encode()) for char in line), initial=0)
    return [per_byte[start] for start, _char in zip(starts, line, strict=False)]


def _markup(piece: _Piece) -> str:
    if piece.font is None:
        return escape(piece.shown)
    return f'<font name="{piece.font.name}">{escape(_glyphs(piece))}</font>'


def _glyphs(piece: _Piece) -> str:
    """The characters that print the piece in its font, left to right."""
    assert piece.font is not None
    font = fonts.use(piece.font)
    if piece.font.shaped:
        return _shape(font, piece.text, piece.backwards)  # HarfBuzz turns and mirrors
    # without what the font lacks: joiners and variation selectors that only change emoji
    return "".join(char for char in piece.shown if ord(char) in font.face.charToGlyph)


def _shape(font: fonts.SpokenFont, text: str, backwards: bool) -> str:
    """HarfBuzz's glyphs for the text, left to right, as characters of the font."""
    shaper = _shaper(font.fontName)
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if backwards else "ltr"
    uharfbuzz.shape(shaper, buffer, {"kern": True, "liga": True})
    starts = [*sorted({info.cluster for info in buffer.glyph_infos}), len(text)]
    spoken_by_cluster = {start: text[start:end] for start, end in itertools.pairwise(starts)}
    scale = 1000 / shaper.face.upem
    glyphs = []
    for info in buffer.glyph_infos:
        # what the cluster's glyphs have not yet said is said by the next glyph without its own
        unsaid = spoken_by_cluster[info.cluster]
        width = shaper.get_glyph_h_advance(info.codepoint) * scale
        glyph = font.code_for(info.codepoint, unsaid, width)
        spoken_by_cluster[info.cluster] = unsaid.replace(glyph, "", 1) if glyph in unsaid else ""
        glyphs.append(glyph)
    return "".join(glyphs)


@cache
def _shaper(name: str) -> uharfbuzz.Font:
    fallback = next(each for each in fonts.FALLBACKS if each.name == name)
    path = fonts.find(fallback.file_name)
    assert path is not None
    return uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(path))))


# --- wrapping a line that holds right-to-left text ----------------------------------------------


def _wrap(line: str, base: int, style: ParagraphStyle, width: float) -> Iterator[str]:
    """The line cut at spaces into lines that fit `width`, in the order typed."""
    space = stringWidth(" ", style.fontName, style.fontSize)
    current: list[str] = []
    used = 0.0
    for word in line.split(" "):
        size = _width(word, base, style)
        if current and used + space + size > width:
            yield " ".join(current)
            current, used = [], 0.0
        used += (space if current else 0) + size
        current.append(word)
    yield " ".join(current)


def _width(word: str, base: int, style: ParagraphStyle) -> float:
    total = 0.0
    for piece in _pieces(word, base):
        if piece.font is None:
            total += stringWidth(piece.shown, style.fontName, style.fontSize)
        else:
            total += stringWidth(_glyphs(piece), piece.font.name, style.fontSize)
    return total
