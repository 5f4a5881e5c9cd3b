"""What is due across the caseload: outcomes to record and goals to review, one key away."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from assessor.goals import Goal, Review
from assessor.record import Person
from assessor.short_term import Episode, HelpKind, HelpOutcome

TODAY = date.today()


def add_person_with_goal(store, name: str, goal: Goal, ratings_days_ago=()) -> str:
    person_id = store.add_person(Person(preferred_name=name, presenting_problem="Help")).id
    added = store.add_goal(Goal(**{**goal.__dict__, "person_id": person_id}))
    for rating, days_ago in ratings_days_ago:
        store.add_review(Review(goal_id=added.id, rating=rating, on=TODAY - timedelta(days_ago)))
    return person_id


def test_due_goals_are_listed_most_overdue_first_and_open_the_person(qtbot, make_window, store):
    long_ago = TODAY - timedelta(weeks=10)
    add_person_with_goal(
        store,
        "Winnie",
        Goal("", "Walk to the post office", long_ago, target_date=TODAY - timedelta(days=2)),
    )
    add_person_with_goal(store, "Stan", Goal("", "Cook a hot meal", TODAY - timedelta(weeks=5)))
    add_person_with_goal(
        store, "Aled", Goal("", "Garden again", long_ago), ratings_days_ago=[(-1, 3)]
    )
    window = make_window(store)
    assert window.left.tabText(1) == "Due (2)"

    QTest.keySequence(window, "Ctrl+R")
    assert window.left.currentWidget() is window.due
    assert QApplication.focusWidget() is window.due.list
    lines = [window.due.list.item(row).text() for row in range(window.due.list.count())]
    assert lines[0].startswith("Winnie: “Walk to the post office”")
    assert "has passed" in lines[0]
    assert lines[1] == "Stan: “Cook a hot meal”\nSet 5 weeks ago, not reviewed"
    assert window.due.summary.text().startswith("2 things are due")

    window.due.list.setCurrentRow(1)
    QTest.keyClick(window.due.list, Qt.Key.Key_Return)
    assert window.workspace.name.text() == "Stan"
    assert window.workspace.tabs.currentWidget() is window.workspace.goals

    goals = window.workspace.goals.list
    goals.setFocus()
    qtbot.keyClick(goals, Qt.Key.Key_3)
    qtbot.keyClick(goals, Qt.Key.Key_Return)
    assert window.left.tabText(1) == "Due (1)", "a review takes it off the list"


def test_nothing_due_says_so(qtbot, make_window, store):
    add_person_with_goal(store, "Aled", Goal("", "Garden again", TODAY - timedelta(weeks=1)))
    window = make_window(store)
    window.show_due()
    assert window.due.list.count() == 0
    assert window.due.summary.text().startswith("Nothing is due")


def test_a_due_two_week_outcome_is_listed_first_and_opens_the_help(qtbot, make_window, store):
    person_id = store.add_person(Person(preferred_name="Reg", presenting_problem="A fall")).id
    asked = datetime.combine(TODAY - timedelta(days=15), time(10, 0))
    episode = store.add_episode(
        Episode(person_id, HelpKind.REABLEMENT, asked, "Fernley Reablement", asked)
    )
    add_person_with_goal(store, "Stan", Goal("", "Cook a hot meal", TODAY - timedelta(weeks=5)))
    window = make_window(store)
    window.show_due()
    first = window.due.list.item(0).text()
    assert first.startswith("Reg: 2-week outcome of reablement")
    assert "Was due" in first

    QTest.keyClick(window.due.list, Qt.Key.Key_Return)
    assert window.workspace.tabs.currentWidget() is window.workspace.short_term

    store.update_episode(
        episode.id,
        {"outcome_2_weeks": HelpOutcome.REDUCED_SUPPORT, "outcome_2_weeks_on": TODAY},
    )
    window.refresh_due()
    assert window.left.tabText(1) == "Due (1)"
