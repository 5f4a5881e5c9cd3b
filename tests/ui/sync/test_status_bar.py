"""The status bar's word on sync, on a real store: not connected, working offline (quietly,
never an error dialog), changes waiting to go, and Needs attention opening its list."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from assessor.operations.people import add_person
from assessor.record import Person
from db.sync.laptop_side import SyncStatus
from tests.ui.clock import TODAY
from tests.ui.sync.kit import add_conflict, connect_offline, hold
from ui.sync.status_bar import status_text


def said(window) -> str:
    return window.sync.indicator.text.text()


def test_a_laptop_not_connected_says_so_and_nothing_needs_attention(qtbot, make_window, store):
    window = make_window(store)
    qtbot.waitUntil(lambda: said(window) == "Not connected to the council")
    assert not window.sync.indicator.attention.isVisible()


def test_offline_is_said_quietly_with_what_waits_to_go(qtbot, make_window, store):
    store.add_person(Person("Ann", "A fall at home", family_name="Example"))
    connect_offline(store)
    window = make_window(store)
    qtbot.waitUntil(
        lambda: said(window) == "Working offline · Not synced yet · 1 change waiting to go"
    )
    assert not window.sync.background.running
    assert not [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QMessageBox) and widget.isVisible()
    ]


def test_a_person_added_is_one_more_change_waiting_to_go(qtbot, make_window, store):
    connect_offline(store)
    window = make_window(store)
    qtbot.waitUntil(lambda: said(window).endswith("All changes sent"))
    window.runner.write(lambda: add_person(store, Person("Bob", "Help with shopping")))
    qtbot.waitUntil(lambda: said(window).endswith("1 change waiting to go"))


def test_when_it_last_synced_is_the_time_today_and_the_date_before():
    def status(at: datetime) -> SyncStatus:
        return SyncStatus(True, "https://hub", "Ann", "North", "worker", at, 3, 0, 0)

    now = datetime(2026, 11, 23, 15, 0).astimezone()
    today = datetime(2026, 11, 23, 10, 42).astimezone()
    before = datetime(2026, 11, 20, 10, 42).astimezone()
    assert status_text(status(today), "", lambda: now) == "Synced 10:42 · 3 changes waiting to go"
    assert status_text(status(before), "", lambda: now) == (
        "Last synced 20 Nov 2026 · 3 changes waiting to go"
    )


def test_needs_attention_counts_conflicts_and_changes_not_accepted_and_lists_them(
    qtbot, make_window, store
):
    ann = store.add_person(Person("Ann", "A fall at home", family_name="Example"))
    add_conflict(store, ann.id, {"phone": ("01632 960001", "01632 960002", "01632 960003")})
    bob = store.add_person(Person("Bob", "Help with shopping", family_name="Example"))
    hold(store, bob.id, "Bob Example is on another team’s caseload.")
    connect_offline(store)
    window = make_window(store)
    button = window.sync.indicator.attention
    qtbot.waitUntil(lambda: button.isVisible() and button.text() == "Needs attention (2)")
    assert button.accessibleName() == "Needs attention (2)"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    attention = window.sync.attention
    qtbot.waitUntil(lambda: attention.isVisible() and attention.held.count() == 1)
    qtbot.waitUntil(lambda: attention.conflicts.item(0).text() == "Ann Example: page one (Phone)")
    held = attention.held.item(0).text()
    assert held.startswith(f"Bob Example: page one, changed 14:30 {TODAY.day} Nov 2026")
    assert "The council’s hub said: Bob Example is on another team’s caseload." in held

    qtbot.mouseClick(attention.record_button, Qt.MouseButton.LeftButton)
    assert window.workspace.person_id == bob.id  # to put right what the hub said
    assert window.workspace.tabs.currentWidget() is window.workspace.page_one
    attention.held.setFocus()
    qtbot.mouseClick(attention.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: attention.held.item(0).text() == "Every change was accepted.")
    qtbot.waitUntil(lambda: button.text() == "Needs attention (1)")
