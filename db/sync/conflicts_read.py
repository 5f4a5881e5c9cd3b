"""Open conflicts as the laptop holds them, for the worker to choose between (see
`assessor.sync.conflicts`): conflict records arrive from the hub as ordinary synced rows."""

from __future__ import annotations

from sqlalchemy import select

from assessor.sync.conflicts import SyncConflict
from assessor.sync.merging import FieldVersions
from db.models import SyncConflictRow
from db.store import Store


def open_conflicts(store: Store, person_id: str | None = None) -> list[SyncConflict]:
    """Conflicts not yet resolved, oldest first; only `person_id`'s when given."""
    query = select(SyncConflictRow).where(~SyncConflictRow.deleted, ~SyncConflictRow.resolved)
    if person_id is not None:
        query = query.where(SyncConflictRow.person_id == person_id)
    with store.unit() as unit:
        rows = unit.session.scalars(query.order_by(SyncConflictRow.created_at)).all()
        return [_conflict(row) for row in rows]


def _conflict(row: SyncConflictRow) -> SyncConflict:
    return SyncConflict(
        id=row.id,
        person_id=row.person_id,
        kind=row.kind,
        row_id=row.row_id,
        fields={
            name: FieldVersions(versions["original"], versions["incoming"], versions["current"])
            for name, versions in row.fields.items()
        },
        incoming_by=row.incoming_by,
        incoming_at=row.incoming_at,
        current_by=row.current_by,
        current_at=row.current_at,
        revision=row.revision,
        resolved=row.resolved,
        resolution=row.resolution or None,
    )
