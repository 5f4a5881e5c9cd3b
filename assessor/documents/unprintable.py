"""Characters in a person's file that no installed font can print, and where they are, so the
print preview can say so before anything is printed (they would print as empty boxes).

A character in the private-use area means something only to the program that typed it, so it
never counts as printable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from typing import Any

from assessor.documents.scripts import printable
from assessor.person_file import PersonFile

# Where a text is, said as a worker would, by the kind of record that holds it.
_PLACES = {
    "Person": "page one",
    "Entry": "page two",
    "Conversation": "page two",
    "Contact": "a contact",
    "Goal": "a goal",
    "Review": "a goal review",
}
MOST_PLACES = 5


def warning(file: PersonFile) -> str:
    """A sentence naming what cannot be printed and where, or "" when everything can."""
    found: dict[str, set[str]] = {}
    for place, text in _texts(file, "their record"):
        missing = {char for char in text if not printable(char)}
        if missing:
            found.setdefault(place, set()).update(missing)
    if not found:
        return ""
    said = [f"{_named(chars)} in {place}" for place, chars in list(found.items())[:MOST_PLACES]]
    more = " and elsewhere" if len(found) > MOST_PLACES else ""
    return (
        f"Some characters cannot be printed and would show as empty boxes: {'; '.join(said)}{more}."
    )


def _named(chars: set[str]) -> str:
    return ", ".join(f"U+{ord(char):04X}" for char in sorted(chars))


def _texts(value: Any, place: str) -> Iterator[tuple[str, str]]:
    """Every text in a record and the records it holds, with where it is."""
    if isinstance(value, str):
        yield place, value
    elif is_dataclass(value):
        owner = _PLACES.get(type(value).__name__, _words(type(value).__name__))
        for each in fields(value):
            yield from _texts(getattr(value, each.name), f"{owner}, {_words(each.name)}")
    elif isinstance(value, dict):
        for each in value.values():
            yield from _texts(each, place)
    elif isinstance(value, list | tuple):
        for each in value:
            yield from _texts(each, place)


def _words(name: str) -> str:
    """A field or class name as words: "presenting_problem" and "CarerPlan" as "presenting
    problem" and "carer plan"."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).replace("_", " ").lower()
