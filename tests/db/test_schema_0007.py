"""A store written at schema 0007 (sync with the council's hub) opens still connected, with its
cursor, each row's agreed base, whose caseload each person is on, an open conflict, a change
held aside with the hub's reason and one still to send; a schema-0006 store upgrades to it
keeping every row, the new columns at their defaults and the new tables empty; and the
migration's way back leaves a store at 0006's shape."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import event

from assessor.conflicts import revision_of
from db import migrate
from db.connection import create_store_engine, raw_connection, store_path
from db.migrate import HEAD_REVISION, stored_revision
from db.store import Store
from db.sync.laptop_side import LaptopSync
from db.sync.resolve import SyncConflicts
from tests.fixtures.frozen import assert_files_as_frozen, copy_into
from tests.fixtures.make_store_0006 import (
    EILEEN,
    FIRST_STAMP,
    FIXTURE_DAY,
    PAGE_ONE,
    PEGGY,
    WORKER,
)
from tests.fixtures.make_store_0007 import (
    HELD_PHONE,
    HELD_REASON,
    OUR_ALERTS,
    PRIYA,
    SECOND_WORKER,
    TEAM,
    THEIR_ALERTS,
    UNSENT_ALERTS,
)

pytestmark = pytest.mark.sqlite_only  # a frozen SQLite fixture

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCHEMA_0006 = FIXTURES / "store-schema-0006.sqlite"
SCHEMA_0007 = FIXTURES / "store-schema-0007.sqlite"
# What 0007 added to tables that were there before, and the default each reads as.
NEW_COLUMNS = {
    "change_log": {"held_reason": "", "device_id": "", "person_id": "", "xid": 0},
    "people": {"caseload_of": ""},
}
# The tables 0007 added: the laptop's sync state, bases and conflicts, and the hub's own.
NEW_TABLES = {
    "sync_conflicts",
    "sync_state",
    "sync_base",
    "hub_teams",
    "hub_workers",
    "hub_enrolment_codes",
    "hub_devices",
    "hub_keys",
    "hub_person_teams",
    "hub_receipts",
    "hub_audit",
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
    """Column names for SQL: some are words SQL keeps for itself ("on", "key")."""
    return ", ".join(f'"{column}"' for column in columns)


def count(path: Path, table: str, where: str = "1") -> int:
    with raw_connection(path) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0])


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Store]:
    """A copy of the 0007 fixture opened as a worker's laptop would, closed after the test."""
    store = Store.open(copy_into(SCHEMA_0007, tmp_path), "Test Worker")
    try:
        yield store
    finally:
        store.close()


def test_fixture_is_self_contained_and_at_schema_0007() -> None:
    for beside in ("-wal", "-shm", "-journal"):
        assert not SCHEMA_0007.with_name(SCHEMA_0007.name + beside).exists()
    assert stored_revision(SCHEMA_0007) == "0007"
    assert count(SCHEMA_0007, "people") == 8
    assert count(SCHEMA_0007, "sync_conflicts") == 1
    assert count(SCHEMA_0007, "sync_state", "key = 'cursor'") == 1
    assert count(SCHEMA_0007, "change_log", "held_reason != ''") == 1
    for hub_only in sorted(name for name in NEW_TABLES if name.startswith("hub_")):
        assert count(SCHEMA_0007, hub_only) == 0, hub_only  # a laptop's store


def test_every_file_reads_as_frozen(opened: Store) -> None:
    assert_files_as_frozen(opened, SCHEMA_0007)


def test_the_laptop_is_still_connected_where_its_last_sync_left_it(opened: Store) -> None:
    laptop = LaptopSync(opened)
    status = laptop.status()
    assert status.connected and status.hub_url.startswith("http://127.0.0.1:")
    assert (status.worker, status.team, status.role) == (WORKER, TEAM, "worker")
    assert status.last_synced_at is not None
    assert status.last_synced_at.date() == FIXTURE_DAY and status.last_synced_at > FIRST_STAMP
    assert (status.waiting, status.held, status.open_conflicts) == (1, 1, 1)
    assert laptop.device_id() and laptop.cursor()


def test_every_person_is_on_the_caseload_of_the_worker_who_added_them(opened: Store) -> None:
    assert {person.caseload_of for person in opened.findable_people()} == {WORKER}


def test_each_synced_row_keeps_the_base_it_was_agreed_at(opened: Store, tmp_path: Path) -> None:
    path = store_path(tmp_path)  # the copy `opened` holds
    assert count(path, "sync_base", "kind = 'people'") == 8
    with raw_connection(path) as connection:
        peggy = connection.execute(
            "SELECT revision, json_extract(fields, '$.alerts') FROM sync_base"
            " WHERE kind = 'people' AND row_id = ?",
            (PEGGY,),
        ).fetchone()
        priya = connection.execute(
            "SELECT json_extract(fields, '$.phone') FROM sync_base WHERE row_id = ?", (PRIYA,)
        ).fetchone()
    assert peggy == (revision_of(opened.person(PEGGY)), THEIR_ALERTS)
    assert priya == ("",)  # as agreed before the change held aside


