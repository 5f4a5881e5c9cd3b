"""What the top of a person's record says before anything else: what a visitor must know, and
which of the Three Conversations is going on now."""

from __future__ import annotations

from collections.abc import Iterable

from assessor.record import Contact, ConversationKind, Person


def alert_lines(person: Person) -> list[str]:
    """The person's alerts, one to a line as typed, without the blank lines between them."""
    return [line.strip() for line in person.alerts.splitlines() if line.strip()]


def current_kind(contacts: Iterable[Contact]) -> ConversationKind | None:
    """The kind of the newest conversation that has one, from contacts newest first (as the
    store gives them): a contact just started, its kind not yet chosen, leaves the kind
    before it showing. Contacts entered in error do not count."""
    for contact in contacts:
        if contact.kind is not None and not contact.in_error_reason:
            return contact.kind
    return None
