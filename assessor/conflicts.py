"""An update based on an older revision of a record is refused, never applied over the newer.

Every update names the revision it was based on (what the worker saw). If the record has moved
on since (another program, and soon sync, changed it), saving would overwrite a change no one
on this laptop has seen: last writer wins, silently. The store refuses instead, and the worker's
text is kept as a draft beside the record until they have seen the other version.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Protocol, TypeVar

from assessor.changes import RecordChange
from assessor.stamps import Stamp
from assessor.validation import InvalidInput, format_date


class EditConflict(InvalidInput):
    """The record changed after it was read; str() says who changed it and what to do."""

    def __init__(self, changed_by: str, changed_at: datetime, message: str = "") -> None:
        when = changed_at.replace(tzinfo=changed_at.tzinfo or UTC).astimezone()
        super().__init__(
            message
            or f"{changed_by or 'Someone'} changed this record at {when:%H:%M} on "
            f"{format_date(when)}, after it was opened here, so this was not saved over their "
            "change. What was typed is kept as a draft: open the record again to see theirs, "
            "then type it again if it should replace it."
        )
        self.changed_by = changed_by
        self.changed_at = changed_at


class ChangeConflict(EditConflict):
    """A change made elsewhere was based on a revision this store has moved on from."""

    def __init__(
        self, change: RecordChange, held: int, changed_by: str, changed_at: datetime
    ) -> None:
        super().__init__(
            changed_by,
            changed_at,
            f"The change to {change.kind.replace('_', ' ')} {change.id} made by "
            f"{change.updated_by or 'someone'} was based on revision {change.based_on}, but "
            f"this store holds revision {held}, changed by {changed_by or 'someone'} since; "
            "it was not applied, so neither change is lost.",
        )
        self.change = change
        self.held = held


def check_revision(current: int, based_on: int | None, changed_by: str, at: datetime) -> None:
    """Refuse an update based on another revision than the current one (None: not checked,
    for a change made from what was read in the same transaction)."""
    if based_on is not None and based_on != current:
        raise EditConflict(changed_by, at)


class Stamped(Protocol):
    stamp: Stamp | None


S = TypeVar("S", bound=Stamped)


def revision_of(record: Stamped) -> int | None:
    """The revision a record was read at, for an update made from it (None if never stored)."""
    return record.stamp.revision if record.stamp is not None else None


def revised(record: S, revision: int) -> S:
    """The record as it now stands in the store, after an update gave it `revision`."""
    if record.stamp is None:
        return record
    return replace(record, stamp=replace(record.stamp, revision=revision))  # type: ignore[type-var]
