"""The person's own words, shown as theirs wherever the app repeats them."""

from __future__ import annotations


def quoted(words: str) -> str:
    """The person's own words as the app shows them: in curly quotation marks, trimmed."""
    return f"“{words.strip()}”"
