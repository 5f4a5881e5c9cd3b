"""Changes made elsewhere (the council's hub, another laptop), applied as they were made.

A change keeps its own stamps and revision and is logged once, as already sent, so it never
travels back and is never stamped again under this laptop's worker. It is refused when the row
here has moved on from the revision the change was based on: applying it would overwrite a
change the other side has not seen.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, func, inspect, select
from sqlalchemy.orm import Session

from assessor.changes import RecordChange
from assessor.conflicts import ChangeConflict
from db.changelog import json_value, mark_received
from db.models import Base, ChangeRow, Synced
from db.rows import NotFound

_STAMPS = frozenset({"id", "created_at", "updated_at", "updated_by", "revision", "deleted"})


_MODELS: dict[str, type[Synced]] = {}  # once read: every synced model is in db.models


def synced_models() -> dict[str, type[Synced]]:
    """Every synced table by name: the kinds of record a change can be about."""
    if not _MODELS:
        _MODELS.update(
            (mapper.tables[0].name, mapper.class_)
            for mapper in Base.registry.mappers
            if issubclass(mapper.class_, Synced)
        )
    return _MODELS


_PARENTS: dict[type[Synced], tuple[tuple[str, str], ...]] = {}  # once read, by model


def parent_columns(model: type[Synced]) -> tuple[tuple[str, str], ...]:
    """Each column of `model` naming a parent row, with the parent's table."""
    if model not in _PARENTS:
        _PARENTS[model] = tuple(
            (column.key, key.column.table.name)
            for column in inspect(model).columns
            for key in column.foreign_keys
        )
    return _PARENTS[model]


_DEPTHS: dict[str, int] = {}  # once read


def depth(kind: str) -> int:
    """Where a kind of record comes among the tables, parents before children."""
    if not _DEPTHS:
        _DEPTHS.update((t.name, n) for n, t in enumerate(Base.metadata.sorted_tables))
    return _DEPTHS.get(kind, len(_DEPTHS))


def _naive_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


_COLUMNS: dict[type[Synced], dict[str, Any]] = {}  # each model's columns by key, once read


def _columns(model: type[Synced]) -> dict[str, Any]:
    if model not in _COLUMNS:
        _COLUMNS[model] = {column.key: column for column in inspect(model).columns}
    return _COLUMNS[model]


def _column_value(model: type[Synced], name: str, value: Any) -> Any:
    """A JSON value as its column keeps it."""
    columns = _columns(model)
    if name not in columns or name in _STAMPS:
        raise ValueError(f"{model.__tablename__} has no field {name} to change")  # type: ignore[attr-defined]
    kind = columns[name].type
    if value is not None and isinstance(kind, DateTime):
        return _naive_utc(datetime.fromisoformat(value))
    if value is not None and isinstance(kind, Date):
        return date.fromisoformat(value)
    return value


def field_names(model: type[Synced]) -> list[str]:
    """The fields a change carries: every column but the id and the stamps."""
    return [c.key for c in inspect(model).columns if c.key not in _STAMPS]


def row_state(kind: str, row: Synced, based_on: int) -> RecordChange:
    """A row's whole state as a change, based on revision `based_on`."""
    return RecordChange(
        kind=kind,
        id=row.id,
        fields={name: json_value(getattr(row, name)) for name in field_names(type(row))},
        created_at=row.created_at.replace(tzinfo=UTC),
        updated_at=row.updated_at.replace(tzinfo=UTC),
        updated_by=row.updated_by,
        revision=row.revision,
        based_on=based_on,
        deleted=row.deleted,
    )


class Received:
    def __init__(self, session: Session) -> None:
        self.session = session

    def apply(self, change: RecordChange) -> bool:
        """Apply a change made elsewhere; False when it is held here already."""
        model = synced_models().get(change.kind)
        if model is None:
            raise ValueError(f"No kind of record called {change.kind}")
        if self.write(model, self.session.get(model, change.id), change) is None:
            return False
        self.session.flush()
        return True

    def write(self, model: type[Synced], row: Synced | None, change: RecordChange) -> Synced | None:
        """Write a change to `row`, the row of `model` with its id as held (None for one new
        here), without flushing; the row written, or None when it is held here already."""
        arrived = (change.revision, _naive_utc(change.updated_at))
        if row is not None and (row.revision, row.updated_at) == arrived:
            return None
        if row is not None and row.revision != change.based_on:
            raise ChangeConflict(change, row.revision, row.updated_by, row.updated_at)
        if row is None:
            row = model()
            row.id = change.id
            self.session.add(row)
        for name, value in change.fields.items():
            setattr(row, name, _column_value(model, name, value))
        row.created_at = _naive_utc(change.created_at)
        row.updated_at = _naive_utc(change.updated_at)
        row.updated_by = change.updated_by
        row.revision = change.revision
        row.deleted = change.deleted
        mark_received(self.session, row)
        return row

    def state(self, kind: str, row_id: str) -> RecordChange:
        """A row's whole state as a change to send, based on the newest revision the hub holds
        (that of its newest change-log entry marked sent; 0 when it has none)."""
        row = self.session.get(synced_models()[kind], row_id)
        if row is None:
            raise NotFound(f"No {kind.replace('_', ' ')} with id {row_id}")
        return row_state(kind, row, self._sent_revision(kind, row_id))

    def _sent_revision(self, kind: str, row_id: str) -> int:
        sent = self.session.scalar(
            select(func.max(ChangeRow.revision)).where(
                ChangeRow.table_name == kind, ChangeRow.row_id == row_id, ChangeRow.sent
            )
        )
        return sent or 0
