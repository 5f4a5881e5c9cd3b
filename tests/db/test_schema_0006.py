"""A store written at schema 0006 (what a Talking Point needs) opens with page one's new fields,
what was agreed and what was marked entered in error, marked records left out of lists but
kept in the file; a schema-0005 store upgrades to it keeping every row, the new columns at
their defaults; and the migration's way back leaves a store at 0005's shape."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import event

from assessor.example import example_id
from assessor.follow_up import FollowUp, newest_follow_ups
from db import migrate
from db.connection import create_store_engine, raw_connection, store_path
from db.migrate import HEAD_REVISION, stored_revision
from db.store import Store
from tests.fixtures.frozen import assert_files_as_frozen, copy_into
from tests.fixtures.make_store_0006 import (
    CONTACT_REASON,
    DES_EPISODE,
    DUPLICATE_PEGGY_REASON,
    EILEEN,
    EILEEN_ARRANGED,
    EILEEN_ARRANGED_ON,
    FOLLOW_UP_ON,
    GOAL_REVIEW_REASON,
    MISTAKEN_CONTACT,
    MISTAKEN_WORDS,
    OUTCOME_REASON,
    PAGE_ONE,
    PEGGY,
    PEGGY_CHOIR_GOAL,
    PEGGY_LATEST,
    PEGGY_SECOND_RECORD,
    STEP_BY_WHEN,
    STEPS,
    WEEKLY_REVIEW_REASON,
)

pytestmark = pytest.mark.sqlite_only  # a frozen SQLite fixture

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCHEMA_0005 = FIXTURES / "store-schema-0005.sqlite"
SCHEMA_0006 = FIXTURES / "store-schema-0006.sqlite"
# What 0006 added to tables that were there before, and the default each reads as.
NEW_COLUMNS = {
    "people": {
        "alerts": "",
        "gp_practice": "",
        "lives_alone": None,
        "attorney": "",
        "format_arranged": "",
        "format_arranged_on": None,
        "in_error_reason": "",
    },
    "contacts": {"follow_up_on": None, "in_error_reason": ""},
    "goal_reviews": {"in_error_reason": ""},
    "episode_reviews": {"in_error_reason": ""},
    "short_term_episodes": {"outcome_2_weeks_in_error": "", "outcome_6_weeks_in_error": ""},
}


def tables(path: Path) -> dict[str, list[str]]:
    """Each table's columns, in order."""
    with raw_connection(path) as connection:
        names = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {
            name: [column[1] for column in connection.execute(f"PRAGMA table_info({name})")]
            for (name,) in names.fetchall()
            if name != "alembic_version"
        }


def rows(path: Path, shape: dict[str, list[str]]) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables in `shape`, in those columns only, in a fixed order."""
    with raw_connection(path) as connection:
        return {
            name: connection.execute(
                f"SELECT {quoted(columns)} FROM {name} ORDER BY {quoted(columns)}"
            ).fetchall()
            for name, columns in shape.items()
        }


def quoted(columns: Iterable[str]) -> str:
    """Column names for SQL: some are words SQL keeps for itself ("on")."""
    return ", ".join(f'"{column}"' for column in columns)


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Store]:
    """A copy of the 0006 fixture opened as a worker's laptop would, closed after the test."""
    store = Store.open(copy_into(SCHEMA_0006, tmp_path), "Test Worker")
    try:
        yield store
    finally:
        store.close()


def test_fixture_is_self_contained_and_at_schema_0006() -> None:
    for beside in ("-wal", "-shm", "-journal"):
        assert not SCHEMA_0006.with_name(SCHEMA_0006.name + beside).exists()
    assert stored_revision(SCHEMA_0006) == "0006"
    with raw_connection(SCHEMA_0006) as connection:
        assert connection.execute("SELECT count(*) FROM people").fetchone() == (8,)
        assert connection.execute("SELECT count(*) FROM agreed_steps").fetchone() == (2,)


def test_every_file_reads_as_frozen(opened: Store) -> None:
    assert_files_as_frozen(opened, SCHEMA_0006)


def test_page_one_holds_the_alerts_gp_living_alone_attorney_and_an_arranged_format(
    opened: Store,
) -> None:
    peggy = opened.person(PEGGY)
    assert {name: getattr(peggy, name) for name in PAGE_ONE} == PAGE_ONE
    eileen = opened.person(EILEEN)
    assert (eileen.format_arranged, eileen.format_arranged_on) == (
        EILEEN_ARRANGED,
        EILEEN_ARRANGED_ON,
    )


