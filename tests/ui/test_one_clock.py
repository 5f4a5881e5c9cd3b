"""The desktop reads the day from the one clock the window is given, whatever the laptop's own
clock says: what a worker records today is dated by it, and what is shown is worked out on it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from assessor.goals import Goal
from assessor.progression import PlanStep, ProgressionPlan
from assessor.record import Person, Place
from assessor.short_term import Episode, HelpKind
from assessor.validation import format_date, format_date_numeric
from tests.ui.clock import running_clock
from tests.ui.helpers import open_person
from tests.ui.test_contacts import choose
from tests.ui.test_goals import focus

NEW_YEARS_EVE = date(2026, 12, 31)


@pytest.fixture
def clock():
    """The store's clock (which checks nothing is dated in the future) on that day too."""
    return running_clock(datetime.combine(NEW_YEARS_EVE, time(10), UTC))


@pytest.fixture
def noor(store) -> Person:
    """Born on New Year's Eve, with a goal, a progression plan and reablement under way."""
    person = store.add_person(
        Person(
            "Noor",
            "Wants to get out more",
            family_name="Haddad",
            date_of_birth=date(1940, 12, 31),
        )
    )
    store.add_goal(Goal(person.id, "Walk to the park", NEW_YEARS_EVE - timedelta(days=20)))
    store.add_plan(
        ProgressionPlan(
            person_id=person.id,
            starts_on=NEW_YEARS_EVE - timedelta(days=60),
            ends_on=NEW_YEARS_EVE + timedelta(days=180),
            start_level=2,
            target_level=4,
            steps=[PlanStep("Make a cup of tea on my own")],
        )
    )
    asked = datetime.combine(NEW_YEARS_EVE - timedelta(days=10), datetime.min.time())
    store.add_episode(Episode(person.id, HelpKind.REABLEMENT, asked.replace(hour=9), "Home First"))
    return person


@pytest.fixture
def window(make_window, store, noor):
    """The window on New Year's Eve, with Noor's record open."""
    shown = make_window(store, today=lambda: NEW_YEARS_EVE)
    open_person(shown, "Noor")
    return shown


def test_the_header_gives_the_age_on_the_windows_day(window):
    assert "(age 86)" in window.workspace.summary.text(), "her 86th birthday is that day"


def test_a_new_contact_is_dated_by_the_windows_clock(qtbot, window, store, noor):
    QTest.keySequence(window, "Ctrl+Shift+N")
    choose(window.workspace.contacts.details.place, Place.HOME_VISIT)
    (contact,) = store.contacts(noor.id)
    assert contact.on == NEW_YEARS_EVE
    timeline = window.workspace.contacts.timeline
    assert timeline.item(0).text().startswith(format_date(NEW_YEARS_EVE))


def test_a_goal_reviewed_and_a_goal_set_are_dated_by_the_windows_clock(qtbot, window, store, noor):
    tab = window.workspace.goals
    window.workspace.tabs.setCurrentWidget(tab)
    (walk,) = store.goals(noor.id)
    focus(qtbot, tab.list)
    qtbot.keyClick(tab.list, Qt.Key.Key_4)
    qtbot.keyClick(tab.list, Qt.Key.Key_Return)
    (review,) = store.reviews([walk.id])[walk.id]
    assert review.on == NEW_YEARS_EVE

    tab.new_button.click()
    qtbot.keyClicks(tab.dialog.words, "Go to the library on Saturdays")
    tab.dialog.add_button.click()
    (added,) = [goal for goal in store.goals(noor.id) if goal.id != walk.id]
    assert added.set_on == NEW_YEARS_EVE


def test_a_plan_review_and_a_weekly_review_are_dated_by_the_windows_clock(
    qtbot, window, store, noor
):
    workspace = window.workspace
    workspace.tabs.setCurrentWidget(workspace.progression)
    progression = workspace.progression
    assert progression.record_hint.text() == f"Recorded as today, {format_date(NEW_YEARS_EVE)}."
    progression.record_button.click()
    (plan,) = store.plans(noor.id)
    (plan_review,) = store.plan_reviews([plan.id])[plan.id]
    assert plan_review.on == NEW_YEARS_EVE

    workspace.tabs.setCurrentWidget(workspace.short_term)
    short_term = workspace.short_term
    short_term.review_button.click()
    dialog = short_term.review_dialog
    assert dialog.on.text() == format_date_numeric(NEW_YEARS_EVE)
    dialog.add_button.click()
    (episode,) = store.episodes(noor.id)
    (weekly,) = store.episode_reviews([episode.id])[episode.id]
    assert weekly.on == NEW_YEARS_EVE
