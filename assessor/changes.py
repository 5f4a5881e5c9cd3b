"""A change to one record as it travels between this laptop and the council's hub.

A change is the whole state of one row after it was made: its kind (the table it lives in),
its id, every field as JSON keeps it (dates as ISO text, choices as their codes), its own stamps
and revision, whether it is a tombstone, and the revision it was based on. Whole state rather
than a diff, so applying it twice changes nothing and a device that never held the row can
take it as it is.

Outgoing changes come from the store's change log (`db.models.ChangeRow`), which has one entry
per change: `table_name` is the kind, `row_id` the id, `revision`, `changed_at` and `changed_by`
the change's revision, `updated_at` and `updated_by`, and `operation` "delete" a tombstone. An
entry keeps only the fields that changed (long text as an edit), so what is sent for a row with
entries not yet `sent` is its whole state now (`Store.record_state`), based on the revision of
its newest sent entry (0 when it has none); once the hub accepts it, those entries are marked
sent. A change applied from the hub is logged already sent, so it never travels back.

Rows identified by what they are about rather than when they were made (a conversation's answer
on a topic, a carer caring for a person) get an id made from that key (`natural_id`), so two
laptops recording the same thing make the same row, and sync sees one record changed twice
rather than two records that collide.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

# Fixed for ever: changing it would give every natural key a second id.
NAMESPACE = uuid.UUID("5d0c6d36-0f0a-4b8e-9a51-6c1d2f3e4a5b")


def natural_id(kind: str, *key: str) -> str:
    """The id of the row of `kind` identified by `key`, the same on every device."""
    return str(uuid.uuid5(NAMESPACE, "/".join((kind, *key))))


@dataclass(frozen=True)
class RecordChange:
    """One row's whole state after a change made on another device (or to send to one)."""

    kind: str  # the table, such as "goals"
    id: str
    fields: Mapping[str, Any]  # every column but the id and the stamps, as JSON keeps it
    created_at: datetime  # UTC, as the device that made it stamped it
    updated_at: datetime
    updated_by: str
    revision: int
    based_on: int  # the revision it was made from; 0 for a new row
    deleted: bool = False
