"""A store written at schema 0003 (short-term help and progression plans) opens with everything
intact, and a schema-0002 store upgrades to it keeping a copy first."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest

from assessor.example import example_id
from assessor.goals import Reviewer
from assessor.progression import PlanReview, PlanStep, ProgressionPlan
from assessor.short_term import Episode, HelpKind, HelpOutcome, within_48_hours
from db.connection import raw_connection, store_path
from db.migrate import HEAD_REVISION, stored_revision
from db.store import Store
from tests.fixtures.frozen import assert_files_as_frozen, copy_into

pytestmark = pytest.mark.sqlite_only  # a frozen SQLite fixture

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCHEMA_0002 = FIXTURES / "store-schema-0002.sqlite"
SCHEMA_0003 = FIXTURES / "store-schema-0003.sqlite"
FIXTURE_DAY = date(2026, 11, 23)  # the day tests/fixtures/make_store_000[23].py date from
BUILDER = "Fixture Builder"


def _count(path: Path, table: str) -> int:
    with raw_connection(path) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def store_from_0003(tmp_path: Path) -> Iterator[Path]:
    yield copy_into(SCHEMA_0003, tmp_path)


@pytest.fixture
def store_from_0002(tmp_path: Path) -> Iterator[Path]:
    yield copy_into(SCHEMA_0002, tmp_path)


def test_fixture_is_self_contained_and_at_schema_0003() -> None:
    """The committed fixture needs no -wal or -shm beside it and holds the whole caseload."""
    assert not SCHEMA_0003.with_name(SCHEMA_0003.name + "-wal").exists()
    assert not SCHEMA_0003.with_name(SCHEMA_0003.name + "-shm").exists()
    assert stored_revision(SCHEMA_0003) == "0003"
    # What make_store_0003.py wrote: the example caseload as it was at schema 0003.
    counts = {
        "people": 6,
        "goals": 6,
        "goal_reviews": 19,
        "short_term_episodes": 1,
        "episode_reviews": 6,
        "progression_plans": 1,
        "plan_reviews": 3,
    }
    assert {table: _count(SCHEMA_0003, table) for table in counts} == counts
    with raw_connection(SCHEMA_0003) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_schema_0003_store_opens_with_des_s_reablement_intact(store_from_0003: Path) -> None:
    """Des's episode, both outcomes and every weekly review come back as they were written."""
    des_id = example_id("desmond")
    store = Store.open(store_from_0003, "Test Worker")
    try:
        assert_files_as_frozen(store, SCHEMA_0003, [des_id])
        des = store.person_file(des_id)
        (held,) = des.episodes
        assert held.stamp is not None
        assert (held.stamp.updated_by, held.stamp.revision) == (BUILDER, 1)
        assert held.kind is HelpKind.REABLEMENT
        assert held.outcome_2_weeks is HelpOutcome.REDUCED_SUPPORT
        assert held.outcome_6_weeks is HelpOutcome.NO_FURTHER_HELP
        assert within_48_hours(held) is True

        reviews = des.episode_reviews[held.id]
        assert len(reviews) >= 4
        assert all(r.stamp is not None and r.stamp.revision == 1 for r in reviews)
        assert {r.reviewer for r in reviews} == {Reviewer.OT}
        assert all(r.goal_ids == [example_id("des-goal-spell")] for r in reviews)
        assert [e.id for e in store.episodes()] == [held.id]
    finally:
        store.close()
    assert stored_revision(store_path(store_from_0003)) == HEAD_REVISION


def test_schema_0003_store_opens_with_tomeks_plan_intact(store_from_0003: Path) -> None:
    tomek_id = example_id("tomasz")
    store = Store.open(store_from_0003, "Test Worker")
    try:
        assert_files_as_frozen(store, SCHEMA_0003, [tomek_id])
        tomek = store.person_file(tomek_id)
        (held,) = tomek.plans
        assert held.stamp is not None and held.stamp.updated_by == BUILDER
        assert any(step.done_on for step in held.steps)
        reviews = tomek.plan_reviews[held.id]
        assert [r.level for r in reviews] == [2, 3, 3]
    finally:
        store.close()


def test_schema_0003_store_keeps_every_goal_and_review(store_from_0003: Path) -> None:
    """Every person's whole file (goals, reviews and conversations among it) is as frozen."""
    store = Store.open(store_from_0003, "Test Worker")
    try:
        assert_files_as_frozen(store, SCHEMA_0003)
    finally:
        store.close()


def test_opening_the_schema_0003_store_at_head_needs_no_backup(store_from_0003: Path) -> None:
    """While 0003 is the newest schema, opening this store copies nothing; once a later
    migration exists, the upgrade keeps a backup first."""
    Store.open(store_from_0003, "Test Worker").close()
    if HEAD_REVISION == "0003":
        assert not (store_from_0003 / "backups").exists()
    else:
        (backup,) = (store_from_0003 / "backups").iterdir()
        assert "schema-0003" in backup.name
        assert stored_revision(backup) == "0003"


def test_the_schema_0002_store_upgrades_to_head_keeping_a_backup_with_its_goals(
    store_from_0002: Path,
) -> None:
    """The 0002 store is copied first (named for its schema, goals and all); afterwards its
    goals are still there and short-term help and plans can be added beside them."""
    goal_count, review_count = 5, 15  # what make_store_0002.py wrote
    des_id, tomek_id = example_id("desmond"), example_id("tomasz")

    store = Store.open(store_from_0002, "Test Worker")
    try:
        assert len(store.all_goals()) == goal_count
        peggy = store.person_file(example_id("peggy"))
        assert peggy.goals[0].words == "Get up and down my stairs without being frightened."
        assert store.episodes() == []
        assert store.plans(tomek_id) == []

        asked = datetime.combine(FIXTURE_DAY, time(10, 0))
        episode = store.add_episode(
            Episode(des_id, HelpKind.REABLEMENT, asked, "Fernley Reablement Team", asked)
        )
        plan = store.add_plan(
            ProgressionPlan(
                tomek_id,
                FIXTURE_DAY,
                date(2027, 8, 23),
                2,
                4,
                [PlanStep("Walk to the corner shop with my stick.")],
            )
        )
        store.add_plan_review(PlanReview(plan.id, FIXTURE_DAY, 2))
        assert store.episodes(des_id) == [episode]
        assert [r.level for r in store.plan_reviews([plan.id])[plan.id]] == [2]
    finally:
        store.close()

    assert stored_revision(store_path(store_from_0002)) == HEAD_REVISION
    (backup,) = (store_from_0002 / "backups").iterdir()
    assert "schema-0002" in backup.name
    assert stored_revision(backup) == "0002"
    assert _count(backup, "people") == 6
    assert _count(backup, "goals") == goal_count
    assert _count(backup, "goal_reviews") == review_count
    assert _count(store_path(store_from_0002), "goals") == goal_count
    assert _count(store_path(store_from_0002), "goal_reviews") == review_count
