"""One sync with the council's hub: a session, the changes pushed, the hub's rows pulled.

Nothing about the hub is kept in memory between syncs: the store's sync state says where the
last one got to (docs/sync-protocol.md, "One sync, on the laptop"). Each pushed batch is read,
sent and settled under `writer()`, so no edit on this laptop can fall between; each pulled page
is kept whole with its cursor, so a sync stopped anywhere resumes where it was.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

import httpx

from assessor.sync.wire import BATCH, PAGE, Outcome, OutgoingChange
from council.credentials import Credentials
from council.problems import (
    Cancelled,
    HubTrouble,
    NoKeyring,
    NotConnected,
    Offline,
    Revoked,
    SyncProblem,
)
from council.transport import Hub, SessionEnded
from db.store import Store
from db.sync.laptop_side import LaptopSync

__all__ = [
    "Cancelled",
    "NoKeyring",
    "NotConnected",
    "Offline",
    "Revoked",
    "SyncProblem",
    "SyncProgress",
    "SyncSummary",
    "sync_once",
]

T = TypeVar("T")


@dataclass(frozen=True)
class SyncProgress:
    stage: str  # "sending" | "receiving"
    done: int
    total: int | None


@dataclass(frozen=True)
class SyncSummary:
    sent: int  # changes the hub now holds (conflicts among them)
    conflicts: int  # changes that met another's change to the same field: need attention
    not_accepted: int  # changes held aside with the hub's reason
    waiting: int  # changes that wait for another the hub does not hold yet
    received: int  # rows applied from the hub
    people_received: frozenset[str] = frozenset()  # whose rows took the hub's state


def _ignore(_progress: SyncProgress) -> None:
    return None


class _Session:
    """A session token, asked for again once if it runs out during a long sync."""

    def __init__(self, hub: Hub, device_id: str, secret: str) -> None:
        self._hub, self._device_id, self._secret = hub, device_id, secret
        self._token = hub.session(device_id, secret)

    def call(self, request: Callable[[str], T]) -> T:
        try:
            return request(self._token)
        except SessionEnded:
            self._token = self._hub.session(self._device_id, self._secret)
            return request(self._token)


def sync_once(
    store: Store,
    *,
    credentials: Credentials,
    progress: Callable[[SyncProgress], None] = _ignore,
    cancelled: Callable[[], bool] = lambda: False,
    writer: Callable[[], AbstractContextManager[object]] = nullcontext,
    client: httpx.Client | None = None,
) -> SyncSummary:
    """Push what waits here, then pull what the hub has; a `SyncProblem` says why not."""
    laptop = LaptopSync(store)
    status = laptop.status()
    device_id = laptop.device_id()
    if device_id is None:
        raise NotConnected()
    secret = credentials.secret(device_id)
    with Hub(status.hub_url, client) as hub:
        session = _Session(hub, device_id, secret)
        counts, merged = _push(
            laptop, session, hub, device_id, status.waiting, progress, cancelled, writer
        )
        received, people = _pull(laptop, session, hub, progress, cancelled)
    return SyncSummary(
        sent=counts[Outcome.APPLIED] + counts[Outcome.ALREADY_APPLIED] + counts[Outcome.CONFLICT],
        conflicts=counts[Outcome.CONFLICT],
        not_accepted=counts[Outcome.NOT_ACCEPTED],
        waiting=counts[Outcome.WAITING],
        received=received,
        people_received=merged | people,
    )


def _push(
    laptop: LaptopSync,
    session: _Session,
    hub: Hub,
    device_id: str,
    total: int,
    progress: Callable[[SyncProgress], None],
    cancelled: Callable[[], bool],
    writer: Callable[[], AbstractContextManager[object]],
) -> tuple[dict[Outcome, int], frozenset[str]]:
    """Send every change waiting, a batch at a time; the answers counted, and the people
    whose rows took the hub's state merged with what was sent."""
    counts = dict.fromkeys(Outcome, 0)
    merged = frozenset[str]()
    waiting: set[str] = set()  # answered "waiting" this sync: sent again next time
    done = 0
    while True:
        if cancelled():
            raise Cancelled()
        with writer():
            batch = _next_batch(laptop, device_id, waiting)
            if not batch:
                return counts, merged
            results = session.call(partial(hub.push, changes=batch))
            merged |= laptop.settle(batch, results)
        for result in results:
            counts[result.outcome] += 1
            if result.outcome is Outcome.WAITING:
                waiting.add(result.change_id)
        done += len(batch)
        progress(SyncProgress("sending", done, max(total, done)))


def _next_batch(laptop: LaptopSync, device_id: str, waiting: set[str]) -> list[OutgoingChange]:
    candidates = laptop.outgoing(device_id, BATCH + len(waiting))
    return [change for change in candidates if change.change_id not in waiting][:BATCH]


def _pull(
    laptop: LaptopSync,
    session: _Session,
    hub: Hub,
    progress: Callable[[SyncProgress], None],
    cancelled: Callable[[], bool],
) -> tuple[int, frozenset[str]]:
    received, people = 0, frozenset[str]()
    while True:
        if cancelled():
            raise Cancelled()
        cursor = laptop.cursor()
        page = session.call(partial(hub.pull, cursor=cursor, limit=PAGE))
        try:
            applied = laptop.receive(page)
        except ValueError:  # a kind of record this laptop does not know: nothing was kept
            raise HubTrouble() from None
        received, people = received + applied.rows, people | applied.people
        progress(SyncProgress("receiving", received, None))
        if not page.more:
            return received, people
