"""Why a store cannot be opened, in words a worker or council IT can act on.

Every face (the app, the command line, later the hub) catches `StoreProblem` and shows its
message as it is: the message never holds SQL, a traceback or the data being saved.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class StoreProblem(Exception):
    """The store cannot be opened or used as it is; str() is the plain message."""


class StoreMissing(StoreProblem):
    """No store where one was expected; a new one is made only when asked for."""


class StoreDamaged(StoreProblem):
    """The file is empty, cut short, not SQLite, or not an Assessor store; it is left alone."""


class StoreUnreachable(StoreProblem):
    """The folder or file cannot be read or written (permissions, a folder, a disk error)."""


class StoreInUse(StoreProblem):
    """Another program holds the store for longer than Assessor waits."""


class NotEnoughSpace(StoreProblem):
    """The disk is too full to copy, update or make a store safely."""


def damaged(path: Path) -> StoreDamaged:
    return StoreDamaged(
        f"The file {path} is not an Assessor store, or it is damaged. Assessor has not "
        "changed it; council IT can put back a copy from the backups folder beside it."
    )


def disk_full(folder: Path) -> NotEnoughSpace:
    return NotEnoughSpace(
        f"The disk holding {folder} is full. Nothing has been changed. Free some space, for "
        "example by emptying the wastebasket, and start Assessor again."
    )


def in_use(folder: Path) -> StoreInUse:
    return StoreInUse(
        f"The records in {folder} are busy in another program. Close any other copy of "
        "Assessor and try again; nothing has been changed."
    )


def from_sqlite(error: sqlite3.Error, path: Path) -> StoreProblem | None:
    """The plain problem behind an SQLite error on the store at `path`, where there is one.

    Used only where a failure changes nothing (a read, a rolled-back transaction, a copy
    removed when incomplete), so every message can say so. None means the error is about the
    schema or the SQL itself, which the caller decides about.
    """
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code == sqlite3.SQLITE_FULL:
        return disk_full(path.parent)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return in_use(path.parent)
    if code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_FORMAT):
        return damaged(path)
    if code in (
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_CANTOPEN,
        sqlite3.SQLITE_PERM,
        sqlite3.SQLITE_AUTH,
        sqlite3.SQLITE_IOERR,
    ):
        return StoreUnreachable(
            f"Assessor could not read or write {path}. Nothing has been changed. Check that "
            "the disk is connected and that you are allowed to change that folder."
        )
    return None
