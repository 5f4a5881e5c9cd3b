"""A store written at schema 0002 (goals and their reviews) opens with everything intact."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assessor.example import example_id
from assessor.goals import GoalStatus, Reviewer, status
from db.connection import raw_connection, store_path
from db.migrate import HEAD_REVISION, stored_revision
from db.store import Store
from tests.fixtures.frozen import assert_files_as_frozen, copy_into

pytestmark = pytest.mark.sqlite_only  # a frozen SQLite fixture

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCHEMA_0002 = FIXTURES / "store-schema-0002.sqlite"


def _count(path: Path, table: str) -> int:
    with raw_connection(path) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def store_from_0002(tmp_path: Path) -> Iterator[Path]:
    """A data folder holding a copy of the schema-0002 fixture, as a worker's laptop would."""
    yield copy_into(SCHEMA_0002, tmp_path)


def test_fixture_is_self_contained_and_at_schema_0002() -> None:
    """The committed fixture needs no -wal or -shm beside it and holds goals and reviews."""
    assert not SCHEMA_0002.with_name(SCHEMA_0002.name + "-wal").exists()
    assert not SCHEMA_0002.with_name(SCHEMA_0002.name + "-shm").exists()
    assert stored_revision(SCHEMA_0002) == "0002"
    # What make_store_0002.py wrote: the example caseload as it was at schema 0002.
    assert _count(SCHEMA_0002, "people") == 6
    assert _count(SCHEMA_0002, "goals") == 5
    assert _count(SCHEMA_0002, "goal_reviews") == 15
    with raw_connection(SCHEMA_0002) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_schema_0002_store_opens_with_peggys_goals_and_reviews_intact(
    store_from_0002: Path,
) -> None:
    """Peggy's goals and every review come back as they were written, in order."""
    peggy_id = example_id("peggy")
    store = Store.open(store_from_0002, "Test Worker")
    try:
        # Every person's whole file as frozen: goals, reviews and their stamps beside page one
        # and page two from schema 0001 (Bernie joined the example caseload at schema 0004).
        assert_files_as_frozen(store, SCHEMA_0002)
        peggy = store.person_file(peggy_id)
        for goal in peggy.goals:
            assert goal.stamp is not None
            assert (goal.stamp.updated_by, goal.stamp.revision) == ("Fixture Builder", 1)
            reviews = peggy.reviews[goal.id]
            assert len(reviews) >= 4
            assert all(r.stamp is not None and r.stamp.revision == 1 for r in reviews)
        stairs = peggy.goals[0]
        assert stairs.words == "Get up and down my stairs without being frightened."
        assert {r.reviewer for g in peggy.goals for r in peggy.reviews[g.id]} == set(Reviewer)
        assert [status(g, peggy.reviews[g.id]) for g in peggy.goals] == [
            GoalStatus.ACHIEVED,
            GoalStatus.IMPROVING,
            GoalStatus.NO_CHANGE,
        ]

        assert len(store.all_goals()) == 5
        assert {g.id for g in peggy.goals} <= {g.id for g, _ in store.all_goals()}
    finally:
        store.close()
    assert stored_revision(store_path(store_from_0002)) == HEAD_REVISION


def test_opening_the_schema_0002_store_at_head_needs_no_backup(store_from_0002: Path) -> None:
    """While 0002 is the newest schema, opening this store migrates nothing and copies nothing;
    once a later migration exists, the upgrade keeps a backup first."""
    Store.open(store_from_0002, "Test Worker").close()
    if HEAD_REVISION == "0002":
        assert not (store_from_0002 / "backups").exists()
    else:
        (backup,) = (store_from_0002 / "backups").iterdir()
        assert stored_revision(backup) == "0002"
