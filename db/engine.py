"""The one place a database engine is made, so encryption at rest can swap the driver later."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine

STORE_FILE_NAME = "assessor.sqlite"


def store_path(data_dir: Path) -> Path:
    return data_dir / STORE_FILE_NAME


def create_store_engine(path: Path) -> Engine:
    """An engine on the store file with WAL, foreign keys, full sync and real transactions.

    Full sync costs a few milliseconds a commit and means a saved word survives a power cut,
    not only a crash of the app. Python's sqlite3 driver, left to itself, begins a transaction
    only before INSERT, UPDATE or DELETE, so schema changes (CREATE TABLE in a migration) and
    the reads before a write ran outside any transaction: a kill mid-upgrade left half a
    schema. Here the driver begins nothing and every SQLAlchemy transaction emits its own
    BEGIN (SQLAlchemy's documented recipe for pysqlite), so a migration, with its version
    update, commits whole or not at all, and each store method is one real transaction.
    """
    from sqlalchemy import create_engine, event  # loaded here: store_path must stay light

    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # the driver's own BEGIN, never
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine
