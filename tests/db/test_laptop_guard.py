"""Putting back an earlier copy of a store never loses changes the council's hub has not got."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from assessor.record import Person
from assessor.sync.wire import ChangeResult, Outcome
from db.backups import make_backup
from db.connection import store_path
from db.migrate import HEAD_REVISION
from db.restore import restore_from_backup
from db.store import Store
from db.sync.laptop_guard import UnsyncedChanges, unsynced_changes
from db.sync.laptop_side import LaptopSync

EARLIER = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def restore(path: Path) -> list[str]:
    notices: list[str] = []
    copy = make_backup(path, HEAD_REVISION, NOW)
    restore_from_backup(path, copy, lambda _file: None, notices.append)
    return notices


def connected_store_with_a_backup(data_dir: Path) -> tuple[Store, Path]:
    store = Store.open(data_dir, "Ann Worker", create=True)
    LaptopSync(store).connected_as("http://hub.example", "device-1", "Ann Worker", "N", "worker")
    make_backup(store_path(data_dir), HEAD_REVISION, EARLIER)
    store.add_person(Person(preferred_name="Ann", presenting_problem="Stairs"))
    return store, store_path(data_dir)


def test_a_store_with_changes_not_yet_sent_is_not_replaced(tmp_path: Path) -> None:
    store, path = connected_store_with_a_backup(tmp_path / "data")
    store.close()
    with pytest.raises(UnsyncedChanges) as refused:
        restore(path)
    assert "1 change not yet accepted by the council's hub" in str(refused.value)
    assert "Nothing has been changed" in str(refused.value)
    reopened = Store.open(tmp_path / "data", "Ann Worker")
    assert [p.preferred_name for p in reopened.findable_people()] == ["Ann"]
    reopened.close()


def test_held_changes_hold_it_back_too_and_once_accepted_it_may_be_replaced(
    tmp_path: Path,
) -> None:
    store, path = connected_store_with_a_backup(tmp_path / "data")
    laptop = LaptopSync(store)
    sent = laptop.outgoing("device-1")
    laptop.settle(sent, [ChangeResult(c.change_id, Outcome.NOT_ACCEPTED, "No") for c in sent])
    assert unsynced_changes(path) == 1
    laptop.send_again("people", sent[0].state.id)
    sent = laptop.outgoing("device-1")
    laptop.settle(sent, [ChangeResult(c.change_id, Outcome.APPLIED, state=c.state) for c in sent])
    assert unsynced_changes(path) == 0
    store.close()
    assert restore(path)  # the earlier copy is put back, as before sync


def test_a_store_never_connected_is_not_held_back(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data", "Ann Worker", create=True)
    store.add_person(Person(preferred_name="Ann", presenting_problem="Stairs"))
    store.close()
    assert unsynced_changes(store_path(tmp_path / "data")) == 0
