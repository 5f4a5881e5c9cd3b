"""The laptop's side of sync in the store: what to send, what the hub said, what it sent back.

Each call is one store transaction, so a sync cut off anywhere leaves every change either sent
and agreed or still waiting to go, and a pulled page either whole or not at all (see
docs/sync-protocol.md, "One sync, on the laptop" and "Pull and cursors").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
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
from db.models_laptop import SyncStateRow
from db.repositories.received import synced_models
from db.store import Store
from db.sync import laptop_rows as rows

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
        """The next changes to send, oldest first; a row whose parent is held aside waits."""
        changes: list[OutgoingChange] = []
        with self._store.unit() as unit:
            session = unit.session
            blocked = rows.held_rows(session)
            for kind, row_id in rows.pending_rows(session):
                if len(changes) >= limit:
                    break
                if any(parent in blocked for parent in rows.parents(session, kind, row_id)):
                    blocked.add((kind, row_id))
                    continue
                state = rows.local_state(session, kind, row_id)
                if state is None:
                    continue
                base = rows.base_of(session, kind, row_id)
                old = base.fields if base is not None else {}
                state = replace(state, based_on=base.revision if base is not None else 0)
                changed = {
                    name: old.get(name)
                    for name, value in rows.with_deleted(state).items()
                    if base is None or name not in old or old[name] != value
                }
                made = change_id(device_id, kind, row_id, state.revision)
                changes.append(OutgoingChange(made, state, changed))
        return changes

    def settle(
        self, sent: Sequence[OutgoingChange], results: Sequence[ChangeResult]
    ) -> frozenset[str]:
        """Take the hub's answers to `sent`, in one transaction; the people whose rows took
        the hub's state (another's change to other fields, merged with this one)."""
        if len(sent) != len(results):
            raise ValueError(f"{len(results)} answers to {len(sent)} changes")
        people: set[str] = set()
        with self._store.unit() as unit:
            session = unit.session
            for change, result in zip(sent, results, strict=True):
                if result.change_id != change.change_id:
                    raise ValueError(f"answer {result.change_id} to change {change.change_id}")
                kind, row_id, revision = change.state.kind, change.state.id, change.state.revision
                if result.outcome in SETTLED:
                    rows.mark_sent(session, kind, row_id, revision)
                    if result.state is not None and self._agree(session, result.state, revision):
                        people.add(rows.person_of(session, kind, row_id))
                elif result.outcome is Outcome.NOT_ACCEPTED:
                    rows.hold(session, kind, row_id, revision, result.reason)
        return frozenset(people - {""})

    @staticmethod
    def _agree(session: Session, hub: RecordChange, sent_revision: int) -> bool:
        """The hub's state becomes the base, and the row too unless it was edited since;
        whether the row changed."""
        rows.write_base(session, hub)
        here = rows.local_state(session, hub.kind, hub.id)
        if here is not None and here.revision == sent_revision and _differs(here, hub):
            rows.apply_state(session, hub)
            return True
        return False

    def receive(self, page: PulledPage) -> PageApplied:
        """Apply a pulled page and keep its cursor, in one transaction."""
        applied = 0
        people: set[str] = set()
        with self._store.unit() as unit:
            session = unit.session
            models = synced_models()
            for state in page.rows:
                if state.kind not in models:
                    raise ValueError(f"No kind of record called {state.kind}")
                if rows.has_unsent(session, state.kind, state.id):
                    continue  # the push brings the hub's state for it
                here = session.get(models[state.kind], state.id)
                if here is not None and here.revision > state.revision:
                    continue
                if here is None or here.revision < state.revision:
                    rows.apply_state(session, state)
                    applied += 1
                    people.add(rows.person_of(session, state.kind, state.id))
                rows.write_base(session, state)
            rows.write_state(
                session, **{CURSOR: page.cursor, LAST_SYNCED: rows.utc_text(unit.clock())}
            )
        return PageApplied(applied, frozenset(people - {""}))

    def cursor(self) -> str | None:
        with self._store.unit() as unit:
            return rows.read_state(unit.session).get(CURSOR)

    def held(self) -> list[HeldChange]:
        with self._store.unit() as unit:
            session = unit.session
            return [
                HeldChange(
                    kind=entry.table_name,
                    row_id=entry.row_id,
                    person_id=rows.person_of(session, entry.table_name, entry.row_id),
                    reason=entry.held_reason,
                    at=entry.changed_at.replace(tzinfo=UTC),
                )
                for entry in rows.held_entries(session)
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


def _differs(here: RecordChange, hub: RecordChange) -> bool:
    def seen(state: RecordChange) -> tuple[object, ...]:
        return (dict(state.fields), state.deleted, state.revision, state.updated_by)

    return seen(here) != seen(hub) or here.updated_at != hub.updated_at
