"""A store written at schema 0004 (carers as people in their own right) opens with its carer
intact, and a schema-0003 store upgrades to it keeping everything, its contacts not shared."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from assessor.carers import CaringRole, OfferResponse, Supported, review_due
from assessor.example import example_id
from assessor.record import ConversationKind
from db.connection import raw_connection, store_path
from db.migrate import HEAD_REVISION, stored_revision
from db.store import Store
from tests.fixtures.frozen import assert_files_as_frozen, copy_into

pytestmark = pytest.mark.sqlite_only  # a frozen SQLite fixture

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCHEMA_0003 = FIXTURES / "store-schema-0003.sqlite"
SCHEMA_0004 = FIXTURES / "store-schema-0004.sqlite"
FIXTURE_DAY = date(2026, 11, 23)  # the day tests/fixtures/make_store_000[34].py date from
BUILDER = "Fixture Builder"
BERNIE, PEGGY, EILEEN = example_id("bernie"), example_id("peggy"), example_id("eileen")


def _count(path: Path, table: str) -> int:
    with raw_connection(path) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def store_from_0004(tmp_path: Path) -> Iterator[Path]:
    yield copy_into(SCHEMA_0004, tmp_path)


@pytest.fixture
def store_from_0003(tmp_path: Path) -> Iterator[Path]:
    yield copy_into(SCHEMA_0003, tmp_path)


def test_fixture_is_self_contained_and_at_schema_0004() -> None:
    """The committed fixture needs no -wal or -shm beside it and holds the whole caseload."""
    assert not SCHEMA_0004.with_name(SCHEMA_0004.name + "-wal").exists()
    assert not SCHEMA_0004.with_name(SCHEMA_0004.name + "-shm").exists()
    assert stored_revision(SCHEMA_0004) == "0004"
    # What make_store_0004.py wrote: the example caseload as it was at schema 0004.
    counts = {
        "people": 7,
        "people_who_matter": 4,
        "contacts": 7,
        "goals": 8,
        "goal_reviews": 21,
        "short_term_episodes": 1,
        "progression_plans": 1,
        "caring_roles": 2,
        "carer_offers": 1,
        "carer_plans": 1,
        "carer_reviews": 2,
    }
    assert {table: _count(SCHEMA_0004, table) for table in counts} == counts
    with raw_connection(SCHEMA_0004) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        shared = connection.execute("SELECT kind, shared_with_cared_for FROM contacts").fetchall()
    assert ("carer", 0) in shared and {flag for _, flag in shared} == {0}


def test_schema_0004_store_opens_with_bernie_as_a_carer_intact(store_from_0004: Path) -> None:
    """Bernie's roles, offer, plan and reviews come back as written, stamped by the builder;
    her conversation is still hers alone. Every other file is as frozen too."""
    store = Store.open(store_from_0004, "Test Worker")
    try:
        assert_files_as_frozen(store, SCHEMA_0004)
        bernie = store.person_file(BERNIE)
        held = bernie.as_carer
        for rows in (held.roles, held.offers, held.plans, held.reviews):
            assert len(rows) >= 1
            for row in rows:
                assert row.stamp is not None
                assert (row.stamp.updated_by, row.stamp.revision) == (BUILDER, 1)
        assert [r.cared_for_id for r in held.roles] == [EILEEN, PEGGY]
        assert [o.response for o in held.offers] == [OfferResponse.WANTS_ONE]
        assert [r.supported for r in held.reviews] == [Supported.PARTLY, Supported.YES]
        (plan,) = held.plans
        assert not review_due(plan, FIXTURE_DAY, held.reviews)  # she answered three days ago
        assert store.all_carer_plans() == [plan]
        assert store.all_carer_reviews() == held.reviews

        (contact,) = bernie.contacts
        assert contact.kind is ConversationKind.CARER
        assert contact.shared_with_cared_for is False
    finally:
        store.close()


def test_schema_0004_store_links_each_person_cared_for_to_bernie_privately(
    store_from_0004: Path,
) -> None:
    """Peggy and Eileen each have Bernie's role, named from their page one; nothing of her
    conversation reaches them, and only Grace is still to be offered a conversation."""
    store = Store.open(store_from_0004, "Test Worker")
    try:
        for person_id, named in ((PEGGY, "peggy-named-bernie"), (EILEEN, "eileen-named-bernie")):
            file = store.person_file(person_id)
            (role,) = file.carers
            assert (role.carer_id, role.named_as_id) == (BERNIE, example_id(named))
            assert example_id(named) in {w.id for w in file.person.people_who_matter}
            assert file.shared_by_carers == []
            assert example_id("bernie-1") not in file.conversations
        (grace,) = store.carers_to_offer()
        assert (grace.name, grace.cared_for_ids, grace.carer_id) == ("Grace Okafor", (PEGGY,), "")
    finally:
        store.close()


def test_opening_the_schema_0004_store_at_head_needs_no_backup(store_from_0004: Path) -> None:
    """While 0004 is the newest schema, opening this store copies nothing; once a later
    migration exists, the upgrade keeps a backup first."""
    Store.open(store_from_0004, "Test Worker").close()
    if HEAD_REVISION == "0004":
        assert not (store_from_0004 / "backups").exists()
    else:
        (backup,) = (store_from_0004 / "backups").iterdir()
        assert "schema-0004" in backup.name
        assert stored_revision(backup) == "0004"


def test_the_schema_0003_store_upgrades_keeping_everything_and_sharing_nothing(
    store_from_0003: Path,
) -> None:
    """The 0003 store is copied first; afterwards every file is as it was, every contact is
    not shared with anyone cared for, and carers can be linked beside them."""
    store = Store.open(store_from_0003, "Test Worker")
    try:
        # Every file as frozen for the 0003 fixture (Bernie joined the example at schema 0004).
        assert_files_as_frozen(store, SCHEMA_0003)
        for person in store.findable_people():
            held = store.person_file(person.id)
            assert all(c.shared_with_cared_for is False for c in held.contacts)
            assert (held.carers, held.shared_by_carers) == ([], [])
        assert store.all_carer_plans() == store.all_carer_reviews() == []

        # Page one from 0003 names Grace as Peggy's carer: she can now have a record.
        (grace,) = store.carers_to_offer()
        grace_id, role = store.add_carer_record(
            grace.named_as_id, CaringRole("", "", what_they_do="The big shop")
        )
        assert store.carers_of(PEGGY) == [role]
        assert store.carers_to_offer()[0].carer_id == grace_id
    finally:
        store.close()

    path = store_path(store_from_0003)
    assert stored_revision(path) == HEAD_REVISION
    with raw_connection(path) as connection:
        flags = connection.execute("SELECT DISTINCT shared_with_cared_for FROM contacts").fetchall()
    assert flags == [(0,)]
    (backup,) = (store_from_0003 / "backups").iterdir()
    assert "schema-0003" in backup.name
    assert stored_revision(backup) == "0003"
    assert _count(backup, "people") == 6
    assert _count(backup, "contacts") == _count(path, "contacts") == 6
