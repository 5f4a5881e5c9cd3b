"""Finding people as you type, the first start, and adding a person without making a duplicate."""

from __future__ import annotations

from datetime import date

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from assessor.example import nhs_number_in_test_range
from ui.record.new_person import NewPersonDialog


def shown(window) -> list[str]:
    model = window.caseload.model
    return [model.person_at(row).preferred_name for row in range(model.rowCount())]


def test_search_as_you_type_by_name_forgiving_a_typo(qtbot, window):
    qtbot.keyClicks(window.caseload.search, "okafr")
    assert shown(window) == ["Peggy"]
    window.caseload.search.clear()
    qtbot.keyClicks(window.caseload.search, "Margaret")
    assert shown(window) == ["Peggy"], "finds her by a name she does not go by"


def test_search_by_nhs_number_with_or_without_spaces(qtbot, window):
    peggy_nhs = nhs_number_in_test_range(100)
    qtbot.keyClicks(window.caseload.search, f"{peggy_nhs[:3]} {peggy_nhs[3:6]} {peggy_nhs[6:]}")
    assert shown(window) == ["Peggy"]
    window.caseload.search.clear()
    qtbot.keyClicks(window.caseload.search, peggy_nhs)
    assert shown(window) == ["Peggy"]


def test_search_by_postcode(qtbot, window):
    qtbot.keyClicks(window.caseload.search, "ls69zx")
    assert sorted(shown(window)) == ["Eileen", "Peggy"]
    assert window.caseload.count.text() == "2 people match"


def test_no_match_says_what_to_do(qtbot, window):
    qtbot.keyClicks(window.caseload.search, "Zebedee")
    assert shown(window) == []
    assert "No one matches" in window.caseload.count.text()


def test_ctrl_f_then_enter_opens_the_first_match(qtbot, window):
    QTest.keySequence(window, "Ctrl+F")
    assert QApplication.focusWidget() is window.caseload.search
    qtbot.keyClicks(window.caseload.search, "win")
    QTest.keyClick(window.caseload.search, "\r")
    assert window.pages.currentWidget() is window.workspace
    assert window.workspace.name.text() == "Win Ashby"


def test_first_start_offers_the_example_caseload(qtbot, make_window, store):
    window = make_window(store)
    assert window.pages.currentWidget() is window.welcome
    assert window.caseload.count.text() == "0 people on the caseload"
    window.welcome.example_button.click()
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == 7, timeout=5000)
    assert window.pages.currentWidget() is window.choose
    window.load_example_caseload()
    qtbot.waitUntil(lambda: window.example_action.isEnabled(), timeout=5000)
    assert len(store.findable_people()) == 7, "loading it twice adds nothing"


def new_person_dialog(qtbot, window) -> NewPersonDialog:
    QTest.keySequence(window, "Ctrl+N")
    dialog = window.findChild(NewPersonDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_adding_a_person_needs_only_a_name_and_what_they_asked(qtbot, make_window, store):
    window = make_window(store)
    dialog = new_person_dialog(qtbot, window)
    dialog.add_button.click()
    assert dialog.isVisible(), "nothing is added without a name"
    assert "A name is needed" in dialog.name_error.text()
    assert "What they asked for is needed" in dialog.problem_error.text()
    qtbot.keyClicks(dialog.preferred_name, "Rosa")
    qtbot.keyClicks(dialog.presenting_problem, "I need help with my shopping.")
    dialog.add_button.click()
    assert not dialog.isVisible()
    (person,) = store.findable_people()
    assert person.preferred_name == "Rosa"
    assert window.workspace.name.text() == "Rosa"
    assert window.pages.currentWidget() is window.workspace


def test_bad_input_in_the_new_person_dialog_keeps_everything_typed(qtbot, make_window, store):
    window = make_window(store)
    dialog = new_person_dialog(qtbot, window)
    qtbot.keyClicks(dialog.preferred_name, "Rosa")
    qtbot.keyClicks(dialog.date_of_birth, "30/02/1960")
    qtbot.keyClicks(dialog.nhs_number, "123")
    qtbot.keyClicks(dialog.presenting_problem, "Help with shopping")
    dialog.add_button.click()
    assert dialog.isVisible()
    assert "February 1960 has 29 days" in dialog.dob_error.text()
    assert "10 digits" in dialog.nhs_error.text()
    assert dialog.preferred_name.text() == "Rosa"
    assert dialog.presenting_problem.toPlainText() == "Help with shopping"
    assert store.findable_people() == []


def test_someone_already_recorded_is_shown_before_adding(qtbot, window, example_store):
    dialog = new_person_dialog(qtbot, window)
    assert not dialog.duplicates.isVisible()
    qtbot.keyClicks(dialog.preferred_name, "Margaret")
    qtbot.keyClicks(dialog.family_name, "Okafor")
    qtbot.keyClicks(dialog.date_of_birth, "14/03/1941")
    assert dialog.duplicates.isVisible()
    assert "Okafor, Peggy" in dialog.duplicates.item(0).text()
    assert dialog.add_button.text() == "Add as a new person"
    dialog.open_button.click()
    assert not dialog.isVisible()
    assert window.workspace.name.text() == "Peggy Okafor"
    assert len(example_store.findable_people()) == 7


def test_same_nhs_number_is_shown_as_a_possible_duplicate(qtbot, window):
    dialog = new_person_dialog(qtbot, window)
    qtbot.keyClicks(dialog.preferred_name, "Des")
    qtbot.keyClicks(dialog.nhs_number, nhs_number_in_test_range(200))
    assert "Hartley, Des" in dialog.duplicates.item(0).text()


def test_same_name_but_another_birthday_is_not_a_duplicate(qtbot, window):
    dialog = new_person_dialog(qtbot, window)
    qtbot.keyClicks(dialog.preferred_name, "Peggy")
    qtbot.keyClicks(dialog.family_name, "Okafor")
    qtbot.keyClicks(dialog.date_of_birth, date(1990, 1, 1).strftime("%d/%m/%Y"))
    assert not dialog.duplicates.isVisible()
