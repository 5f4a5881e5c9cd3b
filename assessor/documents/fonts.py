"""Atkinson Hyperlegible, the one typeface of every printed document, embedded in the file.

Made by the Braille Institute for readers with low vision (SIL Open Font License). Only the
regular and bold faces are registered, and the family's italic slots point at them, so no
document can set text in italics (UKAAF clear print).
"""

from __future__ import annotations

from functools import cache

import fontpkg_atkinson_hyperlegible
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "AtkinsonHyperlegible"
BOLD = "AtkinsonHyperlegible-Bold"
_FILES = {REGULAR: "AtkinsonHyperlegible-Regular.ttf", BOLD: "AtkinsonHyperlegible-Bold.ttf"}


@cache
def register() -> None:
    """Register the faces with reportlab, once per process (reading the files is slow)."""
    folder = fontpkg_atkinson_hyperlegible.ROOT / "files"
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file_name)))
    for italic in (0, 1):
        addMapping(REGULAR, 0, italic, REGULAR)
        addMapping(REGULAR, 1, italic, BOLD)
