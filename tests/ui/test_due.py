"""What is due across the caseload: outcomes to record and goals to review, one key away."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication
from sqlalchemy.exc import OperationalError

from assessor.goals import Goal, Review
from assessor.logfile import LOG_FILE_NAME, start_log
from assessor.operations.op_changes import OpChanges, OpResult, RecordKind
from assessor.record import Person
from assessor.short_term import Episode, HelpKind, HelpOutcome
from db.failures import BUSY
from tests.ui.clock import TODAY
from tests.ui.helpers import lists_read


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
    qtbot.waitUntil(lambda: window.left.tabText(1) == "Due (2)")

    QTest.keySequence(window, "Ctrl+R")
    assert window.left.currentWidget() is window.due
    assert QApplication.focusWidget() is window.due.list
    lines = window.due.entries.lines()
    assert lines[0].startswith("Winnie: “Walk to the post office”")
    assert "has passed" in lines[0]
    assert lines[1] == "Stan: “Cook a hot meal”\nSet 5 weeks ago, not reviewed"
    assert window.due.summary.text().startswith("2 things are due")

    window.due.entries.choose(1)
    QTest.keyClick(window.due.list, Qt.Key.Key_Return)
    assert window.workspace.name.text() == "Stan"
    assert window.workspace.tabs.currentWidget() is window.workspace.goals

    goals = window.workspace.goals.list
    goals.setFocus()
    qtbot.keyClick(goals, Qt.Key.Key_3)
    with qtbot.waitSignal(window.due.refreshed) as refreshed:
        qtbot.keyClick(goals, Qt.Key.Key_Return)
    assert refreshed.args == [1]
    assert window.left.tabText(1) == "Due (1)", "a review takes it off the list"
    assert [line.split(":")[0] for line in window.due.entries.lines()] == ["Winnie"]


def test_nothing_due_says_so(qtbot, make_window, store):
    add_person_with_goal(store, "Aled", Goal("", "Garden again", TODAY - timedelta(weeks=1)))
    window = make_window(store)
    lists_read(qtbot, window)
    window.show_due()
    assert window.due.entries.count() == 0
    assert window.left.tabText(1) == "Due (0)"
    assert window.due.summary.text().startswith("Nothing is due")


def test_a_due_two_week_outcome_is_listed_first_and_opens_the_help(qtbot, make_window, store):
    person_id = store.add_person(Person(preferred_name="Reg", presenting_problem="A fall")).id
    asked = datetime.combine(TODAY - timedelta(days=15), time(10, 0))
    episode = store.add_episode(
        Episode(person_id, HelpKind.REABLEMENT, asked, "Fernley Reablement", asked)
    )
    add_person_with_goal(store, "Stan", Goal("", "Cook a hot meal", TODAY - timedelta(weeks=5)))
    window = make_window(store)
    lists_read(qtbot, window)
    window.show_due()
    first = window.due.entries.lines()[0]
    assert first.startswith("Reg: 2-week outcome of reablement")
    assert "Was due" in first

    QTest.keyClick(window.due.list, Qt.Key.Key_Return)
    assert window.workspace.tabs.currentWidget() is window.workspace.short_term

    store.update_episode(
        episode.id,
        {"outcome_2_weeks": HelpOutcome.REDUCED_SUPPORT, "outcome_2_weeks_on": TODAY},
    )
    lists_read(qtbot, window)
    assert window.left.tabText(1) == "Due (1)"


def test_after_a_review_the_due_list_keeps_the_worker_s_place(qtbot, make_window, store):
    for name in ("Ann", "Bev", "Cal"):
        add_person_with_goal(store, name, Goal("", f"{name} walks", TODAY - timedelta(weeks=6)))
    window = make_window(store)
    qtbot.waitUntil(lambda: window.left.tabText(1) == "Due (3)")
    QTest.keySequence(window, "Ctrl+R")
    assert [line.split(":")[0] for line in window.due.entries.lines()] == ["Ann", "Bev", "Cal"]
    window.due.entries.choose(1)
    QTest.keyClick(window.due.list, Qt.Key.Key_Return)
    assert window.workspace.name.text() == "Bev"

    goals = window.workspace.goals.list
    goals.setFocus()
    qtbot.keyClick(goals, Qt.Key.Key_4)
    with qtbot.waitSignal(window.due.refreshed, timeout=10000) as refreshed:
        qtbot.keyClick(goals, Qt.Key.Key_Return)
    assert refreshed.args == [2]
    assert window.left.tabText(1) == "Due (2)"

    QTest.keySequence(window, "Ctrl+R")
    assert QApplication.focusWidget() is window.due.list
    QTest.keyClick(window.due.list, Qt.Key.Key_Return)
    assert window.workspace.name.text() == "Cal", "the next one down, where Bev's was"


def test_only_a_change_to_what_the_lists_show_reads_them_again(qtbot, make_window, store):
    person_id = add_person_with_goal(store, "Ann", Goal("", "Walk", TODAY - timedelta(weeks=6)))
    window = make_window(store)
    qtbot.waitUntil(lambda: window.left.tabText(1) == "Due (1)")
    asked = []
    window.due.refresh = lambda *args: asked.append("due")
    window.carers.refresh = lambda *args: asked.append("carers")

    def applied(*kinds: RecordKind) -> list[str]:
        """The lists read again after a change of these kinds (the reads start together once
        the GUI thread is free)."""
        asked.clear()
        window.runner.write_now(lambda: OpResult(None, OpChanges.of([person_id], *kinds)))
        qtbot.waitUntil(lambda: bool(asked))
        return sorted(asked)

    assert applied(RecordKind.GOAL) == ["due"]
    assert applied(RecordKind.SHORT_TERM_HELP) == ["due"]
    assert applied(RecordKind.CARER) == ["carers", "due"]
    assert applied(RecordKind.PERSON) == ["carers", "due"]
    assert applied(RecordKind.CONTACT) == ["carers"], "a carer's conversation is a contact"
    assert applied(RecordKind.PROGRESSION, RecordKind.DRAFT, RecordKind.CONTACT) == ["carers"]
    assert applied(RecordKind.PROGRESSION, RecordKind.DRAFT, RecordKind.GOAL) == ["due"]


def test_a_failure_reading_what_is_due_is_logged_and_said_plainly(
    qtbot, make_window, store, tmp_path, monkeypatch
):
    window = make_window(store)
    qtbot.waitUntil(lambda: window.left.tabText(1) == "Due (0)")
    start_log(tmp_path)

    def locked() -> None:
        raise OperationalError("SELECT goals", None, RuntimeError("database is locked"))

    monkeypatch.setattr(store, "goals_to_date", locked)
    window.show_due()
    qtbot.waitUntil(lambda: "could not be read" in window.due.summary.text(), timeout=10000)
    assert window.due.summary.text() == f"What is due could not be read. {BUSY}"
    log = (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert "OperationalError: (builtins.RuntimeError) database is locked" in log
    assert "in read_due" in log


def test_an_entry_opens_with_a_double_click_and_cannot_be_edited(qtbot, make_window, store):
    add_person_with_goal(store, "Ann", Goal("", "Walk", TODAY - timedelta(weeks=6)))
    window = make_window(store)
    qtbot.waitUntil(lambda: window.left.tabText(1) == "Due (1)")
    window.show_due()
    view = window.due.list
    QTest.keyClick(view, Qt.Key.Key_F2)
    QTest.keyClicks(view, "typed")
    assert view.state() is not QAbstractItemView.State.EditingState
    assert window.due.entries.lines() == ["Ann: “Walk”\nSet 6 weeks ago, not reviewed"]
    middle = view.visualRect(window.due.entries.index_of(0)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=middle)  # a double click's
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=middle)  # two halves
    assert window.workspace.name.text() == "Ann"
    assert window.workspace.tabs.currentWidget() is window.workspace.goals
