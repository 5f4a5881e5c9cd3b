"""The hub applying one change to the row it holds: as it is, merged, or kept beside a conflict.

The rules are docs/sync-protocol.md's, "Conflict rules"; the merge itself is the pure
`assessor.sync.merging.merge`. Whatever is written here keeps the stamps it is given
(`db.repositories.received`): the laptop's for a change applied as it is, the pushing worker's
and the hub's clock for a merge, so the revision a laptop sees never goes back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.changes import RecordChange, natural_id
from assessor.sync.merging import DELETED, FieldVersions, merge
from assessor.sync.wire import Outcome, OutgoingChange
from db.models import ChangeRow, SyncConflictRow, Synced
from db.repositories.received import Received, row_state, synced_models
from db.sync.hub_rows import BatchRows


@dataclass(frozen=True)
class Applied:
    outcome: Outcome  # APPLIED or CONFLICT
    row: Synced  # the row as the hub now holds it, once the session is flushed


def current_state(row: Synced) -> RecordChange:
    """A row as the hub holds it, as an answer gives it: based on its own revision."""
    return row_state(row.__tablename__, row, row.revision)  # type: ignore[attr-defined]


def apply_change(
    rows: BatchRows, change: OutgoingChange, by: tuple[str, str], owner: str, now: datetime
) -> Applied:
    """Apply one change (its checks passed) to the hub, the row locked while deciding. `by` is
    the pushing device and its worker; `owner` the person the row belongs to. What it writes
    is flushed with the batch."""
    device_id, worker = by
    session = rows.session
    incoming = change.state
    model = synced_models()[incoming.kind]
    row = rows.locked(model, incoming.id)
    if row is None:
        return Applied(Outcome.APPLIED, _write(rows, model, None, replace(incoming, based_on=0)))
    held = row.revision
    clean = incoming.based_on == held or _only_from(session, incoming, device_id)
    if clean and incoming.revision > held:  # rule 1
        return Applied(Outcome.APPLIED, _write(rows, model, row, replace(incoming, based_on=held)))
    current = current_state(row)
    if incoming.based_on == 0 and not clean:  # rule 3: two laptops made the same row
        theirs = set(current.fields) | ({DELETED} if current.deleted else set())
        changed: dict[str, Any] = {name: None for name in incoming.fields}
        changed |= {DELETED: False} if incoming.deleted else {}
        changed |= dict(change.changed)
    else:  # rule 2
        theirs = _their_fields(session, incoming, device_id)
        changed = dict(change.changed)
    merged = merge(_whole(current), _whole(incoming), changed, theirs)
    writes = {k: v for k, v in merged.apply.items() if _whole(current).get(k) != v}
    if writes:
        _write(
            rows,
            model,
            row,
            replace(
                current,
                fields={**current.fields, **{k: v for k, v in writes.items() if k != DELETED}},
                deleted=bool(writes.get(DELETED, current.deleted)),
                updated_at=now,
                updated_by=worker,
                revision=max(held, incoming.revision) + 1,
                based_on=held,
            ),
        )
    if merged.conflicts:
        _keep_conflict(session, change, current, merged.conflicts, owner)
        return Applied(Outcome.CONFLICT, row)
    return Applied(Outcome.APPLIED, row)


def _write(rows: BatchRows, model: type[Synced], row: Synced | None, state: RecordChange) -> Synced:
    """The row as written (or as held, when it holds this state already)."""
    written = Received(rows.session).write(model, row, state)
    if written is None:
        assert row is not None  # only a held row can hold the state already
        return row
    rows.written(written)
    return written


def _whole(state: RecordChange) -> dict[str, Any]:
    """A state's fields with `deleted` among them, as the merge compares them."""
    return {**state.fields, DELETED: state.deleted}


def _later_entries(session: Session, incoming: RecordChange) -> Any:
    return select(ChangeRow.device_id, ChangeRow.changes).where(
        ChangeRow.table_name == incoming.kind,
        ChangeRow.row_id == incoming.id,
        ChangeRow.revision > incoming.based_on,
    )


def _only_from(session: Session, incoming: RecordChange, device_id: str) -> bool:
    """Whether every revision after the change's base came from this same device: its own
    earlier change whose answer it never received."""
    devices = {device for device, _ in session.execute(_later_entries(session, incoming))}
    return devices == {device_id}


def _their_fields(session: Session, incoming: RecordChange, device_id: str) -> set[str]:
    """The fields other devices (or the hub itself) changed after the change's base."""
    entries = session.execute(_later_entries(session, incoming))
    return {name for device, changes in entries if device != device_id for name in changes}


def _keep_conflict(
    session: Session,
    change: OutgoingChange,
    current: RecordChange,
    conflicts: dict[str, FieldVersions],
    owner: str,
) -> None:
    """Both versions and the original of each field, as a synced record of its own; one per
    change however often it is sent."""
    conflict_id = natural_id("sync_conflicts", change.change_id)
    if session.get(SyncConflictRow, conflict_id) is not None:
        return
    incoming = change.state
    session.add(
        SyncConflictRow(
            id=conflict_id,
            person_id=owner,
            kind=incoming.kind,
            row_id=incoming.id,
            fields={name: versions.to_json() for name, versions in conflicts.items()},
            incoming_by=incoming.updated_by,
            incoming_at=_naive(incoming.updated_at),
            current_by=current.updated_by,
            current_at=_naive(current.updated_at),
            resolution={},
            resolved=False,
        )
    )
    session.flush()


def _naive(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
