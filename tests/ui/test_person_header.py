"""The top of a person's record: their alerts above every tab, and the conversation going on
now, each in words with a warning sign, never by colour alone."""

from __future__ import annotations

from PySide6.QtCore import Qt

from assessor.record import ConversationKind, Person
from tests.ui.helpers import open_person


def every_tab(workspace):
    tabs = workspace.tabs
    for index in range(tabs.count()):
        if tabs.isTabVisible(index):
            tabs.setCurrentIndex(index)
            yield tabs.tabText(index)


def test_alerts_show_above_every_tab_of_that_person(qtbot, window, example_store):
    person_id = open_person(window, "Des")
    example_store.update_person(
        person_id, {"alerts": "Do not visit alone\n\nDog in the house: ask for it to be shut away"}
    )
    open_person(window, "Peggy")
    open_person(window, "Des")
    banner = window.workspace.alerts
    for tab in every_tab(window.workspace):
        assert banner.isVisible(), f"no alert on {tab}"
        assert banner.word.text() == "Alert"
        assert banner.text.text() == (
            "Do not visit alone · Dog in the house: ask for it to be shut away"
        )
    assert banner.accessibleName() == (
        "Alert: Do not visit alone; Dog in the house: ask for it to be shut away"
    )
    open_person(window, "Peggy")
    for tab in every_tab(window.workspace):
        assert not banner.isVisible(), f"Des's alert shown for Peggy on {tab}"


def test_an_alert_typed_on_page_one_shows_at_once(qtbot, window, example_store):
    open_person(window, "Tomek")
    page = window.workspace.page_one
    banner = window.workspace.alerts
    assert not banner.isVisible()
    page.alerts.setFocus()
    qtbot.keyClicks(page.alerts, "Key safe code held by his sister")
    qtbot.keyClick(page.alerts, Qt.Key.Key_Tab)
    assert banner.isVisible()
    assert banner.text.text() == "Key safe code held by his sister"
    page.alerts.clear()
    window.autosaver.flush()
    assert not banner.isVisible()


def test_the_header_shows_an_at_risk_conversation_in_words_and_a_sign(qtbot, window):
    open_person(window, "Des")
    badge = window.workspace.conversation_kind
    assert badge.isVisible()
    assert badge.text.text() == "Current conversation: At risk"
    assert badge.icon.isVisible(), "a warning sign, not colour alone"
    assert badge.accessibleName() == "Current conversation: At risk"
    open_person(window, "Peggy")
    assert badge.text.text().startswith("Current conversation: ")
    assert "At risk" not in badge.text.text()
    assert not badge.icon.isVisible()


def test_choosing_at_risk_for_the_newest_contact_shows_in_the_header(qtbot, window):
    open_person(window, "Peggy")
    workspace = window.workspace
    workspace.tabs.setCurrentWidget(workspace.contacts)
    kind = workspace.contacts.details.kind
    kind.setFocus()
    index = kind.findData(ConversationKind.AT_RISK)
    kind.setCurrentIndex(index)
    kind.activated.emit(index)
    window.autosaver.flush()
    assert workspace.conversation_kind.text.text() == "Current conversation: At risk"
    assert workspace.conversation_kind.icon.isVisible()


def test_no_kind_is_shown_for_someone_with_no_conversation_yet(qtbot, make_window, store):
    store.add_person(Person(preferred_name="Reg", presenting_problem="A fall"))
    window = make_window(store)
    open_person(window, "Reg")
    assert not window.workspace.conversation_kind.isVisible()
    assert not window.workspace.alerts.isVisible()


def test_the_header_names_easy_read_as_the_print_window_does(qtbot, window):
    """Easy Read is the format's name, written as the print window and the plan write it."""
    open_person(window, "Des")
    assert "Information: Easy Read" in window.workspace.summary.text()
