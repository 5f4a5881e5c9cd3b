"""The tests' own SQL on the store under test, past the store, to see what is really kept.

It runs on the store's engine, made by `db.connection`, so it works on whichever backend the
test runs on (parameters are named: `:id`). Tests about a SQLite file itself (migrations,
backups, damage) open it with `db.connection.raw_connection`, as the app does.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, text


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
