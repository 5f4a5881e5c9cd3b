"""The counts on the Due and Carers tabs are right without the worker opening either tab: at
start, after the example caseload is loaded, when the store arrives after the window, and
when a day turns with the app open."""

from __future__ import annotations

from datetime import date, timedelta

from assessor.example import example_caseload
from assessor.goals import Goal
from assessor.record import Person
from assessor.search import PeopleIndex
from ui.carers.carers_list import read_carers
from ui.kit.runner import Runner
from ui.shell.due import read_due
from ui.shell.main_window import MainWindow

TODAY = date(2026, 11, 23)


def counts(window: MainWindow) -> list[str]:
    return [window.left.tabText(index) for index in (1, 2)]


def right_counts(store) -> list[str]:
    """What the tabs should say, worked out from the store directly."""
    index = PeopleIndex(store.findable_people())
    due, carers = read_due(store, TODAY, index), read_carers(store, TODAY, index)
    return [f"Due ({len(due)})", f"Carers ({len(carers.entries)})"]


def test_counts_are_right_after_loading_the_example_caseload_unclicked(qtbot, store):
    window = MainWindow(store, "Test Worker", Runner(), today=lambda: TODAY)
    qtbot.addWidget(window, before_close_func=MainWindow.close_now)
    window.show()
    qtbot.waitUntil(lambda: counts(window) == ["Due (0)", "Carers (0)"])

    window.welcome.example_button.click()
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() > 0)
    expected = right_counts(store)
    assert expected != ["Due (0)", "Carers (0)"], "the example has things due and carers"
    qtbot.waitUntil(lambda: counts(window) == expected)
    assert window.left.currentWidget() is window.caseload, "neither tab was opened"


def test_counts_are_right_when_the_store_arrives_after_the_window(qtbot, store):
    store.add_files(example_caseload(TODAY))
    window = MainWindow(None, "Test Worker", Runner(), store.findable_people(), today=lambda: TODAY)
    qtbot.addWidget(window, before_close_func=MainWindow.close_now)
    window.show()
    assert counts(window) == ["Due (…)", "Carers (…)"], "not read yet, and not said to be 0"
    window.attach_store(store)
    qtbot.waitUntil(lambda: counts(window) == right_counts(store))
    assert window.left.currentWidget() is window.caseload


def test_a_new_day_reads_the_lists_again(qtbot, store):
    """A goal set today is not due; weeks later, with the app left open, it is."""
    person_id = store.add_person(Person("Ann", "Lonely")).id
    store.add_goal(Goal(person_id, "Walk to the shop", TODAY))
    clock = [TODAY]
    window = MainWindow(store, "Test Worker", Runner(), today=lambda: clock[0])
    qtbot.addWidget(window, before_close_func=MainWindow.close_now)
    window.show()
    qtbot.waitUntil(lambda: window.left.tabText(1) == "Due (0)")
    assert window.left.day_check.isActive()

    window.left.day_check.timeout.emit()  # the same day: nothing to read again
    clock[0] = TODAY + timedelta(weeks=8)
    with qtbot.waitSignal(window.due.refreshed) as refreshed:
        window.left.day_check.timeout.emit()
    assert refreshed.args == [1]
    assert window.left.tabText(1) == "Due (1)"
