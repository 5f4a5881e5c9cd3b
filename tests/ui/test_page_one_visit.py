"""Page one leads with why they came to us, and holds what a visitor must know: alerts, GP
practice, whether they live alone, who holds power of attorney, and how their format was
arranged; each autosaves and is there when the person is opened again."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.helpers import open_person
from tests.ui.test_wheel import turn_wheel


def top_of(widget: QWidget, page: QWidget) -> int:
    return widget.mapTo(page, widget.rect().topLeft()).y()


def type_into(qtbot, field: QWidget, text: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # leaving a field saves it at once


def reopen(window, leave_for: str, name: str) -> None:
    open_person(window, leave_for)
    open_person(window, name)


def test_why_they_came_is_first_on_the_page_and_by_the_tab_key(qtbot, window):
    open_person(window, "Tomek")
    page = window.workspace.page_one
    body = page.widget()
    first = top_of(page.presenting_problem, body)
    for other in (page.preferred_name, page.alerts, page.information_format, page.consent_how):
        assert first < top_of(other, body)
    page.presenting_problem.setFocus()
    visited = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [
        page.route,
        page.route_detail,
        page.alerts,
        page.lives_alone,
        page.preferred_name,
    ]


def test_each_new_field_autosaves_and_is_there_when_opened_again(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    page = window.workspace.page_one
    type_into(qtbot, page.alerts, "Do not visit alone")
    type_into(qtbot, page.gp_practice, "Fernley Health Centre")
    type_into(qtbot, page.attorney, "His sister Ania, health and welfare")
    page.lives_alone.setFocus()
    qtbot.keyClick(page.lives_alone, Qt.Key.Key_Down)  # Not known, then Yes
    qtbot.waitUntil(lambda: example_store.person(person_id).lives_alone is True)

    stored = example_store.person(person_id)
    assert stored.alerts == "Do not visit alone"
    assert stored.gp_practice == "Fernley Health Centre"
    assert stored.attorney == "His sister Ania, health and welfare"
    assert window.save_state.text() == "All changes saved"

    reopen(window, "Peggy", "Tomek")
    assert page.alerts.toPlainText() == "Do not visit alone"
    assert page.gp_practice.text() == "Fernley Health Centre"
    assert page.attorney.text() == "His sister Ania, health and welfare"
    assert page.lives_alone.currentText() == "Yes"


def test_living_alone_is_not_known_until_asked_and_ignores_the_wheel(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    combo = window.workspace.page_one.lives_alone
    assert [combo.itemText(i) for i in range(combo.count())] == ["Not known", "Yes", "No"]
    window.caseload.search.setFocus()
    turn_wheel(combo, -2)
    assert combo.currentText() == "Not known"
    assert example_store.person(person_id).lives_alone is None


def test_the_arranged_format_is_edited_beside_the_format_and_saved(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    page = window.workspace.page_one
    body = page.widget()
    below_format = top_of(page.format_arranged, body) - top_of(page.information_format, body)
    assert 0 < below_format < top_of(page.communication_needs, body)
    said = "Interpreter (Polish) booked through the council's service"
    type_into(qtbot, page.format_arranged, said)
    type_into(qtbot, page.format_arranged_on, "1/12/2026")
    stored = example_store.person(person_id)
    assert stored.format_arranged == said
    assert stored.format_arranged_on == date(2026, 12, 1)

    reopen(window, "Peggy", "Tomek")
    assert page.format_arranged.text() == said
    assert page.format_arranged_on.text() == "01/12/2026"


def test_a_date_arranged_that_is_not_a_date_is_kept_with_a_message(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    page = window.workspace.page_one
    type_into(qtbot, page.format_arranged_on, "31/11/2026")
    assert "November 2026 has 30 days" in page.binder.message("format_arranged_on").text()
    assert page.format_arranged_on.text() == "31/11/2026"
    assert example_store.person(person_id).format_arranged_on is None
    reopen(window, "Peggy", "Tomek")
    assert page.format_arranged_on.text() == "31/11/2026", "kept as a draft"


def test_a_gp_practice_longer_than_its_limit_is_refused_and_kept(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    page = window.workspace.page_one
    page.gp_practice.setFocus()
    page.gp_practice.insert("Surgery " * 30)  # as a paste
    page.gp_practice.textEdited.emit(page.gp_practice.text())
    window.autosaver.flush()
    assert "at most 200 characters" in page.binder.message("gp_practice").text()
    assert example_store.person(person_id).gp_practice == ""
