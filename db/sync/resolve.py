"""A worker's choice for each field of a sync conflict, written as one new change to the record.

The chosen values go to the record and the conflict is marked resolved in one transaction, so
the record never holds a choice without its conflict closed, or the other way round; both are
ordinary changes that sync as usual, and the other laptops see the choice and the close together
(docs/sync-protocol.md, "Conflict rules"). There is no default choice.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC
from typing import Any

from sqlalchemy import select

from assessor.sync.conflicts import SyncConflict
from assessor.sync.merging import DELETED, FieldVersions
from assessor.validation import InvalidInput
from db.models import SyncConflictRow
from db.problems import NotFound
from db.repositories.received import _column_value, synced_models
from db.store import Store


def resolve_conflict(store: Store, conflict_id: str, choices: Mapping[str, Any]) -> int:
    """Write `choices` (a JSON value for every field of the conflict) to the record and close
    the conflict; the record's new revision. InvalidInput when a field is left unchosen."""
    with store.unit() as unit:
        session = unit.session
        conflict = session.get(SyncConflictRow, conflict_id)
        if conflict is None or conflict.deleted:
            raise NotFound(f"No sync conflict with id {conflict_id}")
        if conflict.resolved:
            raise InvalidInput("This conflict was resolved already, here or on another laptop.")
        if set(choices) != set(conflict.fields):
            raise InvalidInput("Choose which version to keep for each field, then save.")
        model = synced_models()[conflict.kind]
        row = session.get(model, conflict.row_id)
        if row is None:
            raise NotFound(f"No {conflict.kind.replace('_', ' ')} with id {conflict.row_id}")
        for name, value in choices.items():
            if name == DELETED:
                row.deleted = bool(value)
            else:
                setattr(row, name, _column_value(model, name, value))
        conflict.resolution = dict(choices)
        conflict.resolved = True
        session.flush()
        return row.revision


def open_conflicts(store: Store, person_id: str | None = None) -> list[SyncConflict]:
    """The conflicts still to resolve (of one person, if given), oldest first."""
    with store.unit() as unit:
        query = select(SyncConflictRow).where(
            SyncConflictRow.resolved.is_(False), SyncConflictRow.deleted.is_(False)
        )
        if person_id is not None:
            query = query.where(SyncConflictRow.person_id == person_id)
        rows = unit.session.scalars(query.order_by(SyncConflictRow.created_at))
        return [_conflict(row) for row in rows]


class SyncConflicts:
    """The store's conflicts as the operations see them (`assessor.operations.sync_conflicts`)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def open_conflicts(self, person_id: str | None = None) -> list[SyncConflict]:
        return open_conflicts(self._store, person_id)

    def resolve_conflict(self, conflict_id: str, choices: Mapping[str, Any]) -> int:
        return resolve_conflict(self._store, conflict_id, choices)


def _conflict(row: SyncConflictRow) -> SyncConflict:
    return SyncConflict(
        id=row.id,
        person_id=row.person_id,
        kind=row.kind,
        row_id=row.row_id,
        fields={
            name: FieldVersions(v.get("original"), v.get("incoming"), v.get("current"))
            for name, v in row.fields.items()
        },
        incoming_by=row.incoming_by,
        incoming_at=row.incoming_at.replace(tzinfo=UTC),
        current_by=row.current_by,
        current_at=row.current_at.replace(tzinfo=UTC),
        revision=row.revision,
        resolved=row.resolved,
        resolution=row.resolution or None,
    )
