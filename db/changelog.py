"""Stamps every synced row and writes its change-log entry inside the same flush.

Hooking the session rather than each store method means no change can reach the file without
its log entry: sync later sends the log, in order, and the hub can replay it. The stamps are the
session's worker and clock (`session.info`, set by `db.unit`). A row applied from elsewhere
(`mark_received`) keeps its own stamps, and its one entry is logged as already sent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from db.models import ChangeRow, Synced, new_id
from db.text_edit import logged_value

_STAMPS = frozenset({"created_at", "updated_at", "updated_by", "revision"})
_RECEIVED = "received"  # session.info key: rows applied from elsewhere in this transaction
_HUB = "hub"  # session.info key: on the hub, the pushing device and whose each row is


Clock = Callable[[], datetime]
PersonOf = Callable[[Session, Synced], str]


def utc_now() -> datetime:
    """UTC without tzinfo, as SQLite keeps it; readers add the zone back."""
    return datetime.now(UTC).replace(tzinfo=None)


def json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


_COLUMNS: dict[type[Synced], tuple[list[str], dict[str, Any]]] = {}  # once read, by model


def _columns(row: Synced) -> tuple[list[str], dict[str, Any]]:
    """The keys a row's log entry holds (every column but the stamps), and each column's
    scalar default."""
    model = type(row)
    if model not in _COLUMNS:
        columns = inspect(row).mapper.columns
        defaults = {
            column.key: column.default.arg
            for column in columns
            if column.default is not None and column.default.is_scalar
        }
        _COLUMNS[model] = ([c.key for c in columns if c.key not in _STAMPS], defaults)
    return _COLUMNS[model]


def _fill_scalar_defaults(row: Synced) -> None:
    for key, value in _columns(row)[1].items():
        if getattr(row, key) is None:
            setattr(row, key, value)


def _values(row: Synced, keys: list[str]) -> dict[str, Any]:
    return {key: json_value(getattr(row, key)) for key in keys}


def _changed_values(row: Synced, keys: list[str]) -> dict[str, Any]:
    """Each changed value, long text as an edit of what it was (`db.text_edit`)."""
    state = inspect(row)
    values = {}
    for key in keys:
        before = state.attrs[key].history.deleted
        old = before[0] if before else None
        values[key] = logged_value(old, json_value(getattr(row, key)))
    return values


def _log(
    session: Session, row: Synced, operation: str, changes: dict[str, Any], received: bool
) -> None:
    device_id, person_of = session.info.get(_HUB, ("", None))
    session.add(
        ChangeRow(
            device_id=device_id,
            person_id=person_of(session, row) if person_of else "",
            table_name=row.__tablename__,  # type: ignore[attr-defined]
            row_id=row.id,
            revision=row.revision,
            operation=operation,
            changes=changes,
            changed_at=row.updated_at,
            changed_by=row.updated_by,
            sent=received,
        )
    )


def log_on_hub(session: Session, device_id: str, person_of: PersonOf) -> None:
    """On the hub, each entry this transaction logs names the device whose push wrote it ('' for
    the hub's own) and the person its row belongs to, so a pull can choose a device's scope."""
    session.info[_HUB] = (device_id, person_of)


def mark_received(session: Session, row: Synced) -> None:
    """The row's state came from elsewhere with its own stamps: log it as it is, already sent."""
    session.info.setdefault(_RECEIVED, set()).add(row)


def _stamp_and_log(session: Session, _context: Any, _instances: Any) -> None:
    worker = session.info["worker"]
    now = session.info["clock"]()
    received = session.info.get(_RECEIVED, set())
    for row in [r for r in session.new if isinstance(r, Synced)]:
        row.id = row.id or new_id()
        _fill_scalar_defaults(row)
        if row not in received:
            row.created_at = row.updated_at = now
            row.updated_by = worker
            row.revision = 1
        _log(session, row, "insert", _values(row, _columns(row)[0]), row in received)
    for row in [r for r in session.dirty if isinstance(r, Synced)]:
        state = inspect(row)
        changed = [
            attr.key
            for attr in state.attrs
            if attr.key not in _STAMPS and attr.history.has_changes()
        ]
        if not changed:
            continue
        if row not in received:
            row.updated_at = now
            row.updated_by = worker
            row.revision = (row.revision or 0) + 1
        operation = "delete" if "deleted" in changed and row.deleted else "update"
        _log(session, row, operation, _changed_values(row, changed), row in received)
    received.clear()  # a later local edit of the same row is stamped as usual
    if any(isinstance(r, Synced) for r in session.deleted):
        raise RuntimeError("Synced rows are never deleted: set deleted=True (a tombstone).")


def logged_sessions(factory: sessionmaker[Session]) -> sessionmaker[Session]:
    event.listen(factory, "before_flush", _stamp_and_log)
    return factory


@dataclass(frozen=True)
class Change:
    """One entry of the change log, as an export or a history view reads it."""

    seq: int
    table: str
    row_id: str
    revision: int
    operation: str
    changes: dict[str, Any]
    changed_at: datetime
    changed_by: str


def change_from_row(row: ChangeRow) -> Change:
    return Change(
        seq=row.seq,
        table=row.table_name,
        row_id=row.row_id,
        revision=row.revision,
        operation=row.operation,
        changes=dict(row.changes),
        changed_at=row.changed_at.replace(tzinfo=UTC),
        changed_by=row.changed_by,
    )
