"""Two hub processes on one PostgreSQL database, one of them slow to commit.

A change committed out of order must never be skipped: a pull made while an earlier transaction
is still open stops before it, and a later pull from that cursor gets both (a plain sequence
would have moved past the open transaction's entry for ever). Two pushes of the same row
serialise on its lock, so the second sees the first and neither overwrites the other."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import text

from assessor.sync.wire import ChangeResult, Outcome, OutgoingChange
from db.changelog import log_on_hub
from db.server import open_server_store
from db.store import Store
from db.sync.hub_push import HubPush
from db.sync.hub_scope import person_of
from db.sync.hub_side import HubSync
from tests.db.sync.hub_kit import HUB_NOW, NORTH, Laptop, add_teams, person


@pytest.fixture
def stores(postgres_url: str) -> Iterator[tuple[Store, Store]]:
    """Two hub processes' stores on one PostgreSQL database."""
    first = open_server_store(postgres_url, "hub", clock=lambda: HUB_NOW)
    second = open_server_store(postgres_url, "hub", clock=lambda: HUB_NOW)
    add_teams(first)
    yield first, second
    first.close()
    second.close()


@contextmanager
def held_open(store: Store, laptop: Laptop, change: OutgoingChange) -> Iterator[None]:
    """A push written but not committed until the block ends (a slow hub process)."""
    scope = laptop.scope
    with store.unit(worker=scope.worker) as unit:
        log_on_hub(unit.session, scope.device_id, person_of)
        HubPush(unit.session, scope.device_id, scope.worker, scope.team_id).push_all(
            [change], HUB_NOW
        )
        yield


def ids(laptop: Laptop, cursor: str | None) -> tuple[set[str], str]:
    pages = laptop.pull_all(100, cursor)
    return {row.id for page in pages for row in page.rows}, pages[-1].cursor


def test_a_pull_stops_before_a_transaction_still_open(stores: tuple[Store, Store]) -> None:
    first, second = stores
    ann = Laptop(HubSync(first), "Ann Example", NORTH)
    _, done = ids(ann, None)
    slow = ann.new("people", person("Dee Example"))
    quick = ann.new("people", person("Eve Example"))

    with held_open(second, ann, slow):
        ann.settled(quick)  # began after the slow one, committed before it
        during, cursor = ids(ann, done)

    after, _ = ids(ann, cursor)
    assert during == set()
    assert after == {slow.state.id, quick.state.id}


def test_a_first_sync_gets_what_was_still_being_written_from_the_feed(
    stores: tuple[Store, Store],
) -> None:
    first, second = stores
    ann = Laptop(HubSync(first), "Ann Example", NORTH)
    slow = ann.new("people", person("Dee Example"))
    quick = ann.new("people", person("Eve Example"))

    with held_open(second, ann, slow):
        ann.settled(quick)
        snapshot = ann.hub.pull(ann.scope, None, 100)

    rest, _ = ids(ann, snapshot.cursor)
    assert {row.id for row in snapshot.rows} == {quick.state.id}
    assert slow.state.id in rest


def wait_for_a_lock_wait(store: Store, timeout: float = 10.0) -> None:
    """Until another connection waits for a row lock (a condition, with a time limit)."""
    sql = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with store.engine.connect() as connection:
            if connection.execute(text(sql)).scalar_one():
                return
        threading.Event().wait(0.01)
    raise AssertionError("the second push never waited for the first one's lock")


def test_two_pushes_of_the_same_row_wait_for_each_other(stores: tuple[Store, Store]) -> None:
    first, second = stores
    ann = Laptop(HubSync(first), "Ann Example", NORTH)
    bob = Laptop(HubSync(first), "Bob Example", NORTH)
    base = ann.settled(ann.new("people", person("Dee Example")))
    results: list[ChangeResult] = []

    with held_open(second, bob, bob.edit(base, presenting_problem="Needs help with meals")):
        pushing = threading.Thread(
            target=lambda: results.extend(ann.push(ann.edit(base, presenting_problem="Lonely")))
        )
        pushing.start()
        wait_for_a_lock_wait(first)
    pushing.join(timeout=10)

    (result,) = results
    assert result.outcome is Outcome.CONFLICT
    assert result.state is not None
    assert result.state.fields["presenting_problem"] == "Needs help with meals"
