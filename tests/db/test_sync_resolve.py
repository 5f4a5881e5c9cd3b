"""Resolving a sync conflict in the store, on SQLite and PostgreSQL: every field chosen, the
record and the conflict changed in one transaction, both to be sent."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assessor.changes import RecordChange
from assessor.operations.op_changes import RecordKind
from assessor.operations.sync_conflicts import resolve
from assessor.record import Person
from assessor.validation import InvalidInput
from db.store import Store
from db.sync.laptop_side import LaptopSync
from db.sync.resolve import SyncConflicts, resolve_conflict
from tests.kit.raw_sql import StoreSQL

CONFLICT_ID = "0d6e1c7a-0000-4000-8000-00000000c0f1"
AT = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def conflict_on_phone(store: Store) -> str:
    """A person, and a conflict on their phone as the hub sends it; the person's id."""
    person = store.add_person(Person(preferred_name="Joan", presenting_problem="Stairs"))
    versions = {"original": "", "incoming": "0113 496 0002", "current": "0113 496 0001"}
    store.apply_change(
        RecordChange(
            kind="sync_conflicts",
            id=CONFLICT_ID,
            fields={
                "person_id": person.id,
                "kind": "people",
                "row_id": person.id,
                "fields": {"phone": versions},
                "incoming_by": "Bob Example",
                "incoming_at": AT.isoformat(),
                "current_by": "Ann Example",
                "current_at": AT.isoformat(),
                "resolution": {},
                "resolved": False,
            },
            created_at=AT,
            updated_at=AT,
            updated_by="hub",
            revision=1,
            based_on=0,
        )
    )
    return person.id


def test_resolving_writes_the_choice_and_closes_the_conflict_together(
    store: Store, raw: StoreSQL
) -> None:
    person_id = conflict_on_phone(store)
    (conflict,) = SyncConflicts(store).open_conflicts(person_id)
    assert conflict.fields["phone"].incoming == "0113 496 0002"
    assert LaptopSync(store).status().open_conflicts == 1
    done = resolve(SyncConflicts(store), conflict, {"phone": "0113 496 0003"})
    assert done.value == 2 and done.changes.touches_person(person_id)
    assert done.changes.touches(RecordKind.PERSON)
    assert store.person(person_id).phone == "0113 496 0003"
    assert SyncConflicts(store).open_conflicts() == []
    assert raw.value("SELECT resolved FROM sync_conflicts WHERE id = :id", id=CONFLICT_ID)
    sent = {change.state.kind for change in LaptopSync(store).outgoing("device-1")}
    assert sent == {"people", "sync_conflicts"}


def test_no_field_is_left_to_a_default(store: Store) -> None:
    conflict_on_phone(store)
    (conflict,) = SyncConflicts(store).open_conflicts()
    with pytest.raises(InvalidInput, match="each field"):
        resolve(SyncConflicts(store), conflict, {})
    with pytest.raises(InvalidInput, match="each field"):
        resolve_conflict(store, conflict.id, {"phone": "1", "email": "x@example.org"})
    assert len(SyncConflicts(store).open_conflicts()) == 1


def test_a_conflict_resolved_already_is_not_resolved_again(store: Store) -> None:
    conflict_on_phone(store)
    resolve_conflict(store, CONFLICT_ID, {"phone": "0113 496 0003"})
    with pytest.raises(InvalidInput, match="resolved already"):
        resolve_conflict(store, CONFLICT_ID, {"phone": "0113 496 0004"})
