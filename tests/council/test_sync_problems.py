"""What stops a sync, against a real hub: each said in plain words, and every change still here."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from assessor.record import Person
from council.connect import connect
from council.credentials import keyring_credentials
from council.engine import NotConnected, Offline, Revoked, SyncProblem, sync_once
from council.problems import HUB_TROUBLE, OFFLINE
from council.transport import TIMEOUT
from db.store import Store
from db.sync.laptop_side import LaptopSync
from tests.council.conftest import ANN
from tests.council.running_hub import RunningHub
from tests.e2e.faults import Fault, FaultyTransport
from tests.kit.keyring import MemoryKeyring


@pytest.fixture
def ann(hub: RunningHub, laptop: Callable[[str], Store]) -> Store:
    """Ann's laptop, connected, with one change not yet sent."""
    store = laptop("ann")
    connect(store, hub.url, hub.code_for(ANN), credentials=keyring_credentials(), device_name="a")
    store.add_person(Person(preferred_name="Joan", presenting_problem="Stairs"))
    return store


@pytest.fixture
def faulty() -> Iterator[tuple[httpx.Client, FaultyTransport]]:
    transport = FaultyTransport()
    with httpx.Client(transport=transport, timeout=TIMEOUT) as client:
        yield client, transport


def still_waiting(store: Store) -> int:
    return LaptopSync(store).status().waiting


def test_a_hub_out_of_reach_is_working_offline_with_everything_kept(
    hub: RunningHub, ann: Store
) -> None:
    hub.stop()
    with pytest.raises(Offline) as offline:
        sync_once(ann, credentials=keyring_credentials())
    assert str(offline.value) == OFFLINE
    assert still_waiting(ann) == 1


def test_a_revoked_laptop_is_refused_in_the_hubs_words_and_keeps_every_change(
    hub: RunningHub, ann: Store, memory_keyring: MemoryKeyring
) -> None:
    device_id = LaptopSync(ann).device_id()
    assert device_id is not None
    hub.admin("revoke-device", device_id)
    with pytest.raises(Revoked) as refused:
        sync_once(ann, credentials=keyring_credentials())
    assert "withdrawn" in str(refused.value) and "Nothing on it has been removed" in str(
        refused.value
    )
    assert still_waiting(ann) == 1
    assert [p.preferred_name for p in ann.findable_people()] == ["Joan"]
    assert memory_keyring.secrets  # its key is kept too: council IT may connect it again
    assert LaptopSync(ann).status().connected


def test_a_laptop_never_connected_is_told_how_to_connect(laptop: Callable[[str], Store]) -> None:
    with pytest.raises(NotConnected, match="one-time code"):
        sync_once(laptop("new"), credentials=keyring_credentials())


def test_a_key_gone_from_the_keyring_is_said_plainly(
    ann: Store, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.secrets.clear()
    with pytest.raises(NotConnected, match="missing from its keyring"):
        sync_once(ann, credentials=keyring_credentials())
    assert still_waiting(ann) == 1


@pytest.mark.parametrize(
    "fault", [Fault.UNAVAILABLE, Fault.TRUNCATED, Fault.LOST_RESPONSE], ids=str
)
def test_a_hub_that_fails_to_answer_is_its_problem_and_will_be_tried_again(
    ann: Store, faulty: tuple[httpx.Client, FaultyTransport], fault: Fault
) -> None:
    client, transport = faulty
    transport.queue(fault)
    with pytest.raises(SyncProblem) as problem:
        sync_once(ann, credentials=keyring_credentials(), client=client)
    assert str(problem.value) == HUB_TROUBLE
    assert transport.met == [fault]
    assert still_waiting(ann) == 1


@pytest.mark.parametrize("fault", [Fault.LOST_REQUEST, Fault.TIMEOUT], ids=str)
def test_a_request_lost_or_timed_out_is_working_offline(
    ann: Store, faulty: tuple[httpx.Client, FaultyTransport], fault: Fault
) -> None:
    client, transport = faulty
    transport.queue(fault)
    with pytest.raises(Offline):
        sync_once(ann, credentials=keyring_credentials(), client=client)
    assert still_waiting(ann) == 1
