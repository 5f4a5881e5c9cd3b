"""The tests' own SQL, past the store, to see what is really kept or to break it on purpose.

Both ways in go through `db.connection`, as the app's do: `StoreSQL` on the store under test,
whichever backend it runs on (parameters named, `:id`); `file_rows` and `file_execute` on a
SQLite file itself, for the tests about files (migrations, backups, damage).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from db.connection import raw_connection


class StoreSQL:
    """SQL on the database of a store, each call its own connection and transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def rows(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        with self.engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql), params)]

    def value(self, sql: str, **params: Any) -> Any:
        (row,) = self.rows(sql, **params)
        (only,) = row
        return only

    def execute(self, sql: str, **params: Any) -> None:
        with self.engine.begin() as connection:
            connection.execute(text(sql), params)


def file_rows(path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with raw_connection(path) as connection:
        return connection.execute(sql, params).fetchall()


def file_execute(path: Path, sql: str, *params: Any) -> None:
    """One statement, committed."""
    with raw_connection(path) as connection, connection:
        connection.execute(sql, params)
