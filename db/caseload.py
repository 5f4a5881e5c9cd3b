"""The caseload as search needs it, read through a raw connection, without SQLAlchemy.

The app shows its window with this list before the full store (SQLAlchemy, a second or so to
load) is ready, so a worker can start typing a name at once. The store reads the same columns
with the same SQL, so the two never disagree. Only valid on a store at the current schema.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from assessor.search import Findable
from db.connection import raw_connection

# The people table's columns share Findable's names, in its order, the date of birth last.
FINDABLE_COLUMNS = Findable._fields
# A person entered in error leaves the caseload (see `assessor.in_error`).
FINDABLE_SQL = (
    f"SELECT {', '.join(FINDABLE_COLUMNS)} FROM people WHERE NOT deleted AND in_error_reason = ''"
)


def findable_from_row(row: Sequence[Any]) -> Findable:
    """A row of FINDABLE_SQL as search holds it: made by position, as thousands are at start."""
    born = row[-1]
    if isinstance(born, str):
        return Findable._make((*row[:-1], date.fromisoformat(born)))
    return Findable._make(row)


def read_findable_people(path: Path) -> list[Findable]:
    """Everyone in the store at `path`, read-only, without loading SQLAlchemy."""
    with raw_connection(path, "ro") as connection:
        return [findable_from_row(row) for row in connection.execute(FINDABLE_SQL)]
