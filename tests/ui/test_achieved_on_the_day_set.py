"""A single review on the day a goal is set marks it achieved only once the worker confirms
it; otherwise it is stored as in progress. Other reviews are stored at once, as before."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from assessor.goals import Goal, GoalStatus, status
from assessor.record import Person
from tests.ui.clock import MOMENT, TODAY
from ui.goals.achieved_question import NO, YES
from ui.goals.tab import GoalsTab
from ui.kit.autosave import Autosaver


@pytest.fixture
def peggy(store):
    return store.add_person(Person("Peggy", "Frightened of the stairs", family_name="Ashby"))


def _tab_with_goal(qtbot, store, runner, peggy, set_on: date):
    goal = store.add_goal(Goal(peggy.id, "Get upstairs to bed", set_on, baseline=-2))
    tab = GoalsTab(store, runner, Autosaver(lambda: MOMENT), "Test Worker", lambda: TODAY)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    tab.show_person(peggy.id)
    tab.list.setFocus()
    qtbot.waitUntil(tab.list.hasFocus)
    return goal, tab


def _rate_as_expected(qtbot, tab) -> None:
    qtbot.keyClick(tab.list, Qt.Key.Key_3)  # 0, as expected: achieved
    qtbot.keyClick(tab.list, Qt.Key.Key_Return)


def _answer(qtbot, tab, text: str) -> None:
    qtbot.waitUntil(lambda: tab.question is not None and tab.question.isVisible())
    question = tab.question
    assert question.text() == "Has Peggy really achieved this goal already?"
    (button,) = [b for b in question.buttons() if b.text() == text]
    with qtbot.waitSignal(question.finished):
        button.click()


def test_no_stores_it_as_in_progress(qtbot, store, runner, peggy):
    goal, tab = _tab_with_goal(qtbot, store, runner, peggy, TODAY)
    _rate_as_expected(qtbot, tab)
    assert store.reviews([goal.id])[goal.id] == [], "nothing stored until the worker answers"
    _answer(qtbot, tab, NO)
    (review,) = store.reviews([goal.id])[goal.id]
    assert review.rating == -1
    assert status(goal, [review]) is GoalStatus.IMPROVING
    assert "Achieved" not in tab.row_text(0)


def test_yes_stores_it_as_achieved(qtbot, store, runner, peggy):
    goal, tab = _tab_with_goal(qtbot, store, runner, peggy, TODAY)
    _rate_as_expected(qtbot, tab)
    _answer(qtbot, tab, YES)
    (review,) = store.reviews([goal.id])[goal.id]
    assert review.rating == 0
    assert "Achieved" in tab.row_text(0)


def test_escape_stores_nothing_and_keeps_the_rating(qtbot, store, runner, peggy):
    goal, tab = _tab_with_goal(qtbot, store, runner, peggy, TODAY)
    _rate_as_expected(qtbot, tab)
    qtbot.waitUntil(lambda: tab.question is not None and tab.question.isVisible())
    assert tab.question.defaultButton().text() == NO
    with qtbot.waitSignal(tab.question.finished):
        qtbot.keyClick(tab.question, Qt.Key.Key_Escape)
    assert store.reviews([goal.id])[goal.id] == []
    assert tab.rating == 0


def test_a_later_review_is_stored_at_once(qtbot, store, runner, peggy):
    goal, tab = _tab_with_goal(qtbot, store, runner, peggy, TODAY - timedelta(days=14))
    _rate_as_expected(qtbot, tab)
    assert tab.question is None
    (review,) = store.reviews([goal.id])[goal.id]
    assert review.rating == 0
