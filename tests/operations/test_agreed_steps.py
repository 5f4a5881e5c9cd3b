"""What we agreed at a conversation: steps added, changed and removed, each one store call,
and the follow-up date, which tells the Due list to read again."""

from __future__ import annotations

from datetime import date

import pytest

from assessor.conflicts import EditConflict
from assessor.operations.contacts import (
    add_contact,
    add_step,
    change_step,
    remove_step,
    update_contact,
)
from assessor.operations.op_changes import OpChanges, RecordKind
from assessor.record import AgreedStep, Contact
from db.store import Store

ON = date(2026, 11, 23)


@pytest.fixture
def contact_id(store: Store, person_id: str) -> str:
    return add_contact(store, Contact(person_id, ON, worker="Sam Patel")).value.id


def test_steps_are_added_changed_and_removed_in_the_order_agreed(
    store: Store, person_id: str, contact_id: str
) -> None:
    first = add_step(store, person_id, AgreedStep(contact_id, "Ring the lunch club", "Reg"))
    assert first.changes == OpChanges.of([person_id], RecordKind.CONTACT)
    second = add_step(store, person_id, AgreedStep(contact_id, "Fit a second stair rail"))
    assert first.value.stamp is not None
    changed = change_step(
        store,
        person_id,
        first.value.id,
        {"by_when": date(2026, 11, 30)},
        first.value.stamp.revision,
    )
    assert changed.value == 2
    held = store.conversation(contact_id).steps
    assert [(s.what, s.who, s.by_when) for s in held] == [
        ("Ring the lunch club", "Reg", date(2026, 11, 30)),
        ("Fit a second stair rail", "", None),
    ]
    remove_step(store, person_id, first.value.id)
    assert [s.id for s in store.agreed_steps(contact_id)] == [second.value.id]


def test_a_step_changed_elsewhere_is_not_overwritten(
    store: Store, person_id: str, contact_id: str
) -> None:
    step = add_step(store, person_id, AgreedStep(contact_id, "Ring the lunch club")).value
    change_step(store, person_id, step.id, {"who": "Reg"}, 1)
    with pytest.raises(EditConflict):
        change_step(store, person_id, step.id, {"who": "Sam Patel"}, 1)
    assert store.agreed_steps(contact_id)[0].who == "Reg"


def test_a_follow_up_date_tells_the_due_list_to_read_again(
    store: Store, person_id: str, contact_id: str
) -> None:
    placed = update_contact(store, person_id, contact_id, {"worker": "Jo Hart"}, None)
    assert not placed.changes.touches(RecordKind.FOLLOW_UP)
    agreed = update_contact(store, person_id, contact_id, {"follow_up_on": ON}, None)
    assert agreed.changes.touches(RecordKind.FOLLOW_UP)
    assert store.contacts(person_id)[0].follow_up_on == ON
