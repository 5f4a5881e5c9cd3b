"""The store's engine: its settings hold on every connection, and its transactions are real."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError

from db.store import Store

pytestmark = pytest.mark.sqlite_only  # the SQLite engine's own settings


def test_every_connection_has_wal_foreign_keys_full_sync_and_a_busy_timeout(store: Store) -> None:
    with store.engine.connect() as connection:
        settings = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
        }
    assert settings == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "synchronous": 2,
        "busy_timeout": 5000,
    }


def test_a_schema_change_inside_a_transaction_is_undone_with_it(store: Store) -> None:
    """The driver no longer commits before DDL: CREATE TABLE rolls back like any write."""
    with pytest.raises(OperationalError), store.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE half_done (id INTEGER)")
        connection.exec_driver_sql("INSERT INTO no_such_table VALUES (1)")
    with store.engine.connect() as connection:
        tables = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name = 'half_done'"
        ).all()
    assert tables == []
