"""The follow-up agreed at a conversation: when we said we would next talk.

A follow-up is still to come while the conversation that set it is the person's newest: any
later contact is the follow-up (or agrees its own). A contact entered in error sets none and
closes none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from assessor.record import Contact

NOTICE = timedelta(days=7)  # shown on the Due list from a week before, like outcomes


@dataclass(frozen=True)
class FollowUp:
    """A follow-up still to come: whose, set at which contact, and on what day."""

    person_id: str
    contact_id: str
    on: date


def newest_follow_ups(contacts: Iterable[Contact]) -> list[FollowUp]:
    """Each person's follow-up from their newest contact not entered in error, if it set one."""
    newest: dict[str, Contact] = {}
    for contact in contacts:
        if contact.in_error_reason:
            continue
        held = newest.get(contact.person_id)
        if held is None or (contact.on, contact.recorded_order) > (held.on, held.recorded_order):
            newest[contact.person_id] = contact
    return [
        FollowUp(contact.person_id, contact.id, contact.follow_up_on)
        for contact in newest.values()
        if contact.follow_up_on is not None
    ]


def follow_ups_due(contacts: Iterable[Contact], today: date) -> list[FollowUp]:
    """Follow-ups due within a week or overdue, soonest first."""
    due = [item for item in newest_follow_ups(contacts) if item.on <= today + NOTICE]
    return sorted(due, key=lambda item: item.on)


def latest_follow_up(contacts: Iterable[Contact]) -> date | None:
    """The follow-up date the newest conversation agreed, for a printed plan."""
    found = newest_follow_ups(contacts)
    return found[0].on if found else None