def test_what_was_agreed_and_the_follow_up_read_back(opened: Store) -> None:
    steps = opened.agreed_steps(PEGGY_LATEST)
    assert [(step.what, step.who) for step in steps] == list(STEPS)
    assert tuple(step.by_when for step in steps) == STEP_BY_WHEN
    # The later contact entered in error does not close the follow-up agreed before it.
    follow_ups = newest_follow_ups(opened.contacts_to_follow_up())
    assert follow_ups == [FollowUp(PEGGY, PEGGY_LATEST, FOLLOW_UP_ON)]


def test_a_person_and_a_contact_entered_in_error_leave_the_lists_and_stay_in_the_file(
    opened: Store,
) -> None:
    assert PEGGY_SECOND_RECORD not in {one.id for one in opened.findable_people()}
    assert len(opened.findable_people()) == 7
    assert opened.person(PEGGY_SECOND_RECORD).in_error_reason == DUPLICATE_PEGGY_REASON

    assert [c.id for c in opened.contacts(PEGGY)] == [PEGGY_LATEST, example_id("peggy-1")]
    whole = opened.person_file(PEGGY)
    marked = next(c for c in whole.contacts if c.id == MISTAKEN_CONTACT)
    assert marked.in_error_reason == CONTACT_REASON
    assert whole.conversations[MISTAKEN_CONTACT].text("what_matters") == MISTAKEN_WORDS
    assert MISTAKEN_CONTACT not in {c.id for c in whole.counted().contacts}


def test_reviews_and_an_outcome_entered_in_error_stop_counting_and_are_kept(
    opened: Store,
) -> None:
    whole = opened.person_file(PEGGY)
    (wrong,) = [r for r in whole.reviews[PEGGY_CHOIR_GOAL] if r.in_error_reason]
    assert (wrong.in_error_reason, wrong.rating) == (GOAL_REVIEW_REASON, 2)
    assert wrong not in whole.counted().reviews[PEGGY_CHOIR_GOAL]
    (choir,) = [goal for goal in opened.goals_to_date() if goal.id == PEGGY_CHOIR_GOAL]
    assert choir.latest_rating == -1  # the review before the mistaken +2

    des = opened.person_file(example_id("desmond"))
    (weekly,) = [r for r in des.episode_reviews[DES_EPISODE] if r.in_error_reason]
    assert weekly.in_error_reason == WEEKLY_REVIEW_REASON
    assert weekly not in des.counted().episode_reviews[DES_EPISODE]

    (episode,) = des.episodes
    assert episode.outcome_in_error(6) == OUTCOME_REASON
    assert episode.outcome(6) == (None, None, "")  # due again...
    assert episode.outcome_6_weeks is not None  # ...though what was recorded is kept
    assert DES_EPISODE in {e.id for e in opened.episodes_awaiting_outcome()}


def test_the_schema_0005_store_upgrades_keeping_every_row_with_the_new_columns_at_defaults(
    tmp_path: Path,
) -> None:
    data_dir = copy_into(SCHEMA_0005, tmp_path)
    before = tables(SCHEMA_0005)
    kept = rows(SCHEMA_0005, before)
    Store.open(data_dir, "Test Worker").close()
    path = store_path(data_dir)
    assert stored_revision(path) == HEAD_REVISION
    assert rows(path, before) == kept
    after = tables(path)
    # Later migrations add tables and columns of their own: 0006's must be among what was added.
    assert {"agreed_steps"} <= set(after) - set(before)
    with raw_connection(path) as connection:
        assert connection.execute("SELECT count(*) FROM agreed_steps").fetchone() == (0,)
        for table, defaults in NEW_COLUMNS.items():
            assert set(defaults) <= set(after[table]) - set(before[table]), table
            found = connection.execute(f"SELECT DISTINCT {quoted(defaults)} FROM {table}")
            assert found.fetchall() == [tuple(defaults.values())], table
    (backup,) = (data_dir / "backups").iterdir()
    assert "schema-0005" in backup.name and stored_revision(backup) == "0005"


def test_the_way_back_leaves_the_shape_of_schema_0005_and_its_rows(tmp_path: Path) -> None:
    """0006's downgrade gives 0005's tables and columns again, keeping every row of them.

    Assessor never downgrades; whoever does must turn foreign keys off, as SQLite needs to
    rebuild a table that others refer to (the store's own engine turns them on)."""
    path = store_path(copy_into(SCHEMA_0006, tmp_path))
    shape_0005 = tables(SCHEMA_0005)
    kept = rows(path, shape_0005)
    engine = create_store_engine(path)
    event.listen(engine, "connect", lambda driver, _: driver.execute("PRAGMA foreign_keys=OFF"))
    try:
        config = Config()
        config.set_main_option("script_location", str(migrate.MIGRATIONS))
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0005")
    finally:
        engine.dispose()
    assert stored_revision(path) == "0005"
    assert tables(path) == shape_0005
    assert rows(path, shape_0005) == kept
    with raw_connection(path) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
