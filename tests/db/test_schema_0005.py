"""A store written at schema 0005 (drafts) opens with its draft, and a schema-0004 store
upgrades to it keeping every row, with no drafts."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.connection import raw_connection, store_path
from db.migrate import HEAD_REVISION, stored_revision
from db.store import Store
from tests.fixtures.frozen import assert_files_as_frozen, copy_into
from tests.fixtures.make_store_0005 import PEGGY_NHS_NUMBER_DRAFT

pytestmark = pytest.mark.sqlite_only  # a frozen SQLite fixture

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCHEMA_0004 = FIXTURES / "store-schema-0004.sqlite"
SCHEMA_0005 = FIXTURES / "store-schema-0005.sqlite"
TABLES = (
    "people",
    "people_who_matter",
    "contacts",
    "conversation_entries",
    "goals",
    "goal_reviews",
    "short_term_episodes",
    "episode_reviews",
    "progression_plans",
    "plan_reviews",
    "caring_roles",
    "carer_offers",
    "carer_plans",
    "carer_reviews",
    "change_log",
)


def counts(path: Path) -> dict[str, int]:
    with raw_connection(path) as connection:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_fixture_is_self_contained_and_at_schema_0005() -> None:
    assert not SCHEMA_0005.with_name(SCHEMA_0005.name + "-wal").exists()
    assert stored_revision(SCHEMA_0005) == "0005"
    assert counts(SCHEMA_0005)["people"] == 7


def test_schema_0005_store_opens_with_its_draft(tmp_path: Path) -> None:
    store = Store.open(copy_into(SCHEMA_0005, tmp_path), "Test Worker")
    try:
        assert store.drafts() == [PEGGY_NHS_NUMBER_DRAFT]
        assert_files_as_frozen(store, SCHEMA_0005)
    finally:
        store.close()


def test_the_schema_0004_store_upgrades_keeping_every_row_and_holding_no_drafts(
    tmp_path: Path,
) -> None:
    data_dir = copy_into(SCHEMA_0004, tmp_path)
    before = counts(store_path(data_dir))
    store = Store.open(data_dir, "Test Worker")
    try:
        assert store.drafts() == []
    finally:
        store.close()
    assert stored_revision(store_path(data_dir)) == HEAD_REVISION
    assert counts(store_path(data_dir)) == before
    (backup,) = (data_dir / "backups").iterdir()
    assert "schema-0004" in backup.name and stored_revision(backup) == "0004"
