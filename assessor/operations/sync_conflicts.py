"""Resolving a sync conflict: the worker's choice for every field, or nothing is saved.

The store writes the choices to the record and closes the conflict in one transaction
(`db.sync.resolve`); both sync to the team like any other change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from assessor.operations.op_changes import OpChanges, OpResult, RecordKind
from assessor.sync.conflicts import SyncConflict
from assessor.validation import InvalidInput


class ConflictRecords(Protocol):
    def open_conflicts(self, person_id: str | None = None) -> list[SyncConflict]: ...
    def resolve_conflict(self, conflict_id: str, choices: Mapping[str, Any]) -> int: ...


def resolve(
    store: ConflictRecords, conflict: SyncConflict, choices: Mapping[str, Any]
) -> OpResult[int]:
    """Keep `choices` (a value for each field of `conflict`); the record's new revision."""
    unchosen = [name for name in conflict.fields if name not in choices]
    if unchosen or set(choices) - set(conflict.fields):
        raise InvalidInput("Choose which version to keep for each field, then save.")
    revision = store.resolve_conflict(conflict.id, choices)
    # Any part of the person's record may show the field; the conflict's banner goes too.
    return OpResult(revision, OpChanges.of([conflict.person_id], *RecordKind))
