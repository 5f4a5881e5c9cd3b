"""Choices a worker makes from a list, each keeping a stable code and its own wording.

A member is declared with its code and, where the code read aloud is not how a worker would put
it, its label: `TEXT_MESSAGE = "text_message", "Text message"`. The value is always the code, as
kept in the store and in exports; a member declared with a code alone reads as that code with
spaces for underscores, capitalised.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class LabelledChoice(StrEnum):
    """A choice whose stored value is a code and whose label is what the worker reads."""

    _label: str

    def __new__(cls, code: str, label: str = "") -> Self:
        member = str.__new__(cls, code)
        member._value_ = code
        member._label = label or code.replace("_", " ").capitalize()
        return member

    @property
    def label(self) -> str:
        return self._label
