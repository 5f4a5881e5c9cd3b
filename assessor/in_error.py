"""Records entered by mistake: marked with a reason, never deleted.

A record marked "entered in error" leaves every list, count, measure and print, but stays in the
history and the export with its reason, so what was once recorded can always be seen and the
mark reaches the council as a change like any other. This module is the one place that says
what being marked means; the store mirrors `is_current` in SQL only where it reads for lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from assessor.validation import InvalidInput


class Markable(Protocol):
    """A record that can be marked: a person, a contact, a goal review, a weekly review."""

    @property
    def in_error_reason(self) -> str: ...


M = TypeVar("M", bound=Markable)


def stands(reason: str) -> bool:
    """Whether something with this in-error reason still counts: only when there is none."""
    return not reason


def is_current(record: Markable) -> bool:
    return stands(record.in_error_reason)


def current(records: Iterable[M]) -> list[M]:
    """The records that still count, in the order given."""
    return [record for record in records if is_current(record)]


def checked_reason(reason: str) -> str:
    """The reason as it will be kept; a mark without one is refused in plain words."""
    if not reason.strip():
        raise InvalidInput("Say why it was entered in error: the reason is kept in the history.")
    return reason.strip()


def in_error_words(reason: str) -> str:
    """How a marked record reads wherever its history is shown."""
    return f"Entered in error: {reason}"
