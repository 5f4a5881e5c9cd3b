"""Text that fails its check is kept as a draft: through kills, restarts and other people."""

from __future__ import annotations

import signal

import pytest
from PySide6.QtWidgets import QApplication

from db.store import Store
from tests.ui import typing_child
from tests.ui.helpers import open_person
from tests.ui.kill_harness import start_typing, wait_for_line


def type_wrong_nhs_number(qtbot, window) -> str:
    person_id = open_person(window, "Tomek")
    page = window.workspace.page_one
    page.nhs_number.setFocus()
    qtbot.keyClicks(page.nhs_number, "999 000 1007")
    window.autosaver.flush()
    return person_id


@pytest.mark.slow
@pytest.mark.parametrize("signal_number", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP])
def test_a_wrong_nhs_number_survives_the_app_ending_and_comes_back_with_its_message(
    qtbot, make_window, tmp_path, signal_number
):
    child, person_id = start_typing(tmp_path, "wrong-nhs-number")
    wait_for_line(child, "TYPED")
    child.send_signal(signal_number)
    child.communicate(timeout=30)
    store = Store.open(tmp_path, "Test Worker")
    try:
        (draft,) = store.drafts()
        assert (draft.field, draft.text) == ("nhs_number", typing_child.WRONG_NHS_NUMBER)
        assert store.person(person_id).nhs_number == ""
        window = make_window(store)
        assert "Not saved: NHS number (Reg, page one)" in window.save_state.text()
        window.open_person(person_id)
        page = window.workspace.page_one
        assert page.nhs_number.text() == typing_child.WRONG_NHS_NUMBER
        assert "not a valid NHS number" in page.binder.message("nhs_number").text()
        page.nhs_number.clear()
        qtbot.keyClicks(page.nhs_number, "999 000 1006")
        window.autosaver.flush()
        assert store.person(person_id).nhs_number == "9990001006"
        assert store.drafts() == []
        assert window.save_state.text() == "All changes saved"
    finally:
        store.close()


def test_choosing_another_person_asks_and_going_back_puts_the_cursor_in_the_field(
    qtbot, window, example_store
):
    tomek = type_wrong_nhs_number(qtbot, window)
    open_person(window, "Peggy")
    question = window.unsaved
    assert question.isVisible()
    assert "NHS number" in question.text()
    assert "kept as a draft" in question.text()
    question.go_back.click()
    assert window.workspace.person_id == tomek
    assert window.caseload.model.person_at(window.caseload.list.currentIndex().row()).id == tomek
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.workspace.page_one.nhs_number)


def test_leaving_a_draft_opens_the_other_person_and_the_draft_waits_for_the_return(
    qtbot, window, example_store
):
    tomek = type_wrong_nhs_number(qtbot, window)
    example_store.update_person(tomek, {"nhs_number": "9990001006"})  # an older, good number
    peggy = open_person(window, "Peggy")
    window.unsaved.carry_on.click()
    assert window.workspace.person_id == peggy
    assert "Not saved: NHS number (Tomek" in window.save_state.text()
    open_person(window, "Tomek")
    page = window.workspace.page_one
    assert page.nhs_number.text() == "999 000 1007", "the draft, not the old number"
    assert page.binder.message("nhs_number").isVisible()


def test_closing_with_a_draft_asks_and_keeps_it(qtbot, window, example_store):
    type_wrong_nhs_number(qtbot, window)
    window.close()
    assert window.isVisible()
    assert window.unsaved.isVisible()
    assert "kept as a draft" in window.unsaved.text()
    window.unsaved.carry_on.click()
    assert not window.isVisible()
    (draft,) = example_store.drafts()
    assert draft.text == "999 000 1007"


def test_a_date_with_a_typo_is_a_draft_too(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    page = window.workspace.page_one
    page.date_of_birth.setFocus()
    qtbot.keyClicks(page.date_of_birth, "31/02/1950")
    window.autosaver.flush()
    (draft,) = example_store.drafts()
    assert (draft.person_id, draft.field, draft.label) == (
        person_id,
        "date_of_birth",
        "Date of birth",
    )
    assert draft.message == page.binder.message("date_of_birth").text()


def test_a_phone_number_may_carry_a_note(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    page = window.workspace.page_one
    page.phone.clear()
    qtbot.keyClicks(page.phone, "07700 900123 after 2pm, ask for Jo")
    window.autosaver.flush()
    assert example_store.person(person_id).phone == "07700 900123 after 2pm, ask for Jo"
    assert example_store.drafts() == []
