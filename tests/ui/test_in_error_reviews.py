"""Marking a goal review, a weekly review and an outcome entered in error, through the tabs:
the history says "Entered in error" in words, and what was worked out from it is worked out
again without it."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from assessor.goals import Goal, GoalKind, Review, Reviewer
from assessor.record import Person
from assessor.short_term import Episode, EpisodeReview, HelpKind, HelpOutcome
from tests.ui.clock import MOMENT, NOW, TODAY
from tests.ui.test_in_error import _dialog, _mark
from ui.goals.tab import GoalsTab
from ui.kit.autosave import Autosaver
from ui.short_term.tab import ShortTermTab

SET_ON = date(2026, 3, 2)
ASKED = datetime(2026, 3, 2, 9)


@pytest.fixture
def reg(store):
    return store.add_person(Person(preferred_name="Reg", presenting_problem="Help after a fall"))


def _shown(qtbot, widget, reg_id):
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.show_person(reg_id)
    return widget


def _goals(store, runner) -> GoalsTab:
    return GoalsTab(store, runner, Autosaver(lambda: MOMENT), "Test Worker", lambda: TODAY)


def _short_term(store, runner) -> ShortTermTab:
    return ShortTermTab(store, runner, "Test Worker", lambda: TODAY, lambda: NOW)


def test_a_goal_review_is_marked_from_the_history_and_stops_counting(qtbot, store, runner, reg):
    goal = store.add_goal(Goal(reg.id, "Walk to the shop", SET_ON, kind=GoalKind.REABLEMENT))
    store.add_review(Review(goal.id, -1, date(2026, 4, 1)))
    store.add_review(Review(goal.id, 2, date(2026, 4, 2), Reviewer.WORKER, note="Wrong goal"))
    tab = _shown(qtbot, _goals(store, runner), reg.id)
    assert "Achieved" in tab.row_text(0)
    history = tab.history
    assert history.list.count() == 2 and history.list.currentRow() == 0  # newest first
    history.list.setFocus()
    qtbot.waitUntil(history.list.hasFocus)
    QTest.keySequence(history.list, "Ctrl+Shift+E")
    _mark(qtbot, _dialog(qtbot), "Rated the wrong goal")
    assert "Achieved" not in tab.row_text(0)
    assert "No change" in tab.row_text(0)
    newest = history.list.item(0).text()
    assert "Entered in error: Rated the wrong goal" in newest
    assert not history.mark_button.isEnabled(), "a marked review cannot be marked again"
    marked = store.reviews([goal.id])[goal.id][-1]
    assert marked.in_error_reason == "Rated the wrong goal"


def test_a_weekly_review_is_marked_by_its_own_button(qtbot, store, runner, reg):
    episode = store.add_episode(Episode(reg.id, HelpKind.REABLEMENT, ASKED, "Home First"))
    store.add_episode_review(EpisodeReview(episode.id, date(2026, 3, 9), Reviewer.OT))
    tab = _shown(qtbot, _short_term(store, runner), reg.id)
    (button,) = tab.review_rows[0].findChildren(type(tab.review_button))
    assert button.accessibleName() == "Mark the weekly review of 9 Mar 2026 as entered in error"
    button.click()
    _mark(qtbot, _dialog(qtbot), "Typed on the wrong episode")
    (shown,) = [label.text() for label in tab.review_labels]
    assert "Entered in error: Typed on the wrong episode" in shown
    assert tab.review_rows[0].findChildren(type(tab.review_button)) == []


def test_an_outcome_in_error_is_due_again_and_recorded_afresh(qtbot, store, runner, reg):
    episode = store.add_episode(Episode(reg.id, HelpKind.REABLEMENT, ASKED, "Home First"))
    store.update_episode(
        episode.id,
        {
            "first_help_at": ASKED + timedelta(hours=20),
            "outcome_2_weeks": HelpOutcome.DIED,
            "outcome_2_weeks_on": date(2026, 3, 17),
        },
    )
    tab = _shown(qtbot, _short_term(store, runner), reg.id)
    box = tab.outcomes[2]
    assert box.outcome.currentData() == HelpOutcome.DIED
    assert box.mark_button.isEnabled()
    assert not tab.outcomes[6].mark_button.isEnabled(), "nothing recorded at six weeks"
    box.mark_button.click()
    _mark(qtbot, _dialog(qtbot), "Chose the wrong outcome")
    assert box.outcome.currentData() is None, "empty, ready to record afresh"
    assert box.in_error_text.isVisibleTo(tab)
    assert "Entered in error: Chose the wrong outcome" in box.in_error_text.text()
    assert "2-week outcome due" in tab.row_text(0)
    box.outcome.setCurrentIndex(box.outcome.findData(HelpOutcome.NO_FURTHER_HELP))
    box.save_button.click()
    (saved,) = store.episodes(reg.id)
    assert saved.outcome(2)[0] is HelpOutcome.NO_FURTHER_HELP
    assert saved.outcome_2_weeks_in_error == ""
    assert not box.in_error_text.isVisibleTo(tab)


def test_the_dialog_is_named_and_keeps_mark_off_until_a_reason(qtbot, store, runner, reg):
    episode = store.add_episode(Episode(reg.id, HelpKind.REABLEMENT, ASKED, "Home First"))
    store.add_episode_review(EpisodeReview(episode.id, date(2026, 3, 9), Reviewer.OT))
    tab = _shown(qtbot, _short_term(store, runner), reg.id)
    tab.review_rows[0].findChildren(type(tab.review_button))[0].click()
    dialog = _dialog(qtbot)
    QTest.keyClicks(dialog.reason, "   ")
    assert not dialog.mark_button.isEnabled()
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.isVisible(), "Enter with no reason stores nothing and keeps the dialog"
    assert dialog.reason.accessibleName() == "Why it was entered in error"
    with qtbot.waitSignal(dialog.finished):
        QTest.keyClick(dialog.reason, Qt.Key.Key_Escape)
    assert store.episode_reviews([episode.id])[episode.id][0].in_error_reason == ""
