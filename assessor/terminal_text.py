"""Text from outside (arguments, environment, files, the store) made safe to show in a terminal.

A raw escape code can recolour, retitle or rewrite the worker's terminal, and a newline can
forge a second line of output, so every control character is shown as an escape instead. A
byte that was not UTF-8 reaches Python as a lone surrogate and is shown as the byte it was.
"""

from __future__ import annotations

import unicodedata

# Control characters (Cc), lone surrogates (Cs), the Unicode line and paragraph separators
# (Zl, Zp), and the marks that reorder text right to left. Joiners, which some scripts need
# inside a name, are left alone.
_HIDDEN = frozenset({"Cc", "Cs", "Zl", "Zp"})
_REORDERING = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_NOT_UTF8 = range(0xDC80, 0xDD00)  # os.fsdecode's surrogate escapes for bytes 0x80 to 0xFF


def _escaped(character: str) -> str:
    code = ord(character)
    if code in _NOT_UTF8:
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def shown(text: str) -> str:
    """`text` with every control character written as an escape such as \\x1b."""
    if text.isprintable():  # the common case, checked in C
        return text
    return "".join(
        _escaped(c) if c in _REORDERING or unicodedata.category(c) in _HIDDEN else c for c in text
    )


def brief(text: str, limit: int = 60) -> str:
    """`shown(text)`, cut to about `limit` characters, for quoting a value in a message."""
    safe = shown(text)
    return safe if len(safe) <= limit else f"{safe[:limit]}… ({len(text):,} characters)"


def is_plain(text: str) -> bool:
    """True when `text` holds nothing `shown` would have to escape."""
    return shown(text) == text
