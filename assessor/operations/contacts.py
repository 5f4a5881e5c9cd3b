"""Operations on contacts and their conversations (page two)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assessor.operations.op_changes import OpChanges, OpResult, RecordKind
from assessor.record import AgreedStep, Contact, ConversationKind, Entry

if TYPE_CHECKING:
    from assessor.operations.store_port import Changes, ContactRecords


# A change to any of these can change which follow-up is still to come (`assessor.follow_up`).
FOLLOW_UP_FIELDS = frozenset({"on", "follow_up_on", "in_error_reason"})


def _contact(person_id: str) -> OpChanges:
    return OpChanges.of([person_id], RecordKind.CONTACT)


def _follow_up(person_id: str) -> OpChanges:
    return OpChanges.of([person_id], RecordKind.CONTACT, RecordKind.FOLLOW_UP)


def add_contact(store: ContactRecords, contact: Contact) -> OpResult[Contact]:
    """A contact begun: today's, or a carer's conversation of their own, which also changes
    what is theirs as a carer (they are no longer waiting to be offered one)."""
    added = store.add_contact(contact)
    changes = _follow_up(added.person_id)  # a newer contact closes the last follow-up
    if added.kind is ConversationKind.CARER:
        changes |= OpChanges.of([], RecordKind.CARER)
    return OpResult(added, changes)


def update_contact(
    store: ContactRecords,
    person_id: str,
    contact_id: str,
    changes: Changes,
    based_on: int | None,
) -> OpResult[int]:
    """A contact's details, as autosave collects them; returns the new revision."""
    changed = _follow_up(person_id) if FOLLOW_UP_FIELDS & changes.keys() else _contact(person_id)
    return OpResult(store.update_contact(contact_id, changes, based_on), changed)


def set_entry(
    store: ContactRecords,
    person_id: str,
    contact_id: str,
    topic: str,
    entry: Entry,
    based_on: int | None,
) -> OpResult[int]:
    """What the conversation recorded under one topic; returns the entry's new revision."""
    revision = store.set_entry(contact_id, topic, entry, based_on)
    return OpResult(revision, _contact(person_id))


def add_step(store: ContactRecords, person_id: str, step: AgreedStep) -> OpResult[AgreedStep]:
    """A next step agreed at the conversation; returns it with its id and revision."""
    return OpResult(store.add_agreed_step(step), _contact(person_id))


def change_step(
    store: ContactRecords, person_id: str, step_id: str, changes: Changes, based_on: int | None
) -> OpResult[int]:
    """What the step is, who will do it or by when, as autosave collects them; returns the
    step's new revision."""
    return OpResult(store.update_agreed_step(step_id, changes, based_on), _contact(person_id))


def remove_step(store: ContactRecords, person_id: str, step_id: str) -> OpResult[None]:
    """A step no longer agreed: kept as a tombstone, so the removal reaches the council."""
    store.remove_agreed_step(step_id)
    return OpResult(None, _contact(person_id))
