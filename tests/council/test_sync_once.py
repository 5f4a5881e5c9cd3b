"""One sync against a real hub: what is sent, what comes back, what a fault mid-way leaves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import httpx
import pytest

from assessor.record import Contact, Person
from council.connect import connect
from council.credentials import keyring_credentials
from council.engine import Cancelled, SyncProblem, SyncProgress, SyncSummary, sync_once
from council.transport import TIMEOUT
from db.store import Store
from db.sync.laptop_side import LaptopSync
from tests.council.conftest import ANN, BOB
from tests.council.running_hub import RunningHub
from tests.e2e.faults import Fault, FaultyTransport


def connected(hub: RunningHub, laptop: Callable[[str], Store], worker: str) -> Store:
    store = laptop(worker.split()[0].lower())
    connect(
        store, hub.url, hub.code_for(worker), credentials=keyring_credentials(), device_name="x"
    )
    return store


def sync(store: Store, **options: object) -> SyncSummary:
    return sync_once(store, credentials=keyring_credentials(), **options)  # type: ignore[arg-type]


def names(store: Store) -> list[str]:
    return sorted(person.preferred_name for person in store.findable_people())


def test_what_one_laptop_records_reaches_the_other_with_progress_on_the_way(
    hub: RunningHub, laptop: Callable[[str], Store]
) -> None:
    ann, bob = connected(hub, laptop, ANN), connected(hub, laptop, BOB)
    joan = ann.add_person(Person(preferred_name="Joan", presenting_problem="Stairs"))
    ann.add_contact(Contact(person_id=joan.id, on=date(2026, 11, 23)))
    seen: list[SyncProgress] = []
    summary = sync(ann, progress=seen.append)
    assert (summary.sent, summary.conflicts, summary.not_accepted, summary.waiting) == (2, 0, 0, 0)
    assert seen[0] == SyncProgress("sending", 2, 2) and seen[-1].stage == "receiving"
    assert LaptopSync(ann).status().waiting == 0
    assert sync(bob).received >= 2
    assert names(bob) == ["Joan"]
    assert [c.on for c in bob.contacts(joan.id)] == [date(2026, 11, 23)]
    assert LaptopSync(bob).status().last_synced_at is not None
    again = sync(ann)
    assert (again.sent, again.received) == (0, 0)  # nothing travels back


def test_an_answer_lost_after_the_hub_kept_the_change_is_sent_again_and_kept_once(
    hub: RunningHub, laptop: Callable[[str], Store]
) -> None:
    ann, bob = connected(hub, laptop, ANN), connected(hub, laptop, BOB)
    ann.add_person(Person(preferred_name="Joan", presenting_problem="Stairs"))
    transport = FaultyTransport()
    with httpx.Client(transport=transport, timeout=TIMEOUT) as client:
        transport.queue(Fault.DUPLICATE)  # the session, twice: harmless
        transport.queue(Fault.LOST_RESPONSE)  # the push: kept by the hub, answer lost
        with pytest.raises(SyncProblem):
            sync(ann, client=client)
        assert LaptopSync(ann).status().waiting == 1
        assert sync(ann, client=client).sent == 1  # already applied, settled now
    sync(bob)
    assert names(bob) == ["Joan"]


def test_a_pulled_page_cut_short_keeps_nothing_of_it_and_the_next_sync_gets_it_all(
    hub: RunningHub, laptop: Callable[[str], Store]
) -> None:
    ann, bob = connected(hub, laptop, ANN), connected(hub, laptop, BOB)
    ann.add_person(Person(preferred_name="Joan", presenting_problem="Stairs"))
    sync(ann)
    transport = FaultyTransport()
    with httpx.Client(transport=transport, timeout=TIMEOUT) as client:
        transport.queue(None, Fault.TRUNCATED)  # type: ignore[arg-type]
        with pytest.raises(SyncProblem):
            sync(bob, client=client)
    assert names(bob) == [] and LaptopSync(bob).cursor() is None
    assert sync(bob).received >= 1
    assert names(bob) == ["Joan"]


def test_a_cancelled_sync_stops_between_batches_keeping_what_was_done(
    hub: RunningHub, laptop: Callable[[str], Store]
) -> None:
    ann = connected(hub, laptop, ANN)
    ann.add_person(Person(preferred_name="Joan", presenting_problem="Stairs"))
    asked: list[bool] = []

    def cancel_after_sending() -> bool:
        asked.append(True)
        return len(asked) > 1

    with pytest.raises(Cancelled):
        sync(ann, cancelled=cancel_after_sending)
    assert LaptopSync(ann).status().waiting == 0  # the batch sent before is settled
