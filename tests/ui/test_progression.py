"""The progression plan tab: made in a dialog, its steps ticked off, reviews moving the level."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from assessor.goals import Goal
from assessor.operations.op_changes import OpChanges, RecordKind
from assessor.progression import PlanReview, PlanStep, ProgressionPlan, months_between, months_later
from assessor.record import Person
from assessor.validation import format_date, format_date_numeric
from tests.ui.clock import TODAY
from tests.ui.test_keyboard_and_names import unnamed_controls
from ui.kit.runner import Runner
from ui.progression.chart import describe_progression, month_ticks
from ui.progression.tab import ProgressionTab


def reg(store):
    return store.add_person(Person(preferred_name="Reg", presenting_problem="Help"))


def make_tab(qtbot, store, person_id: str, runner: Runner | None = None) -> ProgressionTab:
    tab = ProgressionTab(store, runner or Runner(), lambda: TODAY)
    qtbot.addWidget(tab)
    tab.show_person(person_id)
    tab.show()
    return tab


def reg_with_plan(qtbot, store, **changes):
    person = reg(store)
    values = {
        "person_id": person.id,
        "starts_on": TODAY - timedelta(days=60),
        "ends_on": TODAY + timedelta(days=180),
        "start_level": 2,
        "target_level": 5,
        "steps": [PlanStep("Make a cup of tea on my own"), PlanStep("Walk to the corner shop")],
    }
    values.update(changes)
    plan = store.add_plan(ProgressionPlan(**values))
    return person, plan, make_tab(qtbot, store, person.id)


def test_with_no_plan_it_explains_and_offers_a_new_one(qtbot, store):
    tab = make_tab(qtbot, store, reg(store).id)
    assert tab.empty.isVisibleTo(tab)
    assert "No progression plan yet" in tab.empty.text()
    assert not tab.scroll.isVisibleTo(tab)
    assert tab.new_button.isVisibleTo(tab)


def test_a_plan_made_in_the_dialog_with_two_steps_and_a_goal_is_stored(qtbot, store, runner):
    person = reg(store)
    walk = store.add_goal(Goal(person.id, "Walk to the post office on my own", TODAY))
    store.add_goal(Goal(person.id, "See my grandson at weekends", TODAY))
    tab = make_tab(qtbot, store, person.id, runner)
    changes = []
    runner.changes_applied.connect(lambda changed, source: changes.append((changed, source)))

    tab.new_button.click()
    dialog = tab.dialog
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.start_level)
    assert dialog.starts_on.text() == format_date_numeric(TODAY)
    assert dialog.ends_on.text() == format_date_numeric(months_later(TODAY, 6))
    assert dialog.start_level.itemText(1) == "2 — I need help with many things, most days"
    ends = TODAY + timedelta(days=300)
    dialog.ends_on.setText(format_date_numeric(ends))
    dialog.start_level.setCurrentIndex(dialog.start_level.findData(2))
    dialog.target_level.setCurrentIndex(dialog.target_level.findData(5))
    qtbot.keyClicks(dialog.step_rows[0].words, "Practise the stairs with the physio")
    qtbot.keyClicks(dialog.step_rows[0].due, format_date_numeric(TODAY + timedelta(weeks=6)))
    dialog.add_step_button.click()
    qtbot.keyClicks(dialog.step_rows[1].words, "Make breakfast with Sam nearby")
    dialog.add_step_button.click()  # a blank third step is left out
    assert [row.words.accessibleName() for row in dialog.step_rows] == [
        "Step 1: what it is",
        "Step 2: what it is",
        "Step 3: what it is",
    ]
    (walk_box,) = [box for box, goal in dialog.goal_boxes if goal.id == walk.id]
    assert walk_box.text() == "“Walk to the post office on my own”"
    walk_box.setChecked(True)
    dialog.save_button.click()

    assert not dialog.isVisible()
    (plan,) = store.plans(person.id)
    assert (plan.starts_on, plan.ends_on, plan.start_level, plan.target_level) == (
        TODAY,
        ends,
        2,
        5,
    )
    assert plan.steps == [
        PlanStep("Practise the stairs with the physio", TODAY + timedelta(weeks=6)),
        PlanStep("Make breakfast with Sam nearby"),
    ]
    assert plan.goal_ids == [walk.id]
    assert changes == [(OpChanges.of([person.id], RecordKind.PROGRESSION), tab)]
    assert tab.scroll.isVisibleTo(tab) and not tab.empty.isVisibleTo(tab)
    assert tab.summary.text() == (
        "From step 2 — I need help with many things, most days — towards step 5 by "
        f"{format_date(ends)}"
    )
    assert [box.isChecked() for box in tab.step_boxes] == [False, False]
    assert tab.confirmation.text().startswith("Progression plan saved")


def test_a_plan_of_three_months_says_why_keeps_what_was_typed_and_stores_nothing(qtbot, store):
    person = reg(store)
    tab = make_tab(qtbot, store, person.id)
    tab.new_button.click()
    dialog = tab.dialog
    short = format_date_numeric(months_later(TODAY, 3))
    dialog.ends_on.setText(short)
    dialog.target_level.setCurrentIndex(dialog.target_level.findData(4))
    qtbot.keyClicks(dialog.step_rows[0].words, "Go to the lunch club")
    dialog.save_button.click()

    assert dialog.isVisible()
    assert "A progression plan runs for 6 to 12 months" in dialog.ends_error.text()
    assert dialog.ends_error.isVisibleTo(dialog)
    assert dialog.ends_on.accessibleDescription() == dialog.ends_error.text()
    assert dialog.ends_on.text() == short
    assert dialog.target_level.currentData() == 4
    assert dialog.step_rows[0].words.text() == "Go to the lunch club"
    assert store.plans(person.id) == []

    dialog.ends_on.setText(format_date_numeric(months_later(TODAY, 7)))
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert len(store.plans(person.id)) == 1


def test_a_hoped_for_step_no_higher_is_shown_beside_it(qtbot, store):
    person = reg(store)
    tab = make_tab(qtbot, store, person.id)
    tab.new_button.click()
    dialog = tab.dialog
    dialog.start_level.setCurrentIndex(dialog.start_level.findData(4))
    dialog.target_level.setCurrentIndex(dialog.target_level.findData(3))
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "should be higher than where the person starts" in dialog.target_error.text()
    assert store.plans(person.id) == []
    dialog.reject()


def test_an_end_before_the_start_is_said_plainly(qtbot, store):
    tab = make_tab(qtbot, store, reg(store).id)
    tab.new_button.click()
    dialog = tab.dialog
    dialog.ends_on.setText(format_date_numeric(TODAY - timedelta(days=30)))
    dialog.save_button.click()
    assert "before it starts" in dialog.ends_error.text()
    dialog.ends_on.setText("31/02/2027")
    dialog.save_button.click()
    assert "is not a real date" in dialog.ends_error.text()
    dialog.reject()


def test_removing_a_step_renumbers_the_others(qtbot, store):
    tab = make_tab(qtbot, store, reg(store).id)
    tab.new_button.click()
    dialog = tab.dialog
    dialog.add_step("First")
    dialog.add_step("Second")
    dialog.step_rows[1].remove_button.click()
    assert [row.words.text() for row in dialog.step_rows] == ["", "Second"]
    assert dialog.step_rows[1].remove_button.accessibleName() == "Remove step 2"
    dialog.reject()


def test_recording_where_they_are_now_moves_the_level_and_stores_a_review(qtbot, store):
    _person, plan, tab = reg_with_plan(qtbot, store)
    assert tab.now.text().startswith("Now: step 2 — I need help with many things, most days")
    tab.level.setCurrentIndex(tab.level.findData(3))
    qtbot.keyClicks(tab.note, "Making breakfast with prompting")
    tab.record_button.click()

    (review,) = store.plan_reviews([plan.id])[plan.id]
    assert (review.on, review.level, review.note) == (
        TODAY,
        3,
        "Making breakfast with prompting",
    )
    assert tab.now.text().startswith("Now: step 3 — I need help with some things, most days")
    assert "“Making breakfast with prompting”" in tab.reviews_text.text()
    assert tab.note.text() == ""
    assert f"step 3 on {format_date(TODAY)}" in tab.chart.accessibleDescription()


def test_ticking_a_step_done_stores_today(qtbot, store):
    person, _plan, tab = reg_with_plan(qtbot, store)
    first, _second = tab.step_boxes
    assert first.accessibleName() == "Done: Make a cup of tea on my own"
    first.click()
    (stored,) = store.plans(person.id)
    assert stored.steps[0].done_on == TODAY
    assert stored.steps[1].done_on is None
    assert f"done {format_date(TODAY)}" in first.text()
    first.click()
    assert store.plans(person.id)[0].steps[0].done_on is None


def test_every_control_has_an_accessible_name(qtbot, store):
    person = reg(store)
    store.add_goal(Goal(person.id, "Walk to the post office on my own", TODAY))
    _person, _plan, tab = reg_with_plan(qtbot, store)
    assert unnamed_controls(tab) == []
    tab.show_person(person.id)
    tab.new_button.click()
    tab.dialog.add_step_button.click()
    assert unnamed_controls(tab.dialog) == []
    tab.dialog.reject()


def test_the_chart_says_planned_and_actual_in_words(qtbot, store):
    starts = TODAY - timedelta(days=90)
    _person, plan, tab = reg_with_plan(
        qtbot, store, starts_on=starts, ends_on=starts + timedelta(days=300)
    )
    store.add_plan_review(PlanReview(plan.id, starts + timedelta(days=30), 2))
    store.add_plan_review(PlanReview(plan.id, starts + timedelta(days=60), 4))
    tab.show_person(plan.person_id)
    described = tab.chart.accessibleDescription()
    assert described.startswith(
        f"Planned (dashed line): from step 2 on {format_date(starts)} to step 5 by "
        f"{format_date(starts + timedelta(days=300))}."
    )
    assert "Where they have been (solid line): step 2 at the start, then step 2 on" in described
    assert "they are ahead of the plan" in described
    tab.chart.grab()  # paints without a warning


def test_the_chart_without_reviews_says_so():
    plan = ProgressionPlan("p", date(2026, 1, 10), date(2026, 8, 10), 1, 3)
    assert describe_progression(plan, [], date(2026, 2, 1)).endswith(
        "step 1 at the start; no reviews yet."
    )


def test_month_ticks_fall_on_the_first_of_each_month():
    assert month_ticks(date(2026, 11, 15), date(2027, 2, 1)) == [
        date(2026, 12, 1),
        date(2027, 1, 1),
        date(2027, 2, 1),
    ]


@pytest.mark.parametrize("start", [date(2026, 8, 31), date(2026, 1, 15), date(2027, 7, 1)])
def test_the_default_end_is_always_at_least_six_months_on(start):
    assert months_between(start, months_later(start, 6)) >= 6


def test_a_plan_can_be_changed_keeping_steps_already_done(qtbot, store):
    """Correcting a plan's dates, hoped-for step and steps keeps what was already done."""
    person, plan, tab = reg_with_plan(qtbot, store)
    tab.mark_step(0, True)
    tab.change_button.click()
    dialog = tab.dialog
    assert dialog.windowTitle() == "Change progression plan"
    assert [row.words.text() for row in dialog.step_rows] == [
        "Make a cup of tea on my own",
        "Walk to the corner shop",
    ]
    dialog.target_level.setCurrentIndex(dialog.target_level.findData(4))
    dialog.add_step("Take the bus into town")
    dialog.accept()
    assert not dialog.isVisible()
    (changed,) = store.plans(person.id)
    assert changed.id == plan.id
    assert changed.target_level == 4
    assert [step.words for step in changed.steps][-1] == "Take the bus into town"
    assert changed.steps[0].done_on == TODAY, "a step already done stays done"
    assert changed.steps[1].done_on is None
