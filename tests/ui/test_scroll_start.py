"""A person, a contact or a new contact opens at its start, or at the field with the cursor;
where the worker had scrolled to in one person's record never carries over to another's."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from tests.ui.helpers import open_person


def scrolled_to_the_end(qtbot, area: QScrollArea) -> None:
    bar = area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())


def in_view(area: QScrollArea, widget: QWidget) -> bool:
    """From its top to its bottom, the widget is within the part of the page in view."""
    top = widget.mapTo(area.viewport(), QPoint(0, 0)).y()
    return top >= 0 and top + widget.height() <= area.viewport().height()


def test_the_next_person_opens_at_the_top_of_page_one(qtbot, window):
    window.resize(900, 600)
    open_person(window, "Peggy")
    page = window.workspace.page_one
    scrolled_to_the_end(qtbot, page)
    open_person(window, "Des")
    assert page.verticalScrollBar().value() == 0
    assert in_view(page, page.presenting_problem), "why they came, page one's first field"


def test_another_contact_and_a_new_contact_open_at_their_start(qtbot, window):
    window.resize(900, 600)
    open_person(window, "Peggy")
    workspace = window.workspace
    workspace.tabs.setCurrentWidget(workspace.contacts)
    contacts = workspace.contacts
    scrolled_to_the_end(qtbot, contacts.scroll)
    window.new_contact()
    assert contacts.scroll.verticalScrollBar().value() == 0
    qtbot.waitUntil(lambda: QApplication.focusWidget() is contacts.details.place)
    assert in_view(contacts.scroll, contacts.details.place)

    scrolled_to_the_end(qtbot, contacts.scroll)
    contacts.timeline.setCurrentRow(1)
    assert contacts.scroll.verticalScrollBar().value() == 0

    scrolled_to_the_end(qtbot, contacts.scroll)
    open_person(window, "Des")
    assert contacts.scroll.verticalScrollBar().value() == 0


def test_going_back_to_a_draft_low_on_page_one_shows_the_field(qtbot, window):
    window.resize(900, 600)
    tomek = open_person(window, "Tomek")
    page = window.workspace.page_one
    page.consent_date.setFocus()
    page.consent_date.selectAll()
    qtbot.keyClicks(page.consent_date, "31/02/2026")
    window.autosaver.flush()
    open_person(window, "Peggy")
    window.unsaved.go_back.click()
    assert window.workspace.person_id == tomek
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.consent_date)
    qtbot.waitUntil(lambda: in_view(page, page.consent_date))
