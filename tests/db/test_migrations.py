"""Schema changes at start-up: new stores reach head, old stores upgrade, newer ones are refused."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from assessor.example import example_caseload, example_id
from assessor.goals import Goal, Review
from db import migrate
from db.backups import make_backup
from db.connection import raw_connection, store_path
from db.migrate import HEAD_REVISION, StoreTooNew, stored_revision
from db.models import Base
from db.store import Store
from tests.fixtures.frozen import assert_files_as_frozen, copy_into

pytestmark = pytest.mark.sqlite_only  # upgrading SQLite files

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
SCHEMA_0001 = FIXTURES / "store-schema-0001.sqlite"
FIXTURE_DAY = date(2026, 11, 23)  # the day tests/fixtures/make_store_0001.py dates from


def _count_people(path: Path) -> int:
    with raw_connection(path) as connection:
        return int(connection.execute("SELECT count(*) FROM people").fetchone()[0])


def _set_revision(path: Path, revision: str) -> None:
    with raw_connection(path) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))


@pytest.fixture
def store_from_0001(tmp_path: Path) -> Iterator[Path]:
    """A data folder holding a copy of the schema-0001 fixture, as a worker's laptop would."""
    yield copy_into(SCHEMA_0001, tmp_path)


def test_head_revision_constant_matches_alembic() -> None:
    """The fast start-up check compares against the newest migration that actually exists."""
    script = ScriptDirectory(str(migrate.MIGRATIONS))
    assert script.get_current_head() == HEAD_REVISION
    assert HEAD_REVISION in migrate.known_revisions()


def test_every_migration_has_its_frozen_fixture_and_upgrade_test() -> None:
    """The rule for a schema change: a fixture written at it (what each must read as is
    checked in test_frozen_expectations.py) and a test that it opens and that the one before
    upgrades to it (0001's tests are in this file)."""
    revisions = sorted(migrate.known_revisions())
    fixtures = [FIXTURES / f"store-schema-{revision}.sqlite" for revision in revisions]
    assert [f.name for f in fixtures if not f.exists()] == []
    assert [stored_revision(f) for f in fixtures] == revisions
    tests = [HERE / f"test_schema_{revision}.py" for revision in revisions[1:]]
    assert [t.name for t in tests if not t.exists()] == []


def test_new_empty_folder_is_migrated_to_head(tmp_path: Path) -> None:
    """A first start creates the store at the newest schema, without a backup of nothing."""
    data_dir = tmp_path / "new" / "profile"
    store = Store.open(data_dir, "Test Worker", create=True)
    try:
        assert len(store.findable_people()) == 0
    finally:
        store.close()
    assert stored_revision(store_path(data_dir)) == HEAD_REVISION
    assert not (data_dir / "backups").exists()


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    """The migrations build exactly the tables, columns and indexes the models describe."""
    store = Store.open(tmp_path, "Test Worker", create=True)
    try:
        with store.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        store.close()
    assert differences == []


def test_store_from_a_newer_version_is_refused_and_left_alone(store_from_0001: Path) -> None:
    """Opening a store saved by a newer Assessor fails clearly and does not touch the file."""
    path = store_path(store_from_0001)
    _set_revision(path, "9999")
    before = path.read_bytes()

    with pytest.raises(StoreTooNew, match="newer version") as caught:
        Store.open(store_from_0001, "Test Worker")

    assert "nothing in the store has been changed" in str(caught.value)
    assert path.read_bytes() == before
    assert not (store_from_0001 / "backups").exists()
    assert stored_revision(path) == "9999"


def test_first_released_schema_opens_with_everything_intact(store_from_0001: Path) -> None:
    """A store written by the first release opens with its people and their words unchanged."""
    store = Store.open(store_from_0001, "Test Worker")
    try:
        # Every person's whole file, as frozen beside the fixture: the first release had six.
        assert_files_as_frozen(store, SCHEMA_0001)
        assert len(store.findable_people()) == 6

        peggy = store.person_file(example_id("peggy"))
        assert peggy.person.display_name == "Peggy Okafor"
        latest = example_id("peggy-2")
        assert [c.id for c in peggy.contacts] == [latest, example_id("peggy-1")]
        said = peggy.conversations[latest].entries["what_matters"]
        assert said.own_words is True
        assert said.text == "Chapel, my garden, and not being a burden on Grace."

        des = store.conversation(example_id("des-1"))
        assert des.text("wants") == "Help for a few weeks, then leave me be."
    finally:
        store.close()
    assert stored_revision(store_path(store_from_0001)) == HEAD_REVISION


def test_fixture_is_self_contained() -> None:
    """The committed fixture needs no -wal or -shm beside it and is at schema 0001."""
    assert not SCHEMA_0001.with_name(SCHEMA_0001.name + "-wal").exists()
    assert not SCHEMA_0001.with_name(SCHEMA_0001.name + "-shm").exists()
    assert stored_revision(SCHEMA_0001) == "0001"
    assert _count_people(SCHEMA_0001) == 6


def test_opening_an_up_to_date_store_makes_no_backup(tmp_path: Path) -> None:
    """Backups are for upgrades; an ordinary start does not fill the disk with copies."""
    Store.open(tmp_path, "Test Worker", create=True).close()
    Store.open(tmp_path, "Test Worker").close()
    assert not (tmp_path / "backups").exists()


def test_upgrading_the_first_schema_keeps_a_backup_and_then_holds_goals(
    store_from_0001: Path,
) -> None:
    """Schema 0002 adds goals: the 0001 store is copied first, and its people carry over."""
    store = Store.open(store_from_0001, "Test Worker")
    try:
        peggy = example_id("peggy")
        goal = store.add_goal(
            Goal(person_id=peggy, words="Sing in the chapel choir again", set_on=FIXTURE_DAY)
        )
        store.add_review(Review(goal_id=goal.id, rating=-1, on=FIXTURE_DAY))
        assert [g.words for g in store.goals(peggy)] == ["Sing in the chapel choir again"]
        assert [r.rating for r in store.reviews([goal.id])[goal.id]] == [-1]
    finally:
        store.close()
    (backup,) = (store_from_0001 / "backups").iterdir()
    assert "schema-0001" in backup.name
    assert stored_revision(backup) == "0001"
    assert _count_people(backup) == 6


def test_backup_is_a_readable_copy_including_unsaved_wal(tmp_path: Path) -> None:
    """The copy kept before an upgrade holds everything, even changes still in the WAL."""
    store = Store.open(tmp_path, "Test Worker", create=True)
    try:
        store.add_files(example_caseload(FIXTURE_DAY))
        path = store_path(tmp_path)
        assert path.with_name(path.name + "-wal").stat().st_size > 0  # not yet checkpointed
        copy = make_backup(path, HEAD_REVISION, datetime(2026, 11, 23, 9, tzinfo=UTC)).path
    finally:
        store.close()

    assert copy.parent == tmp_path / "backups"
    assert f"-schema-{HEAD_REVISION}-" in copy.name
    assert copy.suffix == ".sqlite"
    assert _count_people(copy) == 7
    assert stored_revision(copy) == HEAD_REVISION
    with raw_connection(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