def test_the_open_conflict_keeps_both_versions_of_peggys_alerts(opened: Store) -> None:
    conflicts = SyncConflicts(opened)
    (conflict,) = conflicts.open_conflicts()
    assert (conflict.person_id, conflict.kind, conflict.row_id) == (PEGGY, "people", PEGGY)
    assert set(conflict.fields) == {"alerts"}
    alerts = conflict.fields["alerts"]
    assert (alerts.original, alerts.incoming, alerts.current) == (
        PAGE_ONE["alerts"],
        OUR_ALERTS,
        THEIR_ALERTS,
    )
    assert (conflict.incoming_by, conflict.current_by) == (WORKER, SECOND_WORKER)
    assert conflict.incoming_at > conflict.current_at
    assert opened.person(PEGGY).alerts == THEIR_ALERTS  # the hub's, until a worker chooses

    conflicts.resolve_conflict(conflict.id, {"alerts": OUR_ALERTS})
    assert conflicts.open_conflicts() == []
    assert opened.person(PEGGY).alerts == OUR_ALERTS
    assert LaptopSync(opened).status().waiting == 3  # the choice and the close go next


def test_the_change_held_aside_keeps_its_reason_and_the_unsent_one_waits(opened: Store) -> None:
    laptop = LaptopSync(opened)
    (held,) = laptop.held()
    assert (held.kind, held.row_id, held.person_id) == ("people", PRIYA, PRIYA)
    assert held.reason == HELD_REASON
    assert held.at.date() == FIXTURE_DAY
    assert opened.person(PRIYA).phone == HELD_PHONE  # kept here, though not on the hub

    device_id = laptop.device_id()
    assert device_id is not None
    (waiting,) = laptop.outgoing(device_id)
    assert (waiting.state.kind, waiting.state.id) == ("people", EILEEN)
    assert waiting.state.fields["alerts"] == UNSENT_ALERTS
    assert set(waiting.changed) == {"alerts"}

    laptop.send_again("people", PRIYA)
    assert [(c.state.kind, c.state.id) for c in laptop.outgoing(device_id)] == [
        ("people", PRIYA),
        ("people", EILEEN),
    ]


def test_the_schema_0006_store_upgrades_keeping_every_row_with_the_new_columns_at_defaults(
    tmp_path: Path,
) -> None:
    data_dir = copy_into(SCHEMA_0006, tmp_path)
    before = tables(SCHEMA_0006)
    kept = rows(SCHEMA_0006, before)
    Store.open(data_dir, "Test Worker").close()
    path = store_path(data_dir)
    assert stored_revision(path) == HEAD_REVISION
    assert rows(path, before) == kept
    after = tables(path)
    # Later migrations add tables and columns of their own: 0007's must be among what was added.
    assert set(after) - set(before) >= NEW_TABLES
    for table in sorted(NEW_TABLES):
        assert count(path, table) == 0, table
    with raw_connection(path) as connection:
        for table, defaults in NEW_COLUMNS.items():
            assert set(defaults) <= set(after[table]) - set(before[table]), table
            found = connection.execute(f"SELECT DISTINCT {quoted(defaults)} FROM {table}")
            assert found.fetchall() == [tuple(defaults.values())], table
    (backup,) = (data_dir / "backups").iterdir()
    assert "schema-0006" in backup.name and stored_revision(backup) == "0006"


def test_an_upgraded_store_is_not_connected_and_has_nothing_held(tmp_path: Path) -> None:
    store = Store.open(copy_into(SCHEMA_0006, tmp_path), "Test Worker")
    try:
        laptop = LaptopSync(store)
        status = laptop.status()
        assert not status.connected and status.last_synced_at is None
        assert (status.held, status.open_conflicts) == (0, 0)
        assert laptop.device_id() is None and laptop.cursor() is None
        assert laptop.held() == []
    finally:
        store.close()


def test_the_way_back_leaves_the_shape_of_schema_0006_and_its_rows(tmp_path: Path) -> None:
    """0007's downgrade gives 0006's tables and columns again, keeping every row of them.

    Assessor never downgrades; whoever does must turn foreign keys off, as SQLite needs to
    rebuild a table that others refer to (the store's own engine turns them on)."""
    path = store_path(copy_into(SCHEMA_0007, tmp_path))
    shape_0006 = tables(SCHEMA_0006)
    kept = rows(path, shape_0006)
    engine = create_store_engine(path)
    event.listen(engine, "connect", lambda driver, _: driver.execute("PRAGMA foreign_keys=OFF"))
    try:
        config = Config()
        config.set_main_option("script_location", str(migrate.MIGRATIONS))
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0006")
    finally:
        engine.dispose()
    assert stored_revision(path) == "0006"
    assert tables(path) == shape_0006
    assert rows(path, shape_0006) == kept
    with raw_connection(path) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
