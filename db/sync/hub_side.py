"""The hub's side of sync, over the store: what it does with a device's push and pull.

Plain Python with no HTTP, so the hub's routes (`hub/`) and the tests call the same thing. Each
call is one transaction on the hub's store, stamped with the pushing worker's name; every
change-log entry it writes names the device and the person (docs/sync-protocol.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import insert
from sqlalchemy.orm import Session

from assessor.sync.wire import PAGE, ChangeResult, OutgoingChange, PulledPage
from db.models_hub import HubAuditRow
from db.store import Store
from db.sync.hub_cursor import FEED, OWN, Cursor
from db.sync.hub_feed import Owned, feed_has_more, horizon, newest_position, read_feed
from db.sync.hub_push import HubPush
from db.sync.hub_snapshot import Snapshot, with_linked_people


@dataclass(frozen=True)
class DeviceScope:
    device_id: str
    worker: str  # the worker's name, stamped on what the hub writes for this device
    team_id: str


class HubSync:
    def __init__(self, store: Store) -> None:
        self.store = store

    def push(self, scope: DeviceScope, changes: Sequence[OutgoingChange]) -> list[ChangeResult]:
        """One transaction; one result per change, in order (assessor/sync/wire.py)."""
        with self.store.unit(worker=scope.worker) as unit:
            push = HubPush(unit.session, scope.device_id, scope.worker, scope.team_id)
            return push.push_all(changes, unit.clock())

    def pull(self, scope: DeviceScope, cursor: str | None, limit: int = PAGE) -> PulledPage:
        """One transaction; every row returned is written to hub_audit (action "read") in it.
        BadCursor (a ValueError) for a cursor this hub did not make."""
        at = Cursor.decode(cursor) if cursor is not None else None
        with self.store.unit(worker=scope.worker) as unit:
            session = unit.session
            if at is None:  # a first sync: remember the log's position, then the snapshot
                at = Cursor(newest_position(session, horizon(session)), OWN)
            if at.phase == FEED:
                feed = read_feed(session, scope.team_id, at.position, limit)
                rows = with_linked_people(session, scope.team_id, feed.rows)
                next_at, more = Cursor(feed.position), feed.more
            else:
                page = Snapshot(session, scope.team_id, scope.worker).page(at, limit)
                rows, next_at = page.rows, page.cursor
                more = next_at.phase != FEED or feed_has_more(
                    session, scope.team_id, next_at.position
                )
            _audit_reads(session, scope, rows, unit.clock())
            return PulledPage([owned.state for owned in rows], next_at.encode(), more)


def _audit_reads(session: Session, scope: DeviceScope, rows: list[Owned], at: object) -> None:
    """One audit row for each row a device was sent, in one statement."""
    if not rows:
        return
    session.execute(
        insert(HubAuditRow),
        [
            {
                "at": at,
                "worker": scope.worker,
                "device_id": scope.device_id,
                "action": "read",
                "kind": owned.state.kind,
                "row_id": owned.state.id,
                "person_id": owned.person_id,
                "detail": "",
            }
            for owned in rows
        ],
    )
