"""Page one autosaves as the worker types, checks what it must, and keeps everything typed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from assessor.record import InformationFormat
from tests.ui.helpers import open_person


def test_typing_is_saved_after_a_pause_without_a_save_button(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    page = window.workspace.page_one
    page.phone.setFocus()
    with qtbot.waitSignal(window.autosaver.saved, timeout=2000):
        qtbot.keyClicks(page.phone, "0113 496 0999")
        assert window.save_state.text() == "Saving…"
    assert example_store.person(person_id).phone == "0113 496 0999"
    assert window.save_state.text() == "All changes saved"


def test_leaving_a_field_saves_at_once(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    page = window.workspace.page_one
    page.communication_needs.setFocus()
    qtbot.keyClicks(page.communication_needs, "Speaks slowly after the stroke; give him time.")
    qtbot.keyClick(page.communication_needs, Qt.Key.Key_Tab)
    assert window.autosaver.state() == "All changes saved"
    assert example_store.person(person_id).communication_needs.startswith("Speaks slowly")


def test_closing_the_window_writes_what_is_pending(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    page = window.workspace.page_one
    page.other_names.setFocus()
    qtbot.keyClicks(page.other_names, "Tommy")
    assert window.autosaver.state() == "Saving…"
    window.close()
    assert example_store.person(person_id).other_names == "Tommy"


def test_a_wrong_nhs_number_gets_a_message_and_the_rest_is_kept(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    page = window.workspace.page_one
    page.nhs_number.setFocus()
    qtbot.keyClicks(page.nhs_number, "999 000 1007")
    page.other_names.setFocus()
    qtbot.keyClicks(page.other_names, "Tom")
    window.autosaver.flush()
    nhs_message = page.binder.message("nhs_number")
    assert nhs_message.isVisible()
    assert "not a valid NHS number" in nhs_message.text()
    assert page.nhs_number.text() == "999 000 1007", "what was typed stays on screen"
    stored = example_store.person(person_id)
    assert stored.nhs_number == ""
    assert stored.other_names == "Tom"
    assert "Not saved: NHS number (Tomek" in window.save_state.text()
    assert "page one" in window.save_state.text()


def test_fixing_the_number_clears_the_message_and_saves_it(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    page = window.workspace.page_one
    page.nhs_number.setFocus()
    qtbot.keyClicks(page.nhs_number, "999 000 1007")
    window.autosaver.flush()
    page.nhs_number.clear()
    qtbot.keyClicks(page.nhs_number, "999 000 1006")
    window.autosaver.flush()
    assert example_store.person(person_id).nhs_number == "9990001006"
    assert not page.binder.message("nhs_number").isVisible()
    assert window.save_state.text() == "All changes saved"


def test_an_impossible_date_of_birth_says_why(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    page = window.workspace.page_one
    page.date_of_birth.selectAll()
    qtbot.keyClicks(page.date_of_birth, "31/02/1950")
    window.autosaver.flush()
    message = page.binder.message("date_of_birth")
    assert "February 1950 has 28 days" in message.text()
    assert page.date_of_birth.accessibleDescription(), "a screen reader hears the message too"
    assert str(example_store.person(person_id).date_of_birth) == "1972-09-08"


def test_a_postcode_that_is_not_one(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    page = window.workspace.page_one
    page.postcode.selectAll()
    qtbot.keyClicks(page.postcode, "LS12")
    window.autosaver.flush()
    assert "not a UK postcode" in page.binder.message("postcode").text()
    assert example_store.person(person_id).postcode == "LS12 3AB"


def test_the_name_cannot_be_emptied(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    page = window.workspace.page_one
    page.preferred_name.selectAll()
    qtbot.keyClick(page.preferred_name, Qt.Key.Key_Delete)
    window.autosaver.flush()
    assert example_store.person(person_id).preferred_name == "Tomek"
    assert "A name is needed" in page.binder.message("preferred_name").text()


def test_a_choice_is_saved_as_soon_as_it_is_made(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    combo = window.workspace.page_one.information_format
    combo.setFocus()
    index = combo.findData(InformationFormat.LARGE_PRINT)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert example_store.person(person_id).information_format is InformationFormat.LARGE_PRINT
    assert "Large print" in window.workspace.summary.text()


def test_renaming_updates_the_caseload_and_search(qtbot, window, example_store):
    open_person(window, "Tomek")
    page = window.workspace.page_one
    page.family_name.selectAll()
    qtbot.keyClicks(page.family_name, "Nowakowski")
    window.autosaver.flush()
    qtbot.keyClicks(window.caseload.search, "nowakowski")
    assert [p.preferred_name for p in window.caseload.model._people] == ["Tomek"]
    assert window.workspace.name.text() == "Tomek Nowakowski"


def test_own_words_of_the_presenting_problem_are_kept_exactly(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    page = window.workspace.page_one
    page.presenting_problem.clear()
    said = "  I can't do the stairs,   not since March.  "
    qtbot.keyClicks(page.presenting_problem, said)
    window.autosaver.flush()
    assert example_store.person(person_id).presenting_problem == said
    assert "“" in window.workspace.quote.text()
