"""One module opens every store (`db/connection.py`), so an encrypted store later changes one
file: nothing else makes an engine or a driver connection, and `sqlite3` is imported elsewhere
only where a module sorts the driver's errors into plain words."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FOLDERS = ("assessor", "bench", "cli", "db", "tests", "ui")
THE_WAY_IN = Path("db/connection.py")
# Each catches sqlite3.Error (or reads its codes) to say what went wrong; none opens a file.
SORTS_ERRORS = {
    Path(name)
    for name in (
        "db/problems.py",
        "db/failures.py",
        "db/migrate.py",
        "db/backups.py",
        "db/restore.py",
    )
}
OPENING = re.compile(r"\b(sqlite3\.connect|psycopg\.connect|create_engine|sqlcipher3)\s*\(")
IMPORTING = re.compile(r"^\s*(import sqlite3|from sqlite3 import)", re.MULTILINE)


def _sources() -> dict[Path, str]:
    return {
        path.relative_to(REPO): path.read_text(encoding="utf-8")
        for folder in FOLDERS
        for path in (REPO / folder).rglob("*.py")
        if path.resolve() != Path(__file__).resolve()
    }


def test_only_db_connection_opens_a_store() -> None:
    opening = {path for path, text in _sources().items() if OPENING.search(text)}
    assert opening == {THE_WAY_IN}


def test_sqlite3_is_imported_only_to_open_files_there_or_to_sort_its_errors() -> None:
    importing = {path for path, text in _sources().items() if IMPORTING.search(text)}
    assert importing <= {THE_WAY_IN, *SORTS_ERRORS}
