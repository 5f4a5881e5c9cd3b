"""Two laptops and the council's hub, end to end over a real uvicorn on 127.0.0.1: recorded
offline, synced, the same records on both, a same-field edit kept as a conflict on both and
resolved on one, then on both; a revoked laptop refused with every change kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from assessor.operations.sync_conflicts import resolve
from assessor.record import Contact, Person
from council.connect import connect
from council.credentials import keyring_credentials
from council.engine import Offline, Revoked, SyncSummary, sync_once
from db.store import Store
from db.sync.laptop_side import LaptopSync
from db.sync.resolve import SyncConflicts
from tests.council.running_hub import RunningHub

TEAM = "North Team"
ANN, BOB = "Ann Example", "Bob Example"
ANNS_PHONE, BOBS_PHONE, CHOSEN = "0113 496 0001", "0113 496 0002", "0113 496 0003"


@pytest.fixture(params=["sqlite", "postgresql"])
def hub(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RunningHub]:
    """The hub on its SQLite file, and on PostgreSQL as a council runs it."""
    database = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    running = RunningHub(tmp_path / "hub", database)
    running.team(TEAM, ANN, BOB)
    running.start()
    yield running
    running.close()


@pytest.fixture
def laptops(hub: RunningHub, tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """Ann's and Bob's laptops, each with its own store, connected to the hub."""
    stores = []
    for worker in (ANN, BOB):
        store = Store.open(tmp_path / worker.split()[0], worker, create=True)
        connect(
            store,
            hub.url,
            hub.code_for(worker),
            credentials=keyring_credentials(),
            device_name=worker,
        )
        stores.append(store)
    yield stores[0], stores[1]
    for store in stores:
        store.close()


def sync(store: Store) -> SyncSummary:
    return sync_once(store, credentials=keyring_credentials())


def everyone(store: Store) -> dict[str, tuple[str, str]]:
    """Each person by id: their name and phone, as this laptop holds them."""
    return {
        found.id: (found.preferred_name, store.person(found.id).phone)
        for found in store.findable_people()
    }


def test_two_laptops_recording_offline_end_up_holding_the_same_records(
    hub: RunningHub, laptops: tuple[Store, Store]
) -> None:
    ann, bob = laptops
    hub.stop()
    joan = ann.add_person(Person(preferred_name="Joan", presenting_problem="Stairs"))
    ann.add_contact(Contact(person_id=joan.id, on=date(2026, 11, 23)))
    kay = bob.add_person(Person(preferred_name="Kay", presenting_problem="Meals"))
    for laptop in (ann, bob):
        with pytest.raises(Offline):
            sync(laptop)
    hub.start()
    assert sync(ann).sent == 2 and sync(bob).sent == 1
    sync(ann)
    assert everyone(ann) == everyone(bob) == {joan.id: ("Joan", ""), kay.id: ("Kay", "")}
    assert [c.on for c in bob.contacts(joan.id)] == [date(2026, 11, 23)]


def test_a_same_field_edit_is_a_conflict_on_both_laptops_resolved_on_one_then_on_both(
    laptops: tuple[Store, Store],
) -> None:
    ann, bob = laptops
    joan = ann.add_person(Person(preferred_name="Joan", presenting_problem="Stairs"))
    sync(ann), sync(bob)
    ann.update_person(joan.id, {"phone": ANNS_PHONE})
    bob.update_person(joan.id, {"phone": BOBS_PHONE, "preferred_name": "Joanie"})
    assert sync(ann).conflicts == 0
    assert sync(bob).conflicts == 1  # the name merges; the phone is kept as a conflict
    sync(ann)
    assert everyone(ann) == everyone(bob) == {joan.id: ("Joanie", ANNS_PHONE)}
    (on_ann,) = SyncConflicts(ann).open_conflicts(joan.id)
    (on_bob,) = SyncConflicts(bob).open_conflicts(joan.id)
    assert on_ann.id == on_bob.id and set(on_ann.fields) == {"phone"}
    assert (on_ann.fields["phone"].incoming, on_ann.fields["phone"].current) == (
        BOBS_PHONE,
        ANNS_PHONE,
    )
    assert LaptopSync(bob).status().open_conflicts == 1

    resolve(SyncConflicts(ann), on_ann, {"phone": CHOSEN})
    assert SyncConflicts(ann).open_conflicts() == [] and everyone(ann)[joan.id][1] == CHOSEN
    assert sync(ann).conflicts == 0
    sync(bob)
    assert everyone(ann) == everyone(bob) == {joan.id: ("Joanie", CHOSEN)}
    assert SyncConflicts(bob).open_conflicts() == []
    assert LaptopSync(bob).status().open_conflicts == 0
    assert LaptopSync(ann).status().waiting == LaptopSync(bob).status().waiting == 0


def test_a_revoked_laptop_is_refused_in_plain_words_and_keeps_its_unsynced_changes(
    hub: RunningHub, laptops: tuple[Store, Store]
) -> None:
    _ann, bob = laptops
    kay = bob.add_person(Person(preferred_name="Kay", presenting_problem="Meals"))
    device_id = LaptopSync(bob).device_id()
    assert device_id is not None
    hub.admin("revoke-device", device_id)
    with pytest.raises(Revoked) as refused:
        sync(bob)
    assert "withdrawn" in str(refused.value)
    assert "Nothing on it has been removed" in str(refused.value)
    assert everyone(bob) == {kay.id: ("Kay", "")}
    assert LaptopSync(bob).status().waiting == 1
