"""Contacts as a timeline and page two, the conversation, with its prompts and own words."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from assessor.prompts import SWINDON_QUESTIONS
from assessor.record import ConversationKind, Followed, Place
from assessor.validation import format_date
from tests.ui.clock import TODAY
from tests.ui.helpers import open_person


def choose(combo, value) -> None:
    """Pick an item the way a worker does, so the app sees it as the worker's choice."""
    index = combo.findData(value)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_timeline_is_newest_first(window, example_store):
    person_id = open_person(window, "Peggy")
    timeline = window.workspace.contacts.timeline
    shown = [timeline.item(row).text() for row in range(timeline.count())]
    newest_first = sorted(example_store.contacts(person_id), key=lambda c: c.on, reverse=True)
    assert len(shown) == len(newest_first) == 2
    assert newest_first[0].on > newest_first[1].on, "the example's contacts are on two days"
    for text, contact in zip(shown, newest_first, strict=True):
        assert text.startswith(format_date(contact.on)), (text, contact.on)
    assert timeline.currentRow() == 0, "the newest contact is open"


def test_new_contact_by_shortcut_starts_today_with_this_worker(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    QTest.keySequence(window, "Ctrl+Shift+N")
    tab = window.workspace.contacts
    choose(tab.details.place, Place.HOME_VISIT)
    contacts = example_store.contacts(person_id)
    assert len(contacts) == 1
    assert contacts[0].on == TODAY
    assert contacts[0].worker == "Test Worker"
    assert window.workspace.tabs.currentWidget() is tab
    assert tab.timeline.item(0).text().startswith(format_date(TODAY))
    assert tab.details.isVisible() and tab.conversation.isVisible()


def test_contact_details_autosave_and_update_the_timeline(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    window.new_contact()
    details = window.workspace.contacts.details
    choose(details.place, Place.TALKING_POINT)
    choose(details.kind, ConversationKind.AT_RISK)
    details.followed.boxes[Followed.SIGNPOSTED].click()
    details.on.selectAll()
    qtbot.keyClicks(details.on, "1/1/2026")
    qtbot.keyClick(details.on, Qt.Key.Key_Return)
    (contact,) = example_store.contacts(person_id)
    assert contact.place is Place.TALKING_POINT
    assert contact.kind is ConversationKind.AT_RISK
    assert contact.followed == frozenset({Followed.SIGNPOSTED})
    assert contact.on == date(2026, 1, 1)
    line = window.workspace.contacts.timeline.item(0).text()
    assert line.startswith("1 Jan 2026") and "Talking Point" in line and "At risk" in line


def test_at_risk_shows_the_emergency_plan_and_its_questions(qtbot, window):
    open_person(window, "Tomek")
    window.new_contact()
    tab = window.workspace.contacts
    assert not tab.conversation.fields["emergency_plan"].isVisibleTo(tab)
    choose(tab.details.kind, ConversationKind.AT_RISK)
    assert tab.conversation.fields["emergency_plan"].isVisibleTo(tab)
    assert tab.conversation.fields["safety_change"].isVisibleTo(tab)
    assert not tab.conversation.fields["good_life"].isVisibleTo(tab)
    prompts = tab.conversation.prompts.conversation.text()
    assert "What needs to change to make you safe and regain control?" in prompts
    for question in SWINDON_QUESTIONS:
        assert question in prompts


def test_prompts_are_never_required(qtbot, window, example_store):
    """An empty page two is a valid page two: nothing demands an answer."""
    person_id = open_person(window, "Tomek")
    window.new_contact()
    window.autosaver.flush()
    assert window.save_state.text() == "All changes saved"
    choose(window.workspace.contacts.details.place, Place.PHONE)
    (contact,) = example_store.contacts(person_id)
    assert example_store.conversation(contact.id).entries == {}


def test_own_words_are_kept_exactly_and_shown_as_a_quotation(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    window.new_contact()
    topic = window.workspace.contacts.conversation.fields["what_matters"]
    said = "  My allotment.  And my grandson,   Kacper. "
    topic.text.setFocus()
    with qtbot.waitSignal(window.autosaver.saved, timeout=2000):
        qtbot.keyClicks(topic.text, said)
    topic.own_words.click()
    assert topic.quote_note.isVisibleTo(topic)
    assert topic.text.property("ownWords") is True
    (contact,) = example_store.contacts(person_id)
    entry = example_store.conversation(contact.id).entries["what_matters"]
    assert entry.text == said
    assert entry.own_words is True


def test_switching_contacts_saves_the_one_being_typed_in(qtbot, window, example_store):
    person_id = open_person(window, "Peggy")
    tab = window.workspace.contacts
    older = example_store.contacts(person_id)[1]
    routines = tab.conversation.fields["routines"].text
    routines.setFocus()
    routines.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(routines, " Bingo on Fridays.")
    tab.timeline.setCurrentRow(1)
    newest = example_store.contacts(person_id)[0]
    assert example_store.conversation(newest.id).text("routines").endswith("Bingo on Fridays.")
    assert "Bingo" not in example_store.conversation(older.id).text("routines")
    assert tab.conversation.fields["what_matters"].text.toPlainText() == (
        "Getting back to chapel on a Sunday."
    )
