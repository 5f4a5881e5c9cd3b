"""What a laptop's sync reads and writes in one transaction: its change-log entries not yet
sent, the base each row was agreed at, its sync state, and a row's person and parents.

Plain functions on a session, so `db.sync.laptop_side` composes them into one transaction per
call (see docs/sync-protocol.md, "One sync, on the laptop").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, inspect, select, update
from sqlalchemy.orm import Session

from assessor.changes import RecordChange
from db.models import ChangeRow, SyncConflictRow
from db.models_laptop import SyncBaseRow, SyncStateRow
from db.repositories.received import Received, synced_models

Key = tuple[str, str]  # a row: its kind and id
PEOPLE = "people"


def _unsent() -> Any:
    return ChangeRow.sent.is_(False)


def pending_rows(session: Session) -> list[Key]:
    """Rows with entries to send (not sent, not held aside), oldest first entry first."""
    first = func.min(ChangeRow.seq)
    query = (
        select(ChangeRow.table_name, ChangeRow.row_id)
        .where(_unsent(), ChangeRow.held_reason == "")
        .group_by(ChangeRow.table_name, ChangeRow.row_id)
        .order_by(first)
    )
    return [(kind, row_id) for kind, row_id in session.execute(query)]


def held_rows(session: Session) -> set[Key]:
    """Rows held aside: entries the hub did not accept, and no newer edit to send."""
    query = select(ChangeRow.table_name, ChangeRow.row_id).where(
        _unsent(), ChangeRow.held_reason != ""
    )
    held = {(kind, row_id) for kind, row_id in session.execute(query)}
    return held - set(pending_rows(session))


def held_entries(session: Session) -> list[ChangeRow]:
    """The newest held entry of each held row, oldest first."""
    newest = (
        select(func.max(ChangeRow.seq))
        .where(_unsent(), ChangeRow.held_reason != "")
        .group_by(ChangeRow.table_name, ChangeRow.row_id)
    )
    entries = session.scalars(select(ChangeRow).where(ChangeRow.seq.in_(newest)))
    held = held_rows(session)
    return sorted((e for e in entries if (e.table_name, e.row_id) in held), key=lambda e: e.seq)


def has_unsent(session: Session, kind: str, row_id: str) -> bool:
    """Whether the row has entries the hub has not yet accepted (sent or held)."""
    query = select(ChangeRow.seq).where(
        ChangeRow.table_name == kind, ChangeRow.row_id == row_id, _unsent()
    )
    return session.scalar(query.limit(1)) is not None


def count_rows(session: Session, held: bool) -> int:
    if held:
        return len(held_rows(session))
    return len(pending_rows(session))


def mark_sent(session: Session, kind: str, row_id: str, revision: int) -> None:
    session.execute(
        update(ChangeRow)
        .where(
            ChangeRow.table_name == kind,
            ChangeRow.row_id == row_id,
            ChangeRow.revision <= revision,
            _unsent(),
        )
        .values(sent=True, held_reason="")
    )


def hold(session: Session, kind: str, row_id: str, revision: int, reason: str) -> None:
    session.execute(
        update(ChangeRow)
        .where(
            ChangeRow.table_name == kind,
            ChangeRow.row_id == row_id,
            ChangeRow.revision <= revision,
            _unsent(),
        )
        .values(held_reason=reason or "The council's hub did not accept this change.")
    )


def release(session: Session, kind: str, row_id: str) -> None:
    session.execute(
        update(ChangeRow)
        .where(ChangeRow.table_name == kind, ChangeRow.row_id == row_id, _unsent())
        .values(held_reason="")
    )


def base_of(session: Session, kind: str, row_id: str) -> SyncBaseRow | None:
    return session.get(SyncBaseRow, (kind, row_id))


def with_deleted(state: RecordChange) -> dict[str, Any]:
    """A state's fields with `deleted` among them, as merging compares them."""
    return {**state.fields, "deleted": state.deleted}


def write_base(session: Session, state: RecordChange) -> None:
    base = base_of(session, state.kind, state.id)
    if base is None:
        base = SyncBaseRow(kind=state.kind, row_id=state.id)
        session.add(base)
    base.revision = state.revision
    base.fields = with_deleted(state)
    session.flush()


def local_state(session: Session, kind: str, row_id: str) -> RecordChange | None:
    if session.get(synced_models()[kind], row_id) is None:
        return None
    return Received(session).state(kind, row_id)


def apply_state(session: Session, state: RecordChange) -> bool:
    """Apply the hub's state of a row with its own stamps, over whatever this laptop holds."""
    here = session.get(synced_models()[state.kind], state.id)
    return Received(session).apply(replace(state, based_on=here.revision if here else 0))


def parents(session: Session, kind: str, row_id: str) -> Iterator[Key]:
    """The rows this row points at (its person, its contact, its goal …)."""
    model = synced_models()[kind]
    row = session.get(model, row_id)
    if row is None:
        return
    for column in inspect(model).columns:
        for key in column.foreign_keys:
            value = getattr(row, column.key)
            if value:
                yield (key.column.table.name, value)


def person_of(session: Session, kind: str, row_id: str) -> str:
    """The person a row belongs to, following its parents up to the people table."""
    if kind == PEOPLE:
        return row_id
    for parent in parents(session, kind, row_id):
        found = person_of(session, *parent)
        if found:
            return found
    return ""


def open_conflicts(session: Session) -> int:
    query = select(func.count()).where(
        SyncConflictRow.resolved.is_(False), SyncConflictRow.deleted.is_(False)
    )
    return session.scalar(query) or 0


def read_state(session: Session) -> dict[str, str]:
    return {row.key: row.value for row in session.scalars(select(SyncStateRow))}


def write_state(session: Session, **values: str) -> None:
    for key, value in values.items():
        row = session.get(SyncStateRow, key)
        if row is None:
            session.add(SyncStateRow(key=key, value=value))
        else:
            row.value = value
    session.flush()


def utc_text(moment: datetime) -> str:
    return moment.replace(tzinfo=moment.tzinfo or UTC).astimezone(UTC).isoformat()
