"""Marking a record entered in error through the real window: the shared dialog asks why,
stores nothing without a reason or on Escape, and the record leaves what the worker sees."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import lists_read, open_person
from ui.kit.in_error_dialog import InErrorDialog


def _dialog(qtbot) -> InErrorDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), InErrorDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(dialog.reason.hasFocus)  # the cursor is in the reason, ready to type
    return dialog


def _due_people(window) -> set[str]:
    return {entry.target[0] for entry in window.due.entries._entries}


def _mark(qtbot, dialog: InErrorDialog, reason: str) -> None:
    """Type the reason and press Enter, keys only."""
    assert not dialog.mark_button.isEnabled(), "nothing to store until a reason is typed"
    QTest.keyClicks(dialog.reason, reason)
    assert dialog.mark_button.isEnabled()
    with qtbot.waitSignal(dialog.finished):
        QTest.keyClick(dialog.reason, Qt.Key.Key_Return)


def test_a_contact_is_marked_from_the_timeline_by_its_shortcut(qtbot, window, example_store):
    person_id = open_person(window, "Peggy")
    tab = window.workspace.contacts
    wrong = example_store.contacts(person_id)[0]
    window.workspace.tabs.setCurrentWidget(tab)
    tab.timeline.setFocus()
    qtbot.waitUntil(tab.timeline.hasFocus)
    QTest.keySequence(tab.timeline, "Ctrl+Shift+E")
    dialog = _dialog(qtbot)
    assert dialog.accessibleName().startswith("Entered in error")
    _mark(qtbot, dialog, "Recorded for the wrong person")
    assert tab.timeline.count() == 1
    assert wrong.id not in {c.id for c in example_store.contacts(person_id)}
    (kept,) = [c for c in example_store.person_file(person_id).contacts if c.id == wrong.id]
    assert kept.in_error_reason == "Recorded for the wrong person"


def test_escape_stores_nothing(qtbot, window, example_store):
    person_id = open_person(window, "Peggy")
    tab = window.workspace.contacts
    before = example_store.contacts(person_id)
    window.workspace.tabs.setCurrentWidget(tab)
    tab.mark_button.click()
    dialog = _dialog(qtbot)
    QTest.keyClicks(dialog.reason, "Not sure yet")
    with qtbot.waitSignal(dialog.finished):
        QTest.keyClick(dialog.reason, Qt.Key.Key_Escape)
    assert example_store.contacts(person_id) == before
    assert tab.timeline.count() == len(before)


def test_the_contacts_context_menu_offers_the_mark(window):
    open_person(window, "Peggy")
    tab = window.workspace.contacts
    assert tab.timeline.contextMenuPolicy() is Qt.ContextMenuPolicy.ActionsContextMenu
    assert tab.mark_action in tab.timeline.actions()
    assert tab.mark_button.accessibleName()


def test_a_person_marked_in_error_leaves_the_caseload_and_the_lists(qtbot, window, example_store):
    lists_read(qtbot, window)
    person_id = sorted(_due_people(window))[0]
    name = window.index.get(person_id).preferred_name
    assert open_person(window, name) == person_id
    assert window.mark_person_action.isEnabled()
    window.mark_person_action.trigger()
    dialog = _dialog(qtbot)
    assert "leaves the caseload" in dialog.consequence.text()
    _mark(qtbot, dialog, "Added twice; the record is under Margaret")
    assert window.pages.currentWidget() is window.choose
    assert window.index.get(person_id) is None
    names = [
        window.caseload.model.person_at(row).preferred_name
        for row in range(window.caseload.model.rowCount())
    ]
    assert name not in names
    lists_read(qtbot, window)
    assert person_id not in _due_people(window)
    assert example_store.person_file(person_id).person.in_error_reason.startswith("Added twice")
