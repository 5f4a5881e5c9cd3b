"""What a laptop's sync reads and writes in one transaction: its change-log entries not yet
sent, the base each row was agreed at, its sync state, and a row's person and parents.

Plain functions on a session, so `db.sync.laptop_side` composes them into one transaction per
call (see docs/sync-protocol.md, "One sync, on the laptop").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from assessor.changes import RecordChange
from db.models import ChangeRow, SyncConflictRow, Synced
from db.models_laptop import SyncBaseRow, SyncStateRow
from db.repositories.received import Received, parent_columns, synced_models

Key = tuple[str, str]  # a row: its kind and id
PEOPLE = "people"
CHUNK = 500  # values an IN list holds
T = TypeVar("T")


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


def unsent_among(session: Session, keys: Iterable[Key]) -> set[Key]:
    """Those of the rows with entries the hub has not yet accepted (sent or held)."""
    wanted = set(keys)
    found: set[Key] = set()
    for ids in _chunks({row_id for _, row_id in wanted}):
        query = select(ChangeRow.table_name, ChangeRow.row_id).where(
            _unsent(), ChangeRow.row_id.in_(ids)
        )
        found |= {(kind, row_id) for kind, row_id in session.execute(query.distinct())}
    return found & wanted


def count_rows(session: Session, held: bool) -> int:
    if held:
        return len(held_rows(session))
    return len(pending_rows(session))


def _entries_up_to(session: Session, revisions: Mapping[Key, int]) -> list[int]:
    """The unsent entries of each row up to its revision in `revisions`."""
    seqs = []
    for ids in _chunks({row_id for _, row_id in revisions}):
        query = select(ChangeRow.seq, ChangeRow.table_name, ChangeRow.row_id, ChangeRow.revision)
        for seq, kind, row_id, revision in session.execute(
            query.where(_unsent(), ChangeRow.row_id.in_(ids))
        ):
            if revision <= revisions.get((kind, row_id), -1):
                seqs.append(seq)
    return seqs


def _update_entries(session: Session, seqs: list[int], **values: str | bool) -> None:
    for chunk in _chunks(seqs):
        session.execute(update(ChangeRow).where(ChangeRow.seq.in_(chunk)).values(**values))


def mark_sent(session: Session, revisions: Mapping[Key, int]) -> None:
    """The hub holds each row at least at its revision here: its entries up to it are sent."""
    _update_entries(session, _entries_up_to(session, revisions), sent=True, held_reason="")


def hold(session: Session, revisions: Mapping[Key, int], reason: str) -> None:
    """The hub did not accept these rows at their revisions: held aside with its reason."""
    reason = reason or "The council's hub did not accept this change."
    _update_entries(session, _entries_up_to(session, revisions), held_reason=reason)


def release(session: Session, kind: str, row_id: str) -> None:
    session.execute(
        update(ChangeRow)
        .where(ChangeRow.table_name == kind, ChangeRow.row_id == row_id, _unsent())
        .values(held_reason="")
    )


def bases_of(session: Session, keys: Iterable[Key]) -> dict[Key, SyncBaseRow]:
    """The base of each of the rows that has one, one query a kind."""
    found: dict[Key, SyncBaseRow] = {}
    for kind, ids in _by_kind(keys).items():
        for chunk in _chunks(ids):
            query = select(SyncBaseRow).where(
                SyncBaseRow.kind == kind, SyncBaseRow.row_id.in_(chunk)
            )
            found |= {(kind, base.row_id): base for base in session.scalars(query)}
    return found


def with_deleted(state: RecordChange) -> dict[str, Any]:
    """A state's fields with `deleted` among them, as merging compares them."""
    return {**state.fields, "deleted": state.deleted}


def write_base(session: Session, state: RecordChange, base: SyncBaseRow | None) -> SyncBaseRow:
    """`state` as the row's base (`base`, its base so far), written at the next flush."""
    if base is None:
        base = SyncBaseRow(kind=state.kind, row_id=state.id)
        session.add(base)
    base.revision = state.revision
    base.fields = with_deleted(state)
    return base


def read_rows(session: Session, keys: Iterable[Key], held: dict[Key, Synced | None]) -> None:
    """Add to `held` each row not in it yet, None for one not held here; one query a kind."""
    models = synced_models()
    for kind, ids in _by_kind(key for key in keys if key not in held).items():
        model = models[kind]
        for chunk in _chunks(ids):
            query = select(model).where(model.id.in_(chunk))
            found = {row.id: row for row in session.scalars(query)}
            held |= {(kind, row_id): found.get(row_id) for row_id in chunk}


def take(session: Session, state: RecordChange, row: Synced | None) -> Synced | None:
    """The hub's state of a row with its own stamps over `row`, the row as held here (None:
    not held), logged as already sent; written at the next flush. The row as it now is."""
    based_on = row.revision if row is not None else 0
    model = synced_models()[state.kind]
    written = Received(session).write(model, row, replace(state, based_on=based_on))
    return written if written is not None else row


def parents(row: Synced) -> Iterator[Key]:
    """The rows a row points at (its person, its contact, its goal …)."""
    for column, table in parent_columns(type(row)):
        value = getattr(row, column)
        if value:
            yield (table, value)


def people_of(
    session: Session, keys: Iterable[Key], held: dict[Key, Synced | None] | None = None
) -> dict[Key, str]:
    """The person each row belongs to ('' when none is found), following its parents up to the
    people table; the rows not in `held` read a level at a time, one query a kind."""
    held = {} if held is None else held
    level = {key for key in keys if key[0] != PEOPLE}
    while level:
        read_rows(session, level, held)
        level = {
            parent
            for key in level
            if (row := held[key]) is not None
            for parent in parents(row)
            if parent[0] != PEOPLE and parent not in held
        }
    found: dict[Key, str] = {}

    def person(key: Key) -> str:
        if key not in found:
            row = held.get(key)
            owners = (person(parent) for parent in (parents(row) if row is not None else ()))
            found[key] = key[1] if key[0] == PEOPLE else next(filter(None, owners), "")
        return found[key]

    return {key: person(key) for key in keys}


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


def _by_kind(keys: Iterable[Key]) -> dict[str, list[str]]:
    ids: dict[str, dict[str, None]] = {}
    for kind, row_id in keys:
        ids.setdefault(kind, {})[row_id] = None
    return {kind: list(found) for kind, found in ids.items()}


def _chunks(values: Iterable[T]) -> Iterator[list[T]]:
    """`values` a few hundred at a time: an IN list each, within every database's limits."""
    values = list(values)
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def utc_text(moment: datetime) -> str:
    return moment.replace(tzinfo=moment.tzinfo or UTC).astimezone(UTC).isoformat()
