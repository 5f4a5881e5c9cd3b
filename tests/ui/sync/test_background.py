"""When the laptop syncs by itself: at start, a while after changes settle, every few minutes,
and on Sync now; one sync at a time, each a runner job that never holds the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt

from assessor.operations.people import add_person
from assessor.record import Person
from tests.ui.sync.kit import connect_offline
from ui.sync.background import BackgroundSync
from ui.sync.engine import SyncEngine


def syncs_started(sync: BackgroundSync) -> list[bool]:
    started: list[bool] = []
    sync.running_changed.connect(lambda running: running and started.append(True))
    return started


def test_a_laptop_not_connected_never_tries(qtbot, store, runner):
    sync = BackgroundSync(SyncEngine(store), runner, every_ms=20, settle_ms=20)
    started = syncs_started(sync)
    with qtbot.waitSignal(sync.status_changed, timeout=5000):
        sync.start()
    with qtbot.waitSignal(runner.changes_applied):
        runner.write(lambda: add_person(store, Person("Ann", "A fall at home")))
    assert not sync.settle.isActive() and not sync.every.isActive()
    assert started == []


def test_connected_it_syncs_at_start_and_then_every_interval(qtbot, store, runner):
    connect_offline(store)
    sync = BackgroundSync(SyncEngine(store), runner, every_ms=50, settle_ms=60_000)
    started = syncs_started(sync)
    sync.start()
    qtbot.waitUntil(lambda: len(started) >= 3, timeout=5000)
    assert sync.problem == "Working offline"


def test_a_sync_follows_once_changes_settle(qtbot, store, runner):
    connect_offline(store)
    sync = BackgroundSync(SyncEngine(store), runner, every_ms=3_600_000, settle_ms=100)
    started = syncs_started(sync)
    sync.start()
    qtbot.waitUntil(lambda: started == [True] and not sync.running, timeout=5000)
    with qtbot.waitSignal(runner.changes_applied):
        runner.write(lambda: add_person(store, Person("Ann", "A fall at home")))
    assert sync.settle.isActive() and started == [True]
    qtbot.waitUntil(lambda: len(started) == 2, timeout=5000)


def test_sync_now_from_the_menu_and_its_shortcut(qtbot, make_window, store):
    connect_offline(store)
    window = make_window(store)
    sync = window.sync.background
    qtbot.waitUntil(lambda: sync.problem == "Working offline" and not sync.running)
    assert window.sync.sync_action.shortcut().toString() == "Ctrl+Shift+S"
    started = syncs_started(sync)
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert started == [True]
    qtbot.waitUntil(lambda: not sync.running)
