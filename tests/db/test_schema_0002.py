"""A store written at schema 0002 (goals and their reviews) opens with everything intact."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from assessor.example import example_caseload, example_id
from assessor.goals import GoalStatus, Reviewer, status
from db.connection import raw_connection, store_path
from db.migrate import HEAD_REVISION, stored_revision
from db.store import Store

pytestmark = pytest.mark.sqlite_only  # a frozen SQLite fixture

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCHEMA_0002 = FIXTURES / "store-schema-0002.sqlite"
FIXTURE_DAY = date(2026, 11, 23)  # the day tests/fixtures/make_store_0002.py dates from


def _count(path: Path, table: str) -> int:
    with raw_connection(path) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def store_from_0002(tmp_path: Path) -> Iterator[Path]:
    """A data folder holding a copy of the schema-0002 fixture, as a worker's laptop would."""
    shutil.copyfile(SCHEMA_0002, store_path(tmp_path))
    yield tmp_path


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
    expected = {f.person.id: f for f in example_caseload(FIXTURE_DAY)}
    peggy_id = example_id("peggy")
    store = Store.open(store_from_0002, "Test Worker")
    try:
        # Bernie joined the example caseload at schema 0004.
        assert {p.id for p in store.findable_people()} == set(expected) - {example_id("bernie")}
        peggy = store.person_file(peggy_id)
        written = expected[peggy_id]

        assert [g.id for g in peggy.goals] == [g.id for g in written.goals]
        for held, wrote in zip(peggy.goals, written.goals, strict=True):
            assert held.stamp is not None
            assert held.stamp.updated_by == "Fixture Builder"
            assert held.stamp.revision == 1
            assert replace(wrote, stamp=held.stamp) == held

            reviews = peggy.reviews[held.id]
            assert len(reviews) == len(written.reviews[wrote.id]) >= 4
            for review, wrote_review in zip(reviews, written.reviews[wrote.id], strict=True):
                assert review.stamp is not None and review.stamp.revision == 1
                assert replace(wrote_review, stamp=review.stamp) == review
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
        # Page one and page two from schema 0001 are still there beside the goals.
        latest = example_id("peggy-2")
        assert peggy.conversations[latest].entries == written.conversations[latest].entries
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
