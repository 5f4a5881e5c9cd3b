"""Drafts: what a worker typed that is not yet in the record, kept so it is never lost.

Text that fails its check (an NHS number with a digit missing, a date with a typo) cannot go
into the record, but throwing it away loses work and hides the mistake. It is kept as a draft
in the store, beside the record rather than in it, until it is put right: it survives a crash
or a restart and is shown again, with its message, when the record is opened. Drafts stay on
this laptop: they are working notes, not part of the record, and are never synced.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Draft:
    """One field's text as typed, and why it is not in the record yet."""

    record: str  # which record the field belongs to, such as "person/<id>"
    field: str  # the record's field, such as "nhs_number"
    text: str  # exactly as typed
    message: str  # what stops it being saved, as shown beside the field
    label: str  # the field as the form names it, such as "NHS number"
    where: str  # whose record and which part, such as "Reg Lowe, page one"
    person_id: str  # whose record it is, so the worker can be taken back to it
    kept_at: datetime
    # "check": it fails its check, and is checked again when the record opens; "conflict":
    # the record changed elsewhere first, so it waits for the worker to see both and type.
    kind: str = "check"


def unsaved_summary(drafts: Sequence[Draft]) -> str:
    """The status bar's honest account of what is not saved, and where it is."""
    if not drafts:
        return ""
    place = _named(drafts[0])
    if len(drafts) == 1:
        return f"Not saved: {place}. It is kept as a draft; see the message beside it."
    others = len(drafts) - 1
    more = "other field" if others == 1 else "other fields"
    return f"Not saved: {place} and {others} {more}. They are kept as drafts until put right."


def draft_list(drafts: Sequence[Draft]) -> str:
    """Each draft on a line of its own, for a question before leaving or closing."""
    return "\n".join(f"• {_named(draft)}: {draft.message}" for draft in drafts)


def _named(draft: Draft) -> str:
    return f"{draft.label} ({draft.where})" if draft.where else draft.label
