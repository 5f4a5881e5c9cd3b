"""The laptop's side of sync in the store: what to send, what the hub said, what it sent back.

Each call is one store transaction, so a sync cut off anywhere leaves every change either sent
and agreed or still waiting to go, and a pulled page either whole or not at all (see
docs/sync-protocol.md, "One sync, on the laptop" and "Pull and cursors").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from assessor.changes import RecordChange
from assessor.sync.wire import (
    BATCH,
    SETTLED,
    ChangeResult,
    Outcome,
    OutgoingChange,
    PulledPage,
    change_id,
)
from db.models import Synced
from db.models_laptop import SyncBaseRow, SyncStateRow
from db.repositories.received import depth, row_state, synced_models
from db.store import Store
from db.sync import laptop_rows as rows
from db.sync.laptop_rows import Key

CURSOR = "cursor"
LAST_SYNCED = "last_synced_at"


@dataclass(frozen=True)
class SyncStatus:
    connected: bool
    hub_url: str
    worker: str  # the hub's name for the worker: what this laptop's changes are stamped with
    team: str
    role: str
    last_synced_at: datetime | None
    waiting: int  # rows with changes still to send
    held: int  # rows with changes the hub did not accept, until the worker sends them again
    open_conflicts: int


@dataclass(frozen=True)
class PageApplied:
    rows: int  # rows that took the hub's state
    people: frozenset[str]  # whose records they are: a record shown of theirs is read again


@dataclass(frozen=True)
class HeldChange:
    kind: str
    row_id: str
    person_id: str
    reason: str  # the hub's, in words a worker can read
    at: datetime  # when the change held aside was made


class LaptopSync:
    def __init__(self, store: Store) -> None:
        self._store = store

    def status(self) -> SyncStatus:
        with self._store.unit() as unit:
            session = unit.session
            state = rows.read_state(session)
            last = state.get(LAST_SYNCED)
            return SyncStatus(
                connected=bool(state.get("device_id")),
                hub_url=state.get("hub_url", ""),
                worker=state.get("worker", ""),
                team=state.get("team", ""),
                role=state.get("role", ""),
                last_synced_at=datetime.fromisoformat(last) if last else None,
                waiting=rows.count_rows(session, held=False),
                held=rows.count_rows(session, held=True),
                open_conflicts=rows.open_conflicts(session),
            )

    def outgoing(self, device_id: str, limit: int = BATCH) -> list[OutgoingChange]:
        """The next changes to send, oldest first; a row whose parent is held aside waits.
        The rows and their bases are read `limit` rows at a time, one query a kind."""
        changes: list[OutgoingChange] = []
        with self._store.unit() as unit:
            session = unit.session
            blocked = rows.held_rows(session)
            pending = rows.pending_rows(session)
            held: dict[Key, Synced | None] = {}
            for start in range(0, len(pending), max(limit, 1)):
                chunk = pending[start : start + max(limit, 1)]
                rows.read_rows(session, chunk, held)
                bases = rows.bases_of(session, chunk)
                for key in chunk:
                    row = held[key]
                    if len(changes) >= limit or row is None:
                        continue
                    if any(parent in blocked for parent in rows.parents(row)):
                        blocked.add(key)
                        continue
                    changes.append(_change(device_id, key[0], row, bases.get(key)))
                if len(changes) >= limit:
                    break
        return changes

    def settle(
        self, sent: Sequence[OutgoingChange], results: Sequence[ChangeResult]
    ) -> frozenset[str]:
        """Take the hub's answers to `sent`, in one transaction; the people whose rows took
        the hub's state (another's change to other fields, merged with this one)."""
        if len(sent) != len(results):
            raise ValueError(f"{len(results)} answers to {len(sent)} changes")
        for change, result in zip(sent, results, strict=True):
            if result.change_id != change.change_id:
                raise ValueError(f"answer {result.change_id} to change {change.change_id}")
        settled: dict[Key, int] = {}
        refused: dict[str, dict[Key, int]] = {}  # by the hub's reason
        agreed: list[tuple[RecordChange, int]] = []
        for change, result in zip(sent, results, strict=True):
            key, revision = (change.state.kind, change.state.id), change.state.revision
            if result.outcome in SETTLED:
                settled[key] = revision
                if result.state is not None:
                    agreed.append((result.state, revision))
            elif result.outcome is Outcome.NOT_ACCEPTED:
                refused.setdefault(result.reason, {})[key] = revision
        with self._store.unit() as unit:
            session = unit.session
            rows.mark_sent(session, settled)
            for reason, revisions in refused.items():
                rows.hold(session, revisions, reason)
            held: dict[Key, Synced | None] = {}
            merged = self._agree(session, agreed, held)
            people = set(rows.people_of(session, merged, held).values())
        return frozenset(people - {""})

    @staticmethod
    def _agree(
        session: Session,
        agreed: Sequence[tuple[RecordChange, int]],
        held: dict[Key, Synced | None],
    ) -> list[Key]:
        """Each hub's state becomes its row's base, and the row too unless it was edited since
        the revision sent; the rows that changed. The rows read are kept in `held`."""
        keys = [(hub.kind, hub.id) for hub, _ in agreed]
        rows.read_rows(session, keys, held)
        bases = rows.bases_of(session, keys)
        merged = []
        for (hub, sent_revision), key in zip(agreed, keys, strict=True):
            bases[key] = rows.write_base(session, hub, bases.get(key))
            here = held[key]
            if here is None or here.revision != sent_revision:
                continue  # not held, or edited since it was sent: the next push sends it
            if _differs(row_state(hub.kind, here, 0), hub):
                held[key] = rows.take(session, hub, here)
                merged.append(key)
        session.flush()
        return merged

    def receive(self, page: PulledPage) -> PageApplied:
        """Apply a pulled page and keep its cursor, in one transaction."""
        with self._store.unit() as unit:
            session = unit.session
            held: dict[Key, Synced | None] = {}
            applied = _apply_page(session, page.rows, held)
            people = set(rows.people_of(session, applied, held).values())
            rows.write_state(
                session, **{CURSOR: page.cursor, LAST_SYNCED: rows.utc_text(unit.clock())}
            )
        return PageApplied(len(applied), frozenset(people - {""}))

    def cursor(self) -> str | None:
        with self._store.unit() as unit:
            return rows.read_state(unit.session).get(CURSOR)

    def held(self) -> list[HeldChange]:
        with self._store.unit() as unit:
            session = unit.session
            entries = rows.held_entries(session)
            people = rows.people_of(session, [(e.table_name, e.row_id) for e in entries])
            return [
                HeldChange(
                    kind=entry.table_name,
                    row_id=entry.row_id,
                    person_id=people[(entry.table_name, entry.row_id)],
                    reason=entry.held_reason,
                    at=entry.changed_at.replace(tzinfo=UTC),
                )
                for entry in entries
            ]

    def send_again(self, kind: str, row_id: str) -> None:
        """The worker has seen why it was not accepted: it goes with the next sync."""
        with self._store.unit() as unit:
            rows.release(unit.session, kind, row_id)

    def connected_as(self, hub_url: str, device_id: str, worker: str, team: str, role: str) -> None:
        """Record the enrolment; a new device starts its pulls afresh (a snapshot)."""
        with self._store.unit() as unit:
            session = unit.session
            if rows.read_state(session).get("device_id") != device_id:
                session.execute(delete(SyncStateRow).where(SyncStateRow.key == CURSOR))
            rows.write_state(
                session, hub_url=hub_url, device_id=device_id, worker=worker, team=team, role=role
            )
        self._store.stamp_as(worker)

    def device_id(self) -> str | None:
        """The device this laptop was enrolled as; None when it is not connected."""
        with self._store.unit() as unit:
            return rows.read_state(unit.session).get("device_id") or None


def _apply_page(
    session: Session, states: Sequence[RecordChange], held: dict[Key, Synced | None]
) -> list[Key]:
    """Apply a page's rows, a kind of record at a time, parents' kinds first, with one flush a
    kind; the rows that took the hub's state. What the page names is read at once: which rows
    have changes still to send (left for the push, which brings the hub's state), which are
    held here at which revision (a higher one is not overwritten; each kept in `held`), and
    their bases."""
    models = synced_models()
    for state in states:
        if state.kind not in models:
            raise ValueError(f"No kind of record called {state.kind}")
    keys = [(state.kind, state.id) for state in states]
    unsent = rows.unsent_among(session, keys)
    rows.read_rows(session, keys, held)
    bases = rows.bases_of(session, keys)
    by_kind: dict[str, list[RecordChange]] = {}
    for state in states:
        by_kind.setdefault(state.kind, []).append(state)
    applied = []
    for kind in sorted(by_kind, key=depth):
        for state in by_kind[kind]:
            key = (kind, state.id)
            here = held[key]
            if key in unsent or (here is not None and here.revision > state.revision):
                continue
            if here is None or here.revision < state.revision:
                held[key] = rows.take(session, state, here)
                applied.append(key)
            bases[key] = rows.write_base(session, state, bases.get(key))
        session.flush()  # a kind's rows before their children's
    return applied


def _change(device_id: str, kind: str, row: Synced, base: SyncBaseRow | None) -> OutgoingChange:
    """A row's whole state to send, based on the revision last agreed, with the old value of
    each field changed since (every field, for a row the hub has not held)."""
    state = row_state(kind, row, base.revision if base is not None else 0)
    old = base.fields if base is not None else {}
    changed = {
        name: old.get(name)
        for name, value in rows.with_deleted(state).items()
        if base is None or name not in old or old[name] != value
    }
    return OutgoingChange(change_id(device_id, kind, row.id, state.revision), state, changed)


def _differs(here: RecordChange, hub: RecordChange) -> bool:
    def seen(state: RecordChange) -> tuple[object, ...]:
        return (dict(state.fields), state.deleted, state.revision, state.updated_by)

    return seen(here) != seen(hub) or here.updated_at != hub.updated_at
