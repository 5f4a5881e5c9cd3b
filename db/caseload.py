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

FINDABLE_COLUMNS = (
    "id",
    "preferred_name",
    "first_names",
    "family_name",
    "other_names",
    "nhs_number",
    "postcode",
    "date_of_birth",
)
FINDABLE_SQL = f"SELECT {', '.join(FINDABLE_COLUMNS)} FROM people WHERE NOT deleted"


def findable_from_row(row: Sequence[Any]) -> Findable:
    values = dict(zip(FINDABLE_COLUMNS, row, strict=True))
    if isinstance(values["date_of_birth"], str):
        values["date_of_birth"] = date.fromisoformat(values["date_of_birth"])
    return Findable(**values)


def read_findable_people(path: Path) -> list[Findable]:
    """Everyone in the store at `path`, read-only, without loading SQLAlchemy."""
    with raw_connection(path, "ro") as connection:
        return [findable_from_row(row) for row in connection.execute(FINDABLE_SQL)]
