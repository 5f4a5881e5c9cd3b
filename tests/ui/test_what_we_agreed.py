"""What we agreed on page two: steps typed in place, autosaved and there again on reopening;
Delete with Undo; all by keyboard; and the follow-up date on the worker's Due list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from assessor.record import Contact, Person
from tests.ui.helpers import choose_row, open_person
from tests.ui.test_wheel import turn_wheel
from ui.kit.runner import Runner
from ui.shell.main_window import MainWindow

TODAY = date(2026, 11, 23)


def _type(qtbot, window, widget, text: str) -> None:
    widget.setFocus()
    QTest.keyClicks(widget, text)
    window.autosaver.flush()


def test_steps_autosave_and_are_there_on_reopening(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    window.new_contact()
    agreed = window.workspace.contacts.conversation.agreed
    agreed.add_button.click()
    agreed.add_button.click()
    assert example_store.contacts(person_id) == [], "nothing stored until typed"
    first, second = agreed.rows
    assert QApplication.focusWidget() is second.what
    _type(qtbot, window, first.what, "Ring the lunch club")
    (contact,) = example_store.contacts(person_id)  # the first step typed stores its contact
    _type(qtbot, window, first.who.lineEdit(), "His daughter Ola")
    _type(qtbot, window, first.by_when, "30/11/2026")
    _type(qtbot, window, second.what, "Ask about a bus pass")
    assert window.save_state.text() == "All changes saved"
    held = example_store.agreed_steps(contact.id)
    assert [(s.what, s.who, s.by_when) for s in held] == [
        ("Ring the lunch club", "His daughter Ola", date(2026, 11, 30)),
        ("Ask about a bus pass", "", None),
    ]

    open_person(window, "Peggy")
    open_person(window, "Tomek")
    rows = window.workspace.contacts.conversation.agreed.rows
    assert [(r.what.text(), r.who.currentText(), r.by_when.text()) for r in rows] == [
        ("Ring the lunch club", "His daughter Ola", "30/11/2026"),
        ("Ask about a bus pass", "", ""),
    ]


def test_a_follow_up_typed_into_a_new_contact_stores_the_contact_with_it(
    qtbot, window, example_store
):
    person_id = open_person(window, "Tomek")
    window.new_contact()
    follow_up = window.workspace.contacts.conversation.agreed.follow_up
    _type(qtbot, window, follow_up, "30/11/2026")
    (contact,) = example_store.contacts(person_id)
    assert contact.follow_up_on == date(2026, 11, 30)
    assert window.save_state.text() == "All changes saved"


def test_a_date_that_is_not_one_is_kept_as_a_draft_with_its_message(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    window.new_contact()
    agreed = window.workspace.contacts.conversation.agreed
    agreed.add_button.click()
    (row,) = agreed.rows
    _type(qtbot, window, row.what, "Ring the lunch club")
    _type(qtbot, window, row.by_when, "next Tuesday")
    assert row.binder.message("by_when").isVisible()
    assert [d.text for d in example_store.drafts()] == ["next Tuesday"]
    (contact,) = example_store.contacts(person_id)
    assert example_store.agreed_steps(contact.id)[0].by_when is None
    open_person(window, "Peggy")
    open_person(window, "Tomek")
    (row,) = window.workspace.contacts.conversation.agreed.rows
    assert row.by_when.text() == "next Tuesday", "the draft is back in its place"
    assert "not a date we can read" in row.binder.message("by_when").text()


def test_who_suggests_the_person_and_the_worker_and_takes_anyone(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    window.new_contact()
    agreed = window.workspace.contacts.conversation.agreed
    agreed.add_button.click()
    (row,) = agreed.rows
    suggestions = [row.who.itemText(i) for i in range(row.who.count())]
    assert suggestions[:2] == ["Tomek Nowak", "Test Worker"]
    _type(qtbot, window, row.what, "Fix the gate")
    index = row.who.findText("Test Worker")
    row.who.setCurrentIndex(index)
    row.who.activated.emit(index)
    (contact,) = example_store.contacts(person_id)
    assert example_store.agreed_steps(contact.id)[0].who == "Test Worker"
    turn_wheel(row.who, -1)  # not focused: the wheel scrolls the page instead
    assert row.who.currentText() == "Test Worker"


def test_delete_keeps_the_history_and_undo_puts_the_step_back(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    window.new_contact()
    agreed = window.workspace.contacts.conversation.agreed
    agreed.add_button.click()
    _type(qtbot, window, agreed.rows[0].what, "Ring the lunch club")
    (contact,) = example_store.contacts(person_id)
    (step,) = example_store.agreed_steps(contact.id)
    agreed.rows[0].delete.setFocus()
    QTest.keyClick(agreed.rows[0].delete, Qt.Key.Key_Space)
    assert agreed.rows == []
    assert example_store.agreed_steps(contact.id) == []
    assert [c.operation for c in example_store.history([step.id])][-1] == "delete"
    assert agreed.undo_button.isVisible()
    assert "Ring the lunch club" in agreed.undo_note.text()
    agreed.undo_button.click()
    assert [s.what for s in example_store.agreed_steps(contact.id)] == ["Ring the lunch club"]
    assert [r.what.text() for r in agreed.rows] == ["Ring the lunch club"]
    assert not agreed.undo_button.isVisible()


def test_tab_goes_row_by_row_then_to_add_step_and_the_follow_up(qtbot, window):
    open_person(window, "Tomek")
    window.new_contact()
    agreed = window.workspace.contacts.conversation.agreed
    agreed.add_button.click()
    (row,) = agreed.rows
    visited = [QApplication.focusWidget()]
    for _ in range(5):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [
        row.what,
        row.who,
        row.by_when,
        row.delete,
        agreed.add_button,
        agreed.follow_up,
    ]
    for control in (row.what, row.who, row.by_when, row.delete, agreed.follow_up):
        assert control.accessibleName()
    prompts = window.workspace.contacts.conversation.prompts
    assert "When shall we talk again" in prompts.topic.text(), "questions for ending"


def test_the_follow_up_we_agreed_is_on_the_due_list_and_opens_the_contact(qtbot, store):
    peggy = store.add_person(Person("Peggy", "Frightened of the stairs", family_name="Okafor"))
    older = store.add_contact(Contact(peggy.id, date(2026, 11, 2)))
    store.add_contact(Contact(peggy.id, date(2026, 11, 16)))
    window = MainWindow(store, "Test Worker", Runner(), today=lambda: TODAY)
    qtbot.addWidget(window, before_close_func=MainWindow.close_now)
    window.show()
    qtbot.waitUntil(lambda: window.left.tabText(1) == "Due (0)")
    open_person(window, "Peggy")
    follow_up = window.workspace.contacts.conversation.agreed.follow_up
    follow_up.setFocus()
    QTest.keyClicks(follow_up, "25/11/2026")
    with qtbot.waitSignal(window.due.refreshed, timeout=10000):
        QTest.keyClick(follow_up, Qt.Key.Key_Return)
    assert window.due.entries.lines() == [
        "Peggy Okafor: follow-up we agreed on 25 Nov 2026\nDue 25 Nov 2026"
    ]
    assert window.left.tabText(1) == "Due (1)"

    window.workspace.contacts.timeline.setCurrentRow(1)  # the older contact
    window.left.show_list(window.due)
    choose_row(window.due.list, 0)
    QTest.keyClick(window.due.list, Qt.Key.Key_Return)
    contacts = window.workspace.contacts
    assert window.workspace.tabs.currentWidget() is contacts
    assert contacts.timeline.currentRow() == 0
    assert contacts.conversation.agreed.follow_up.text() == "25/11/2026"
    assert older.id != store.contacts(peggy.id)[0].id
