"""A store in a PostgreSQL database is made by the same migrations as a laptop's file, and one
written by a newer Assessor is refused and left as it is."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from db.connection import create_server_engine
from db.migrate import HEAD_REVISION, StoreTooNew
from db.models import Base
from db.server import open_server_store
from tests.kit.postgres import PostgresServer
from tests.kit.raw_sql import StoreSQL


@pytest.fixture
def empty_database(postgres_server: PostgresServer) -> str:
    return postgres_server.new_database()


def _columns(url: str) -> dict[str, set[str]]:
    engine = create_server_engine(url)
    try:
        found = inspect(engine)
        return {
            table: {c["name"] for c in found.get_columns(table)}
            for table in found.get_table_names()
        }
    finally:
        engine.dispose()


def test_the_migrations_make_every_table_and_column_on_an_empty_database(
    empty_database: str,
) -> None:
    store = open_server_store(empty_database, "Test Worker")
    try:
        revision = StoreSQL(store.engine).value("SELECT version_num FROM alembic_version")
    finally:
        store.close()
    declared = {
        table.name: {c.name for c in table.columns} for table in Base.metadata.sorted_tables
    }
    assert revision == HEAD_REVISION
    assert _columns(empty_database) == {**declared, "alembic_version": {"version_num"}}


def test_a_database_from_a_newer_assessor_is_refused_and_left_as_it_is(
    empty_database: str,
) -> None:
    open_server_store(empty_database, "Test Worker").close()
    engine = create_server_engine(empty_database)
    raw = StoreSQL(engine)
    raw.execute("UPDATE alembic_version SET version_num = '9999'")
    before = _columns(empty_database)
    try:
        with pytest.raises(StoreTooNew, match="newer version of Assessor"):
            open_server_store(empty_database, "Test Worker")
        assert raw.value("SELECT version_num FROM alembic_version") == "9999"
    finally:
        engine.dispose()
    assert _columns(empty_database) == before
