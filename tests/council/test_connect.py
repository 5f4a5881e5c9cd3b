"""Connecting a laptop to a real hub: the key goes to the keyring first, and a refusal, a hub out
of reach or a computer with no keyring leaves nothing behind."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from assessor.record import Person
from council.connect import connect
from council.credentials import SERVICE, Credentials, keyring_credentials
from council.engine import NoKeyring, Offline, SyncProblem
from db.store import Store
from db.sync.laptop_side import LaptopSync
from tests.council.conftest import ANN, TEAM
from tests.council.running_hub import RunningHub
from tests.kit.keyring import MemoryKeyring


def test_connecting_keeps_the_key_in_the_keyring_and_says_who_the_laptop_is_for(
    hub: RunningHub, laptop: Callable[[str], Store], memory_keyring: MemoryKeyring
) -> None:
    store = laptop("ann")
    done = connect(
        store, hub.url, hub.code_for(ANN), credentials=keyring_credentials(), device_name="ann-1"
    )
    assert (done.worker, done.team, done.role, done.hub_url) == (ANN, TEAM, "worker", hub.url)
    assert memory_keyring.secrets[(SERVICE, done.device_id)]
    status = LaptopSync(store).status()
    assert (status.connected, status.worker, status.hub_url) == (True, ANN, hub.url)
    assert LaptopSync(store).device_id() == done.device_id


def test_once_connected_changes_are_stamped_with_the_hubs_name_for_the_worker(
    hub: RunningHub, laptop: Callable[[str], Store], tmp_path: Path
) -> None:
    store = laptop("ann")  # the name the laptop was set up with: not the hub's
    connect(store, hub.url, hub.code_for(ANN), credentials=keyring_credentials(), device_name="a")
    joan = store.add_person(Person("Joan", "Stairs"))
    assert (joan.stamp.updated_by, store.findable(joan.id).caseload_of) == (ANN, ANN)
    store.close()
    again = Store.open(tmp_path / "ann", "ann")
    assert again.worker == ANN
    again.close()


def test_a_code_used_already_is_refused_in_the_hubs_words_and_nothing_is_kept(
    hub: RunningHub, laptop: Callable[[str], Store], memory_keyring: MemoryKeyring
) -> None:
    code = hub.code_for(ANN)
    connect(laptop("first"), hub.url, code, credentials=keyring_credentials(), device_name="a")
    kept = dict(memory_keyring.secrets)
    second = laptop("second")
    with pytest.raises(SyncProblem) as refused:
        connect(second, hub.url, code, credentials=keyring_credentials(), device_name="b")
    assert str(refused.value) and "{" not in str(refused.value)
    assert memory_keyring.secrets == kept
    assert not LaptopSync(second).status().connected


def test_with_no_keyring_the_laptop_says_so_and_keeps_nothing() -> None:
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(NoKeyring) as refused:
        keyring_credentials()
    assert str(refused.value) == (
        "This computer has no safe place for the council's key (no keyring). Ask council IT; "
        "nothing was saved."
    )


def test_a_keyring_that_refuses_the_key_leaves_the_laptop_unconnected(
    hub: RunningHub, laptop: Callable[[str], Store]
) -> None:
    store = laptop("ann")
    with pytest.raises(NoKeyring):
        connect(
            store,
            hub.url,
            hub.code_for(ANN),
            credentials=Credentials(fail.Keyring()),
            device_name="a",
        )
    assert not LaptopSync(store).status().connected


def test_a_hub_out_of_reach_is_said_plainly(
    hub: RunningHub, laptop: Callable[[str], Store]
) -> None:
    code = hub.code_for(ANN)
    hub.stop()
    store = laptop("ann")
    with pytest.raises(Offline) as refused:
        connect(store, hub.url, code, credentials=keyring_credentials(), device_name="a")
    assert "cannot be reached" in str(refused.value) and "nothing was saved" in str(refused.value)
    assert not LaptopSync(store).status().connected


def test_an_address_that_is_not_a_web_address_is_refused_before_anything_is_sent(
    laptop: Callable[[str], Store],
) -> None:
    with pytest.raises(SyncProblem, match="not an address of the council's hub"):
        connect(
            laptop("ann"), "hub.example", "CODE", credentials=keyring_credentials(), device_name="a"
        )
