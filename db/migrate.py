"""Bring a store file to the current schema at start-up, keeping a checked copy of it first.

Opening an up-to-date store only reads one row, so Alembic (slow to import) is loaded only
when there is something to migrate. All pending migrations run in one transaction: a kill or
a full disk part-way leaves the store exactly as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from db.connection import raw_connection
from db.problems import StoreProblem, damaged, from_sqlite, in_use
from db.store_file import store_file_exists

if TYPE_CHECKING:
    from sqlalchemy import Engine

# The newest migration in db/migrations/versions; a test checks this against Alembic's head.
HEAD_REVISION = "0007"
MIGRATIONS = Path(__file__).parent / "migrations"
# Room a new store takes at head, with its write-ahead log, before anyone is added.
NEW_STORE_BYTES = 1 << 19


class StoreTooNew(StoreProblem):
    """The file was written by a newer Assessor; opening it here could damage it."""


def stored_revision(path: Path) -> str | None:
    """The schema revision recorded in the file; None only when there is no file at all.

    Anything else that is not a readable Assessor store raises a plain StoreProblem.
    """
    if not store_file_exists(path):
        return None
    try:
        # Read-write, so that SQLite can roll back what a kill left in a rollback journal.
        with raw_connection(path) as connection:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error as error:
        raise (from_sqlite(error, path) or damaged(path)) from error
    if row is None:
        raise damaged(path)
    return str(row[0])


def refuse_if_too_new(revision: str) -> None:
    if revision not in known_revisions():
        raise StoreTooNew(
            "This store was saved by a newer version of Assessor. Update Assessor on this "
            "computer before opening it; nothing in the store has been changed."
        )


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def create_store(path: Path) -> None:
    from db.files import new_partial, remove_partials, remove_sqlite_files, replace_when_whole
    from db.space import require_free_space

    """A new store at head, built beside `path` and renamed into place only when whole."""
    require_free_space(path.parent, NEW_STORE_BYTES, "make a new set of records")
    remove_partials(path.parent, path.name)
    partial = new_partial(path)
    try:
        migrate_whole_file(partial)
        replace_when_whole(partial, path)
    except sqlite3.Error as error:
        problem = from_sqlite(error, path)
        if problem is None:
            raise
        raise problem from error
    finally:
        remove_sqlite_files(partial)  # nothing left once renamed


def upgrade(
    path: Path, revision: str, *, now: Callable[[], datetime], notify: Callable[[str], None]
) -> None:
    """Migrate the store to HEAD_REVISION after a checked copy of it is kept in backups/.

    If the migration fails on the schema it finds (a store an earlier version left half
    upgraded), the newest copy that upgrades cleanly is put in its place and `notify` is told
    in plain words. Any other failure changes nothing, and the copy made for it is removed,
    so failed starts never crowd the good copies out of backups/.
    """
    # Loaded here: an up-to-date store, the usual start, needs none of them.
    from db.backups import copy_size, make_backup, prune
    from db.restore import restore_from_backup
    from db.space import require_free_space

    if revision == HEAD_REVISION:
        return
    refuse_if_too_new(revision)
    require_free_space(path.parent, 2 * copy_size(path), "bring your records up to date")
    backup = make_backup(path, revision, now())
    try:
        run_migrations(path)
    except sqlite3.Error as error:
        problem = from_sqlite(error, path)
        if problem is not None:
            backup.path.unlink()
            raise problem from error
        try:
            newest = restore_from_backup(path, backup, migrate_whole_file, notify)
        except StoreProblem:
            backup.path.unlink(missing_ok=True)  # the store is as it was: the same copy
            raise
    else:
        newest = backup
    prune(path, newest)


def run_migrations(path: Path) -> None:
    """Alembic's upgrade to head on `path`, in one transaction; raises the driver's error."""
    from sqlalchemy.exc import DBAPIError

    from db.connection import create_store_engine

    engine = create_store_engine(path)
    try:
        upgrade_to_head(engine)
    except DBAPIError as error:
        if isinstance(error.orig, sqlite3.Error):
            raise error.orig from error
        raise
    finally:
        engine.dispose()


def upgrade_to_head(engine: Engine) -> None:
    """Alembic's upgrade to head on any store's engine (a file or a server), in one
    transaction: a failure part-way leaves the schema as it was."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def migrate_whole_file(path: Path) -> None:
    """Upgrade a store not yet in place, and fold its write-ahead log into the one file, so
    it can be renamed into place with nothing left beside it."""
    run_migrations(path)
    with raw_connection(path) as connection:
        (mode,) = connection.execute("PRAGMA journal_mode=DELETE").fetchone()
    if mode != "delete":
        raise in_use(path.parent)
