"""Standard and large print, as the Accessible Information Standard records them."""

from __future__ import annotations

from typing import NamedTuple

from assessor.record import InformationFormat, Person
from assessor.validation import InvalidInput

STANDARD_SIZES = (12, 13, 14)
LARGE_SIZES = tuple(range(16, 25))
STANDARD_SIZE = 12
LARGE_SIZE = 18


class PrintFormat(NamedTuple):
    """Body text size in points; large print is 16 to 24, standard 12 to 14."""

    size: int = STANDARD_SIZE

    @property
    def large(self) -> bool:
        return self.size in LARGE_SIZES

    @property
    def label(self) -> str:
        return f"{'Large' if self.large else 'Standard'} print, {self.size} point"


STANDARD = PrintFormat(STANDARD_SIZE)
LARGE = PrintFormat(LARGE_SIZE)


def print_format(size: int) -> PrintFormat:
    if size not in STANDARD_SIZES + LARGE_SIZES:
        raise InvalidInput(
            f"Print size {size} is not offered: standard print is 12 to 14 point, large print "
            "16 to 24."
        )
    return PrintFormat(size)


def format_for(person: Person) -> PrintFormat:
    """The format page one records for them: large print if they asked for it."""
    return LARGE if person.information_format is InformationFormat.LARGE_PRINT else STANDARD
