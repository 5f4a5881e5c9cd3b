"""Ctrl+Shift+N begins a contact that is stored only once something is typed or chosen in it;
left untouched, it leaves nothing behind. The first keystroke is never lost."""

from __future__ import annotations

from PySide6.QtTest import QTest

from assessor.record import Place
from tests.ui.helpers import open_person
from tests.ui.test_contacts import choose


def test_an_untouched_new_contact_leaves_nothing_behind(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    QTest.keySequence(window, "Ctrl+Shift+N")
    tab = window.workspace.contacts
    assert tab.timeline.count() == 1
    assert "kept once you type" in tab.timeline.item(0).text()
    assert not tab.mark_button.isEnabled(), "nothing stored yet, so nothing to mark"
    assert tab.details.isVisible() and tab.conversation.isVisible()
    window.autosaver.flush()
    assert example_store.contacts(person_id) == []
    open_person(window, "Peggy")
    open_person(window, "Tomek")
    assert example_store.contacts(person_id) == []
    assert tab.timeline.count() == 0


def test_the_first_keystroke_on_page_two_stores_the_contact_and_itself(
    qtbot, window, example_store
):
    person_id = open_person(window, "Tomek")
    QTest.keySequence(window, "Ctrl+Shift+N")
    tab = window.workspace.contacts
    topic = tab.conversation.fields["what_matters"]
    topic.text.setFocus()
    with qtbot.waitSignal(window.autosaver.saved, timeout=3000):
        QTest.keyClicks(topic.text, "M")
    (contact,) = example_store.contacts(person_id)
    assert contact.worker == "Test Worker"
    assert example_store.conversation(contact.id).entries["what_matters"].text == "M"
    qtbot.waitUntil(lambda: "kept once you type" not in tab.timeline.item(0).text())
    with qtbot.waitSignal(window.autosaver.saved, timeout=3000):
        QTest.keyClicks(topic.text, "y garden")
    assert example_store.conversation(contact.id).entries["what_matters"].text == "My garden"
    assert len(example_store.contacts(person_id)) == 1


def test_choosing_where_stores_the_contact(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    window.new_contact()
    tab = window.workspace.contacts
    choose(tab.details.place, Place.TALKING_POINT)
    (contact,) = example_store.contacts(person_id)
    assert contact.place is Place.TALKING_POINT
    assert "kept once you type" not in tab.timeline.item(0).text()
    choose(tab.details.place, Place.HOME_VISIT)
    (contact,) = example_store.contacts(person_id)
    assert contact.place is Place.HOME_VISIT


def test_moving_to_another_contact_drops_the_untouched_one(qtbot, window, example_store):
    person_id = open_person(window, "Peggy")
    before = len(example_store.contacts(person_id))
    window.new_contact()
    tab = window.workspace.contacts
    assert tab.timeline.count() == before + 1
    tab.timeline.setCurrentRow(1)
    assert tab.timeline.count() == before
    assert len(example_store.contacts(person_id)) == before
