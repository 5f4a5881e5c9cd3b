"""The words the sync screens use: when the laptop last synced, what waits, whose version is
whose, and a field's value as a worker reads it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from assessor.validation import format_date

# The records a conflict can be about, as a worker calls them.
_KINDS = {
    "people": "page one",
    "people_who_matter": "a person who matters",
    "contacts": "a contact",
    "conversation_entries": "a conversation",
    "agreed_steps": "an agreed step",
    "goals": "a goal",
    "short_term_episodes": "short-term help",
    "progression_plans": "a progression plan",
    "caring_roles": "a caring role",
    "carer_offers": "an offer to a carer",
    "carer_plans": "a carer’s plan",
}
_FIELDS = {
    "presenting_problem": "What brought them to us",
    "deleted": "Whether it is removed",
    "nhs_number": "NHS number",
    "gp_practice": "GP practice",
    "alerts": "What a visitor must know",
}


def local(moment: datetime) -> datetime:
    """A stored moment (UTC, with or without its zone) on the laptop's clock."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone()


def when(moment: datetime) -> str:
    """10:42 23 Nov 2026."""
    shown = local(moment)
    return f"{shown:%H:%M} {format_date(shown)}"


def last_synced(at: datetime | None, now: datetime) -> str:
    if at is None:
        return "Not synced yet"
    shown = local(at)
    if shown.date() == local(now).date():
        return f"Synced {shown:%H:%M}"
    return f"Last synced {format_date(shown)}"


def count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def waiting(number: int) -> str:
    return f"{count(number, 'change', 'changes')} waiting to go" if number else "All changes sent"


def kind_label(kind: str) -> str:
    return _KINDS.get(kind, kind.replace("_", " "))


def field_label(name: str) -> str:
    return _FIELDS.get(name, name.replace("_", " ").capitalize())


def whose(author: str, worker: str) -> str:
    """ "Yours" or "Bob Example’s"."""
    return "Yours" if author == worker else f"{author}’s"


def value_text(name: str, value: Any) -> str:
    """A field's value in words: an empty field says so rather than showing nothing."""
    if name == "deleted":
        return "Removed" if value else "Kept"
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)
