"""The progression plan: from the support the person has now towards more independence.

With no plan yet the tab explains what one is and offers New progression plan. With a plan it
shows the newest: where the person started and hopes to be on the ladder, by when, its smaller
steps (each ticked off when done), the goals that belong to it, recording where the person is now,
the reviews so far, and a chart of the planned and actual path. Each change is stored the moment
it is made: one store call each, nothing waits to be saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from assessor.goals import Goal
from assessor.operations.progression import mark_step, review_plan
from assessor.own_words import quoted
from assessor.progression import PlanReview, ProgressionPlan
from assessor.progression_wording import (
    ladder_key,
    plan_summary,
    review_line,
    step_line,
    step_words,
)
from assessor.validation import InvalidInput, format_date
from ui.kit.clock import Today
from ui.kit.forms import (
    Section,
    failure_text,
    hint_label,
    line_edit,
    named,
    set_shown,
)
from ui.kit.records_tab import RecordsTab
from ui.progression.chart import ProgressionChart
from ui.progression.dialog import PlanDialog
from ui.progression.widgets import clear_layout, ladder_combo

if TYPE_CHECKING:
    from assessor.operations.store_port import StorePort
    from ui.kit.runner import Runner


EXPLANATION = (
    "No progression plan yet. Everyone with a long-term condition has one: the progress the "
    "person might make over the next six to twelve months, from the support they have now "
    "towards more independence. It is agreed with the person on a ladder of six steps, from "
    "“I need help with most things, every day” (step 1) to “I manage on my own, and know where "
    "to get help if I need it” (step 6)."
)


class ProgressionTab(RecordsTab):
    """The person's newest progression plan, or how to start one. A plan, a step ticked off
    and a review are each stored through the runner, which reports the change."""

    def __init__(self, store: StorePort, runner: Runner, today: Today) -> None:
        super().__init__(EXPLANATION)
        self._store = store
        self._runner = runner
        self._today = today
        self._person_id = ""
        self.plan: ProgressionPlan | None = None
        self.reviews: list[PlanReview] = []
        self.goals: list[Goal] = []
        self.step_boxes: list[QCheckBox] = []

        self.new_button = named(QPushButton("New progression plan"), "New progression plan")
        self.new_button.setToolTip("Agree a plan for the next six to twelve months")
        self.new_button.clicked.connect(self.new_plan)
        self.change_button = named(QPushButton("Change plan…"), "Change the progression plan")
        self.change_button.setToolTip("Correct the plan's dates, steps, levels or goals")
        self.change_button.clicked.connect(self.change_plan)
        self.empty.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        # The plan, on the left: what it is, its steps, its goals, and where they are now.
        self.summary = QLabel()
        self.summary.setObjectName("sectionTitle")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("The plan")
        self.dates = hint_label("")
        self.now = QLabel()
        self.now.setWordWrap(True)
        self.now.setAccessibleName("Where they are now")

        self.steps_section = Section("Smaller steps")
        self.steps_box = QVBoxLayout()
        self.steps_box.setContentsMargins(0, 0, 0, 0)
        steps_holder = QWidget()
        steps_holder.setLayout(self.steps_box)
        self.steps_section.form.addRow(steps_holder)

        self.goals_section = Section("Goals that belong to it")
        self.goals_box = QVBoxLayout()
        self.goals_box.setContentsMargins(0, 0, 0, 0)
        goals_holder = QWidget()
        goals_holder.setLayout(self.goals_box)
        self.goals_section.form.addRow(goals_holder)

        self.record_section = Section("Record where they are now")
        self.level = ladder_combo("Where they are now on the ladder")
        self.record_section.add("Where they are now", self.level)
        self.note = line_edit("What has changed", "Optional: in a few words")
        self.record_section.add("What has changed", self.note)
        self.record_button = named(
            QPushButton("Record where they are now"), "Record where they are now"
        )
        self.record_button.clicked.connect(self.record_review)
        self.note.returnPressed.connect(self.record_review)
        self.record_hint = hint_label("")
        record_row = QHBoxLayout()
        record_row.addWidget(self.record_button)
        record_row.addWidget(self.record_hint, 1)
        self.record_section.form.addRow(record_row)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.dates)
        left_layout.addWidget(self.now)
        left_layout.addWidget(self.steps_section)
        left_layout.addWidget(self.goals_section)
        left_layout.addWidget(self.record_section)
        self.ladder = hint_label("")
        self.ladder.setAccessibleName("The ladder")
        left_layout.addWidget(self.ladder)
        left_layout.addStretch(1)

        # The chart and the reviews so far, on the right.
        self.chart = ProgressionChart()
        self.reviews_section = Section("Reviews so far")
        self.reviews_text = QLabel()
        self.reviews_text.setWordWrap(True)
        self.reviews_text.setAccessibleName("Reviews so far")
        self.reviews_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reviews_section.form.addRow(self.reviews_text)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.chart, 1)
        right_layout.addWidget(self.reviews_section)

        self.plan_view = QWidget()
        columns = QHBoxLayout(self.plan_view)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(left, 2)
        columns.addWidget(right, 3)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self.plan_view)

        self.lay_out(
            [self.new_button, self.change_button],
            [self.empty, self.scroll],
            with_records=[self.scroll, self.change_button],
        )

        self.dialog = PlanDialog(store, runner, self)
        self.dialog.accepted.connect(self._plan_added)
        set_shown(self.scroll, False)

    # --- the person and their plan --------------------------------------------------------------

    def show_person(self, person_id: str) -> None:
        self._person_id = person_id
        self.confirmation.clear()
        self._reload()

    def _reload(self) -> None:
        plans = self._store.plans(self._person_id) if self._person_id else []
        self.plan = plans[0] if plans else None
        self.goals = self._store.goals(self._person_id) if self._person_id else []
        self.reviews = self._store.plan_reviews([self.plan.id])[self.plan.id] if self.plan else []
        self.show_records(self.plan is not None)
        if self.plan is None:
            self.chart.show_plan(None, [], self._today())
            return
        self._show_plan(self.plan)
        self._show_steps(self.plan)
        self._show_goals(self.plan)
        self._show_reviews()

    def _show_plan(self, plan: ProgressionPlan) -> None:
        today = self._today()
        self.summary.setText(plan_summary(plan))
        if today > plan.ends_on:
            when = f"Ran from {format_date(plan.starts_on)} to {format_date(plan.ends_on)}."
        elif today < plan.starts_on:
            when = f"Starts on {format_date(plan.starts_on)}."
        else:
            left = (plan.ends_on - today).days
            when = (
                f"Started on {format_date(plan.starts_on)}; "
                f"{left} day{'' if left == 1 else 's'} to go."
            )
        self.dates.setText(when)

    def _show_steps(self, plan: ProgressionPlan) -> None:
        clear_layout(self.steps_box)
        self.step_boxes = []
        for index, step in enumerate(plan.steps):
            box = named(QCheckBox(step_line(step)), f"Done: {step.words.strip()}")
            box.setChecked(step.done_on is not None)
            box.toggled.connect(lambda done, i=index: self.mark_step(i, done))
            self.step_boxes.append(box)
            self.steps_box.addWidget(box)
        if not plan.steps:
            self.steps_box.addWidget(hint_label("No smaller steps in this plan."))
        else:
            self.steps_box.addWidget(hint_label("Tick a step when it is done."))

    def _show_goals(self, plan: ProgressionPlan) -> None:
        clear_layout(self.goals_box)
        words = {goal.id: goal.words for goal in self.goals}
        linked = [words[goal_id] for goal_id in plan.goal_ids if goal_id in words]
        for said in linked:
            label = QLabel(quoted(said))
            label.setObjectName("quote")
            label.setWordWrap(True)
            self.goals_box.addWidget(label)
        if not linked:
            self.goals_box.addWidget(hint_label("No goals linked to this plan."))

    def _show_reviews(self) -> None:
        plan = self.plan
        assert plan is not None
        today = self._today()
        if self.reviews:
            last = self.reviews[-1]
            level, since = last.level, f"recorded {format_date(last.on)}"
        else:
            level, since = plan.start_level, "where the plan started; no reviews yet"
        self.now.setText(f"Now: step {level} — {step_words(level)} ({since})")
        self.level.setCurrentIndex(self.level.findData(level))
        self.record_hint.setText(f"Recorded as today, {format_date(today)}.")
        self.ladder.setText(ladder_key(level, plan.target_level))
        self.reviews_text.setText(
            "\n".join(review_line(review) for review in self.reviews)
            or "None yet: record where they are now at each review."
        )
        self.chart.show_plan(plan, self.reviews, today)

    # --- changes ----------------------------------------------------------------------------------

    def new_plan(self) -> None:
        self.dialog.start(self._person_id, self._store.goals(self._person_id), self._today())

    def change_plan(self) -> None:
        if self.plan is not None:
            goals = self._store.goals(self._person_id)
            self.dialog.start(self._person_id, goals, self._today(), self.plan)

    def _plan_added(self) -> None:
        plan = self.dialog.plan
        if plan is None:
            return
        self._reload()
        self.confirmation.setText(f"Progression plan saved: {plan_summary(plan)}.")

    def mark_step(self, index: int, done: bool) -> None:
        """Tick a step done today (or untick it), stored at once."""
        plan = self.plan
        if plan is None:
            return
        box = self.step_boxes[index]
        done_on = self._today() if done else None
        try:
            saved = self._runner.write_now(
                lambda: mark_step(self._store, plan, index, done_on), source=self
            )
        except Exception as problem:
            box.blockSignals(True)
            box.setChecked(not done)
            box.blockSignals(False)
            self.confirmation.setText(f"Step not saved. {failure_text(problem)} Try again.")
            return
        plan.steps, plan.stamp = saved.steps, saved.stamp
        box.setText(step_line(saved.steps[index]))
        what = "done" if done else "not done after all"
        self.confirmation.setText(f"Step marked {what}: {saved.steps[index].words}.")

    def record_review(self) -> None:
        """Store where the person is on the ladder today, and move the plan's level to it."""
        plan = self.plan
        if plan is None:
            return
        review = PlanReview(
            plan_id=plan.id,
            on=self._today(),
            level=self.level.currentData(),
            note=self.note.text().strip(),
        )
        try:
            self._runner.write_now(
                lambda: review_plan(self._store, self._person_id, review), source=self
            )
        except InvalidInput as problem:
            self.confirmation.setText(str(problem))
            return
        except Exception as problem:
            self.confirmation.setText(f"Not saved. {failure_text(problem)} Try again.")
            return
        self.reviews = self._store.plan_reviews([plan.id])[plan.id]
        self.note.clear()
        self._show_reviews()
        self.confirmation.setText(
            f"Recorded: step {review.level} — {step_words(review.level)}, "
            f"on {format_date(review.on)}."
        )
