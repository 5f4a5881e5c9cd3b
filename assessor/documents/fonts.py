"""Atkinson Hyperlegible, the typeface of every printed document, and the fonts after it for
the characters it lacks, each embedded in the file.

Atkinson Hyperlegible was made by the Braille Institute for readers with low vision (SIL Open
Font License); it covers English and western European letters only. A person's own words may be
in any language, so each character it lacks is printed in the first font of FALLBACKS that has
it: the Noto families (made to cover every script, in one design), Droid Sans Fallback for
Chinese, Japanese and Korean (Noto's CJK fonts are CFF outlines, which reportlab cannot embed)
and Symbola for emoji (monochrome, as print is). The set-up installs them as Debian packages; a
missing one is skipped, and the print preview names any character nothing can print.

Only regular and bold faces are registered, and each family's italic slots point at them, so no
document can set text in italics (UKAAF clear print). The fonts after it print in their regular
face only, in headings too: their glyphs are chosen before reportlab sees them (see scripts.py),
so reportlab must not swap in another face.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import fontpkg_atkinson_hyperlegible
from fontTools.ttLib import TTFont as FontFile
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont, makeToUnicodeCMap

REGULAR = "AtkinsonHyperlegible"
BOLD = "AtkinsonHyperlegible-Bold"
_FILES = {REGULAR: "AtkinsonHyperlegible-Regular.ttf", BOLD: "AtkinsonHyperlegible-Bold.ttf"}

# Where Debian (and most Linux systems) keep fonts; each file is looked for by name under them.
FONT_FOLDERS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))

# Scripts whose letters join, combine or reorder; Arabic also covers Urdu, Persian and Pashto.
_SHAPED = (
    *("Arabic", "Hebrew", "Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya", "Tamil"),
    *("Telugu", "Kannada", "Malayalam", "Sinhala", "Thai", "Lao", "Khmer", "Myanmar"),
    *("Ethiopic", "Armenian", "Georgian"),
)


@dataclass(frozen=True)
class Fallback:
    """A font after Atkinson Hyperlegible: its registered name, its file, and whether its
    script is shaped (letters joining, marks placed, right-to-left runs turned)."""

    name: str
    file_name: str
    shaped: bool = False


FALLBACKS = (
    # Latin beyond western Europe (Welsh ŵ and ŷ, Vietnamese, Polish, Romanian), Greek, Cyrillic.
    Fallback("NotoSans", "NotoSans-Regular.ttf"),
    *(Fallback(f"NotoSans{script}", f"NotoSans{script}-Regular.ttf", True) for script in _SHAPED),
    Fallback("DroidSansFallback", "DroidSansFallbackFull.ttf"),
    Fallback("NotoSansSymbols", "NotoSansSymbols-Regular.ttf"),
    Fallback("NotoSansSymbols2", "NotoSansSymbols2-Regular.ttf"),
    Fallback("Symbola", "Symbola_hint.ttf"),
)


@cache
def register() -> None:
    """Register the faces with reportlab, once per process (reading the files is slow)."""
    folder = fontpkg_atkinson_hyperlegible.ROOT / "files"
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(SpokenFont(name, str(folder / file_name)))
    _family(REGULAR, BOLD)


def _family(regular: str, bold: str) -> None:
    for italic in (0, 1):
        addMapping(regular, 0, italic, regular)
        addMapping(regular, 1, italic, bold)


@cache
def find(file_name: str) -> Path | None:
    """The installed font file of that name, if any."""
    return next(_found(file_name), None)


def _found(file_name: str) -> Iterator[Path]:
    for folder in FONT_FOLDERS:
        if folder.is_dir():
            yield from folder.rglob(file_name)


@cache
def coverage(fallback: Fallback) -> frozenset[int]:
    """The code points a fallback has a glyph for (none if it is not installed)."""
    path = find(fallback.file_name)
    if path is None:
        return frozenset()
    with FontFile(str(path), lazy=True) as font:
        return frozenset(font.getBestCmap())


def find_primary() -> Path:
    """Atkinson Hyperlegible's regular face."""
    return Path(fontpkg_atkinson_hyperlegible.ROOT / "files" / _FILES[REGULAR])


@cache
def primary_coverage() -> frozenset[int]:
    """The code points Atkinson Hyperlegible has a glyph for."""
    with FontFile(str(find_primary()), lazy=True) as font:
        return frozenset(font.getBestCmap())


@cache
def use(fallback: Fallback) -> SpokenFont:
    """Register a fallback with reportlab the first time a document needs it (the CJK font
    alone takes a second to read), as its own bold."""
    register()
    path = find(fallback.file_name)
    assert path is not None, f"{fallback.name} is used only when it covers a character"
    font = SpokenFont(fallback.name, str(path))
    pdfmetrics.registerFont(font)
    _family(fallback.name, fallback.name)
    return font


class SpokenFont(TTFont):
    """A TrueType font whose shaped glyphs read back as the characters they were shaped from.

    Shaping gives some characters glyphs of their own (Arabic letters join to the next one,
    Indic consonants combine), which the font maps to no character; reportlab numbers them in
    the private-use area, so copying or searching the PDF found nothing. `spoken` records,
    glyph by glyph, the text each was shaped from, and the file's ToUnicode maps say it.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self.spoken: dict[int, str] = {}
        self._codes: dict[int, int] = {}

    def code_for(self, glyph: int, spoken: str, width: float) -> str:
        """The character that prints this glyph: the one the font maps to it when that is what
        was typed, else one of the private-use area kept for it (`width` in thousandths of the
        size), reading back as `spoken`."""
        face = self.face
        mapped: list[int] = face.glyphToChar.get(glyph, [])  # type: ignore[attr-defined]
        if mapped and not spoken:
            return chr(mapped[0])
        if any(chr(code) in spoken for code in mapped):
            return next(chr(code) for code in mapped if chr(code) in spoken)
        if glyph not in self._codes:
            code = max(self._codes.values(), default=0xDFFF) + 1
            while code in face.charToGlyph:
                code += 1
            face.charToGlyph[code] = glyph
            face.glyphToChar.setdefault(glyph, []).append(code)  # type: ignore[attr-defined]
            face.charWidths[code] = width
            self._codes[glyph] = code
            self.spoken[glyph] = spoken
        return chr(self._codes[glyph])

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:
        state = self.state.get(doc)  # gone once written
        super().addObjects(doc)
        for number, subset in enumerate(state.subsets if state else []):
            said = {code: self._reads_as(code) for code in subset}
            said = {code: text for code, text in said.items() if text}
            if not said:
                continue
            base = b"".join((SUBSETN(number), b"+", self.face.name, self.face.subfontNameX)).decode(
                "pdfdoc"
            )
            content = makeToUnicodeCMap(base, subset)
            for index, code in enumerate(subset):
                if code in said:
                    utf16 = said[code].encode("utf-16-be").hex().upper()
                    content = content.replace(
                        f"<{index:02X}> <{code:04X}>", f"<{index:02X}> <{utf16}>"
                    )
            stream = doc.idToObject["toUnicodeCMap:" + base]
            stream.content = content  # type: ignore[attr-defined]  # a PDFStream

    def _reads_as(self, code: int) -> str:
        """What a character code must read as where reportlab's own map is wrong: a shaped
        glyph's text, or a character beyond the first 65,536 (emoji) as its UTF-16 pair."""
        if code in self._codes.values():
            return self.spoken[self.face.charToGlyph[code]]
        return chr(code) if code > 0xFFFF else ""
