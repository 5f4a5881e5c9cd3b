"""Bring a store file to the current schema at start-up, keeping a copy of it first.

Opening an up-to-date store only reads one row, so Alembic (slow to import) is loaded only
when there is something to migrate.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from db.problems import StoreProblem

if TYPE_CHECKING:
    from sqlalchemy import Engine

# The newest migration in db/migrations/versions; a test checks this against Alembic's head.
HEAD_REVISION = "0005"
MIGRATIONS = Path(__file__).parent / "migrations"


class StoreTooNew(StoreProblem):
    """The file was written by a newer Assessor; opening it here could damage it."""


def stored_revision(path: Path) -> str | None:
    """The schema revision recorded in the file, or None for a new or empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    with closing(sqlite3.connect(path)) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
    return row[0] if row else None


def backup(path: Path, revision: str) -> Path:
    """A consistent copy of the store (WAL included) in the data folder's backups/."""
    folder = path.parent / "backups"
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"{path.stem}-schema-{revision}-{stamp}.sqlite"
    with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    return target


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def upgrade(engine: Engine, path: Path) -> Path | None:
    """Migrate the store to HEAD_REVISION; returns the backup made, if any."""
    current = stored_revision(path)
    if current == HEAD_REVISION:
        return None
    if current is not None and current not in known_revisions():
        raise StoreTooNew(
            "This store was saved by a newer version of Assessor. Update Assessor on this "
            "laptop before opening it; nothing in the store has been changed."
        )
    saved = backup(path, current) if current is not None else None
    _run_alembic(engine)
    return saved


def _run_alembic(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
