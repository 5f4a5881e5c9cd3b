"""Copies of the store kept in backups/ before each upgrade: checked, never overwritten, bounded.

A copy is written under a temporary name, checked (its size against its pages, SQLite's
integrity check, its schema revision) and only then given its name, which holds the schema
and the time: `assessor-schema-0001-20261123T090000Z.sqlite`, with `-2`, `-3` … added when
the clock gives a time already used, so no copy ever replaces another. The newest KEEP are
kept, always including the one just made.
"""

from __future__ import annotations

import errno
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from db.connection import copy_store, raw_connection
from db.files import (
    PRIVATE_FOLDER,
    new_partial,
    remove_partials,
    remove_sqlite_files,
    replace_when_whole,
)
from db.problems import StoreProblem, StoreUnreachable, disk_full, from_sqlite
from db.space import require_free_space

FOLDER = "backups"
KEEP = 5
STAMP = "%Y%m%dT%H%M%SZ"
NOT_UPDATED = "could-not-be-updated"
_NAME = re.compile(r"(?P<revision>\w+?)-(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<number>\d+))?\.sqlite")


@dataclass(frozen=True)
class Backup:
    path: Path
    revision: str
    taken: datetime  # UTC, to the second, from the name
    number: int  # 1, or 2, 3 … for later copies made in the same second

    @property
    def when(self) -> str:
        """When it was taken, in local time, as the worker reads dates: 23 Nov 2026 at 09:00."""
        local = self.taken.astimezone()
        return f"{local.day} {local:%b %Y} at {local:%H:%M}"


def backup_folder(store: Path) -> Path:
    return store.parent / FOLDER


def backups(store: Path) -> list[Backup]:
    """The store's copies in backups/, newest first; copies kept as not upgradable are left out."""
    prefix = f"{store.stem}-schema-"
    found = []
    folder = backup_folder(store)
    for path in folder.glob(f"{prefix}*.sqlite") if folder.is_dir() else ():
        match = _NAME.fullmatch(path.name.removeprefix(prefix))
        if match:
            taken = datetime.strptime(match["stamp"], STAMP).replace(tzinfo=UTC)
            found.append(Backup(path, match["revision"], taken, int(match["number"] or 1)))
    return sorted(found, key=lambda backup: (backup.taken, backup.number), reverse=True)


def make_backup(store: Path, revision: str, now: datetime) -> Backup:
    """A checked copy of the store (its write-ahead log included) under a name of its own."""
    folder = backup_folder(store)
    folder.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
    remove_partials(folder, f"{store.stem}-schema-")
    require_free_space(folder, copy_size(store), "keep a copy of your records before updating")
    backup = _unused_name(store, revision, now)
    partial: Path | None = None
    try:
        partial = new_partial(backup.path)
        copy_store(store, partial)
        if not is_whole(partial, revision):
            raise _copy_failed(folder, "could not be checked")
        replace_when_whole(partial, backup.path)
    except sqlite3.Error as error:
        raise (from_sqlite(error, store) or _copy_failed(folder, "could not be made")) from error
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise disk_full(folder) from error
        raise _copy_failed(folder, "could not be made") from error
    finally:
        if partial is not None:  # gone already when the copy got its name
            remove_sqlite_files(partial)
    return backup


def copy_size(store: Path) -> int:
    """Bytes a copy of the store may take: the file and its write-ahead log."""
    wal = store.with_name(store.name + "-wal")
    return store.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def is_whole(path: Path, revision: str) -> bool:
    """A copy to rely on: as long as its pages say, intact, and at the expected schema."""
    try:
        size = path.stat().st_size
        with raw_connection(path, "immutable") as copy:
            (page_size,) = copy.execute("PRAGMA page_size").fetchone()
            (pages,) = copy.execute("PRAGMA page_count").fetchone()
            intact = copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            stored = copy.execute("SELECT version_num FROM alembic_version").fetchall()
    except (OSError, sqlite3.Error):
        return False
    return size > 0 and size == page_size * pages and intact and stored == [(revision,)]


def keep_as_not_updated(backup: Backup) -> Path:
    """Rename the copy of a store that would not upgrade, so it is never restored or pruned."""
    kept = backup.path.with_name(f"{backup.path.stem}-{NOT_UPDATED}.sqlite")
    backup.path.rename(kept)
    return kept


def prune(store: Path, newest: Backup) -> None:
    """Keep the KEEP newest copies by their names' times, always including `newest`.

    A copy made while the clock was set back carries an older time than the rest; it is
    still the one last checked, so it stays.
    """
    others = [backup for backup in backups(store) if backup.path != newest.path]
    for old in others[KEEP - 1 :]:
        remove_sqlite_files(old.path)


def _unused_name(store: Path, revision: str, now: datetime) -> Backup:
    taken = now.astimezone(UTC).replace(microsecond=0)
    base = f"{store.stem}-schema-{revision}-{taken.strftime(STAMP)}"
    number = 1
    while (backup_folder(store) / _numbered(base, number)).exists():
        number += 1
    return Backup(backup_folder(store) / _numbered(base, number), revision, taken, number)


def _numbered(base: str, number: int) -> str:
    return f"{base}.sqlite" if number == 1 else f"{base}-{number}.sqlite"


def _copy_failed(folder: Path, what_happened: str) -> StoreProblem:
    return StoreUnreachable(
        f"The copy of your records Assessor keeps in {folder} before an update "
        f"{what_happened}, so the update was not started. Nothing has been changed. Check "
        "the disk, then start Assessor again."
    )
