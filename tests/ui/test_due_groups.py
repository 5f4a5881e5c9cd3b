"""The Due list grouped as Overdue, This week and Later, with words, an icon and a count, so
something not yet due never sits above something overdue looking the same; and a carer who has
had their review is not listed as due."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from assessor.carers import CarerPlan, CaringRole
from assessor.example import example_caseload
from assessor.goals import Goal
from assessor.record import Person
from assessor.short_term import Episode, HelpKind
from db.store import Store
from tests.ui.helpers import lists_read
from ui.kit.runner import Runner
from ui.shell.main_window import MainWindow

TODAY = date(2026, 11, 30)  # Bernie answered "Do you feel supported?" on 27 Nov


@pytest.fixture
def window_on(qtbot):
    """The main window on `store`, its clock saying it is TODAY."""

    def make(store: Store) -> MainWindow:
        window = MainWindow(store, "Test Worker", Runner(), today=lambda: TODAY)
        qtbot.addWidget(window, before_close_func=MainWindow.close_now)
        window.show()
        lists_read(qtbot, window)
        window.show_due()
        return window

    return make


def one_of_each(store: Store) -> None:
    """A two-week outcome due in a week (read first), a carer's review in three days, and a
    goal whose review was due two weeks ago (read last)."""
    reg = store.add_person(Person("Reg", "A fall")).id
    started = datetime.combine(TODAY - timedelta(days=7), time(10, 0))
    store.add_episode(Episode(reg, HelpKind.REABLEMENT, started, "Fernley Reablement", started))
    ada = store.add_person(Person("Ada", "Help at home")).id
    jo = store.add_person(Person("Jo", "", family_name="Wren")).id
    store.add_caring_role(CaringRole(jo, ada))
    plan = store.add_carer_plan(CarerPlan(jo, TODAY - timedelta(weeks=8)))
    store.update_carer_plan(plan.id, {"review_on": TODAY + timedelta(days=3)})
    stan = store.add_person(Person("Stan", "Cooking")).id
    store.add_goal(Goal(stan, "Cook a hot meal", TODAY - timedelta(weeks=6)))


def test_overdue_comes_first_under_its_heading_then_this_week_then_later(window_on, store):
    one_of_each(store)
    window = window_on(store)
    entries = window.due.entries
    assert entries.headings() == ["Overdue (1)", "This week (1)", "Later (1)"]
    assert [line.split(":")[0] for line in entries.lines()] == ["Stan", "Jo Wren", "Reg"]
    model = window.due.list.model()
    rows = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert rows[0] == "Overdue (1)" and rows[1].startswith("Stan: “Cook a hot meal”")
    assert rows[2] == "This week (1)" and rows[3].startswith("Jo Wren: carer’s review")
    assert rows[4] == "Later (1)" and rows[5].startswith("Reg: 2-week outcome")
    assert "Due 7 Dec 2026" in rows[5]


def test_a_heading_has_words_an_icon_and_a_spoken_count_and_cannot_be_chosen(window_on, store):
    one_of_each(store)
    window = window_on(store)
    heading = window.due.list.model().index(0, 0)
    assert not heading.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert heading.data(Qt.ItemDataRole.AccessibleTextRole) == "Overdue: 1 thing"
    assert not heading.flags() & Qt.ItemFlag.ItemIsSelectable
    entry = window.due.list.model().index(1, 0)
    assert entry.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Overdue: Stan: ")


def test_the_arrow_keys_pass_over_the_headings(window_on, store):
    one_of_each(store)
    window = window_on(store)
    view = window.due.list
    assert view.currentIndex().row() == 1, "the first entry, not its heading, is chosen"
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 3
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 5
    QTest.keyClick(view, Qt.Key.Key_Up)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert window.workspace.tabs.currentWidget() is window.workspace.carer_support


def test_bernie_is_not_due_after_her_review_on_27_november(window_on, store):
    store.add_files(example_caseload(TODAY))
    window = window_on(store)
    lines = window.due.entries.lines()
    assert lines, "other things in the example caseload are due"
    assert not any(line.startswith("Bernie") for line in lines)
    assert not any("carer’s review" in line for line in lines)
