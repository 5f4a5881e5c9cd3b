"""Operations on contacts and their conversations (page two)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assessor.operations.op_changes import OpChanges, OpResult, RecordKind
from assessor.record import Contact, ConversationKind, Entry

if TYPE_CHECKING:
    from assessor.operations.store_port import Changes, ContactRecords


def _contact(person_id: str) -> OpChanges:
    return OpChanges.of([person_id], RecordKind.CONTACT)


def add_contact(store: ContactRecords, contact: Contact) -> OpResult[Contact]:
    """A contact begun: today's, or a carer's conversation of their own, which also changes
    what is theirs as a carer (they are no longer waiting to be offered one)."""
    added = store.add_contact(contact)
    changes = _contact(added.person_id)
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
    return OpResult(store.update_contact(contact_id, changes, based_on), _contact(person_id))


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
