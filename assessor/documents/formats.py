"""Standard print, large print and Easy Read, as the Accessible Information Standard records
them; and what must be arranged for the formats a printer cannot make."""

from __future__ import annotations

from typing import NamedTuple

from assessor.record import InformationFormat, Person
from assessor.validation import InvalidInput

STANDARD_SIZES = (12, 13, 14)
LARGE_SIZES = tuple(range(16, 25))
EASY_READ_SIZES = (14, *LARGE_SIZES)  # Easy Read is never smaller than 14 point
STANDARD_SIZE = 12
LARGE_SIZE = 18
EASY_READ_SIZE = 16


class PrintFormat(NamedTuple):
    """Body text size in points; large print is 16 to 24, standard 12 to 14. `easy_read`
    makes My plan its Easy Read version (other documents print in clear print at the size)."""

    size: int = STANDARD_SIZE
    easy_read: bool = False

    @property
    def large(self) -> bool:
        return self.size in LARGE_SIZES

    @property
    def sizes(self) -> tuple[int, ...]:
        """The sizes this kind of format is offered in."""
        if self.easy_read:
            return EASY_READ_SIZES
        return LARGE_SIZES if self.large else STANDARD_SIZES

    @property
    def label(self) -> str:
        kind = "Easy Read" if self.easy_read else "Large print" if self.large else "Standard print"
        return f"{kind}, {self.size} point"


STANDARD = PrintFormat(STANDARD_SIZE)
LARGE = PrintFormat(LARGE_SIZE)
EASY_READ = PrintFormat(EASY_READ_SIZE, easy_read=True)


def print_format(size: int, easy_read: bool = False) -> PrintFormat:
    if easy_read and size not in EASY_READ_SIZES:
        raise InvalidInput(f"Easy Read is printed at 14 to 24 point; {size} is not offered.")
    if size not in STANDARD_SIZES + LARGE_SIZES:
        raise InvalidInput(
            f"Print size {size} is not offered: standard print is 12 to 14 point, large print "
            "16 to 24."
        )
    return PrintFormat(size, easy_read)


def format_for(person: Person) -> PrintFormat:
    """The format page one records for them: large print or Easy Read if they asked for it."""
    if person.information_format is InformationFormat.EASY_READ:
        return EASY_READ
    return LARGE if person.information_format is InformationFormat.LARGE_PRINT else STANDARD


# What the worker must arrange for a format that cannot be printed here, and how; "{name}" is
# the name they go by.
_TO_ARRANGE = {
    InformationFormat.BRAILLE: (
        "{name} needs this in braille: print it, then arrange a braille copy through the "
        "council's accessible formats service."
    ),
    InformationFormat.AUDIO: (
        "{name} needs this as audio: print it, then arrange an audio recording of it, read "
        "aloud, through the council's accessible formats service."
    ),
    InformationFormat.BSL: (
        "{name} uses British Sign Language: arrange a BSL interpreter to go through this with "
        "them, or a BSL video of it."
    ),
    InformationFormat.INTERPRETER: (
        "{name} needs an interpreter{language}: arrange one to go through this with them."
    ),
}


def to_arrange(person: Person) -> str:
    """What must be arranged besides printing, for the format page one records; "" if
    nothing."""
    wording = _TO_ARRANGE.get(person.information_format) if person.information_format else None
    if wording is None:
        return ""
    language = person.interpreter_language.strip()
    return wording.format(name=person.preferred_name, language=f" ({language})" if language else "")
