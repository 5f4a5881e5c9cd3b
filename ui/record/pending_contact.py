"""A contact begun with New contact (Ctrl+Shift+N) is not stored until something is typed or
chosen in it: leaving it untouched leaves nothing behind.

It is given its id when begun, so page two and the contact's details can be bound to it at once
and the first keystroke, wherever it lands, is saved with the contact it belongs to.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from assessor.record import AgreedStep, Contact, Conversation, Entry

if TYPE_CHECKING:
    from assessor.operations.store_port import ContactRecords


class PendingContact:
    """At most one contact begun and not yet stored."""

    def __init__(self, store: ContactRecords, stored: Callable[[], None]) -> None:
        self._store = store
        self._stored = stored  # told when page two stores it
        self.contact: Contact | None = None

    def begin(self, person_id: str, on: date, worker: str) -> Contact:
        self.contact = Contact(person_id, on, worker=worker, id=str(uuid.uuid4()))
        return self.contact

    def drop(self) -> None:
        """Forget it unstored (another contact or person was chosen)."""
        self.contact = None

    def holds(self, contact_id: str) -> bool:
        return self.contact is not None and self.contact.id == contact_id

    def store(self) -> None:
        """Store it as begun, for the first answer typed into page two; from then on it is an
        ordinary contact."""
        assert self.contact is not None
        self._store.add_contact(self.contact)
        self.contact = None
        self._stored()


class StoredOnFirstAnswer:
    """The store as page two sees it: an answer or an agreed step typed into a contact begun
    and not yet stored stores the contact first, in the same write."""

    def __init__(self, store: ContactRecords, pending: PendingContact) -> None:
        self._store = store
        self._pending = pending

    def conversation(self, contact_id: str) -> Conversation:
        if self._pending.holds(contact_id):
            return Conversation(contact_id)
        return self._store.conversation(contact_id)

    def set_entry(
        self, contact_id: str, topic: str, entry: Entry, based_on: int | None = None
    ) -> int:
        if self._pending.holds(contact_id):
            self._pending.store()
        return self._store.set_entry(contact_id, topic, entry, based_on)

    def add_agreed_step(self, step: AgreedStep) -> AgreedStep:
        """A step agreed in a contact begun and not yet stored stores the contact first."""
        if self._pending.holds(step.contact_id):
            self._pending.store()
        return self._store.add_agreed_step(step)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)
