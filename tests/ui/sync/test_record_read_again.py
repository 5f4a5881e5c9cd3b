"""A record open on the screen while a sync brings its rows from the hub shows them at once,
where the worker was; and what the worker had typed but not yet saved goes with that sync."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assessor.record import Person
from council.connect import connect
from council.credentials import keyring_credentials
from council.engine import sync_once
from db.store import Store
from tests.council.running_hub import RunningHub
from tests.ui.helpers import open_person
from tests.ui.sync.conftest import TEAM, WORKER

BOB = "Bob Example"
BOBS_PHONE = "0113 496 0002"


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[RunningHub]:
    running = RunningHub(tmp_path / "hub")
    running.team(TEAM, WORKER, BOB)
    running.start()
    yield running
    running.close()


@pytest.fixture
def bobs_laptop(hub: RunningHub, tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "bob", BOB, create=True)
    connect(store, hub.url, hub.code_for(BOB), credentials=keyring_credentials(), device_name=BOB)
    yield store
    store.close()


@pytest.fixture
def joan(store: Store, hub: RunningHub, bobs_laptop: Store) -> Person:
    """Joan, on this laptop and Bob's."""
    joan = store.add_person(Person("Joan", "Stairs", family_name="Example"))
    mine = hub.code_for(WORKER)
    connect(store, hub.url, mine, credentials=keyring_credentials(), device_name="A")
    sync_once(store, credentials=keyring_credentials())
    sync_once(bobs_laptop, credentials=keyring_credentials())
    return joan


def joan_open(qtbot, make_window, store: Store):
    """The window, once its sync at start is over, with Joan's record open."""
    window = make_window(store)
    background = window.sync.background
    qtbot.waitUntil(lambda: background.status is not None and not background.running)
    open_person(window, "Joan")
    return window


def bob_changes_her_phone(bobs_laptop: Store, joan: Person) -> None:
    bobs_laptop.update_person(joan.id, {"phone": BOBS_PHONE})
    sync_once(bobs_laptop, credentials=keyring_credentials())


def test_a_synced_change_shows_on_the_open_record_and_unsaved_typing_goes_with_the_sync(
    qtbot, make_window, store: Store, bobs_laptop: Store, joan: Person
) -> None:
    window = joan_open(qtbot, make_window, store)
    bob_changes_her_phone(bobs_laptop, joan)
    page_one = window.workspace.page_one
    page_one.first_names.setFocus()
    qtbot.keyClicks(page_one.first_names, "Joanna")  # typed; the autosave has not run yet
    with qtbot.waitSignal(window.sync.background.synced, timeout=20_000) as synced:
        window.sync.sync_now()

    assert joan.id in synced.args[0].people_received
    assert page_one.phone.text() == BOBS_PHONE
    assert page_one.first_names.text() == "Joanna" and page_one.first_names.hasFocus()
    assert window.workspace.tabs.currentWidget() is page_one
    sync_once(bobs_laptop, credentials=keyring_credentials())
    assert bobs_laptop.person(joan.id).first_names == "Joanna"
    assert store.person(joan.id).phone == BOBS_PHONE


def test_a_record_open_and_untouched_shows_what_another_worker_changed(
    qtbot, make_window, store: Store, bobs_laptop: Store, joan: Person
) -> None:
    window = joan_open(qtbot, make_window, store)
    bob_changes_her_phone(bobs_laptop, joan)
    with qtbot.waitSignal(window.sync.background.synced, timeout=20_000) as synced:
        window.sync.sync_now()
    assert synced.args[0].received >= 1
    assert window.workspace.page_one.phone.text() == BOBS_PHONE
