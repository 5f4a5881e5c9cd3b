"""The progression plan: from the support the person has now towards more independence.

With no plan yet the tab explains what one is and offers New progression plan. With a plan it
shows the newest: where the person started and hopes to be on the ladder, by when, its smaller
steps (each ticked off when done), the goals that belong to it, recording where the person is now,
the reviews so far, and a chart of the planned and actual path. Each change is stored the moment
it is made: one store call each, nothing waits to be saved.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from assessor.conflicts import revised, revision_of
from assessor.goals import Goal
from assessor.progression import (
    LADDER,
    LONGEST_MONTHS,
    PLAN_FIELDS,
    SHORTEST_MONTHS,
    PlanReview,
    PlanStep,
    ProgressionPlan,
    months_between,
)
from assessor.validation import InvalidInput, format_date, format_date_numeric, parse_date
from ui.binding import ErrorLabel, optional_date
from ui.forms import (
    Section,
    attempt,
    dialog_buttons,
    failure_text,
    hint_label,
    line_edit,
    named,
    problem_label,
    record_actions,
    set_shown,
)
from ui.progression_chart import ProgressionChart

if TYPE_CHECKING:
    from db.store import Store

EXPLANATION = (
    "No progression plan yet. Everyone with a long-term condition has one: the progress the "
    "person might make over the next six to twelve months, from the support they have now "
    "towards more independence. It is agreed with the person on a ladder of six steps, from "
    "“I need help with most things, every day” (step 1) to “I manage on my own, and know where "
    "to get help if I need it” (step 6)."
)


def step_words(level: int) -> str:
    """A ladder step's words without the full stop, to sit inside a sentence."""
    return LADDER[level].rstrip(".")


def ladder_option(level: int) -> str:
    """A ladder step as a list offers it: "2 — I need help with many things, most days"."""
    return f"{level} — {step_words(level)}"


def plan_summary(plan: ProgressionPlan) -> str:
    """ "From step 2 — I need help with many things, most days — towards step 5 by 1 Aug 2027"."""
    return (
        f"From step {plan.start_level} — {step_words(plan.start_level)} — towards step "
        f"{plan.target_level} by {format_date(plan.ends_on)}"
    )


def ladder_key(now: int, hoped: int) -> str:
    """The six steps in words, top down, with where the person is now and hopes to be."""
    lines = ["The ladder (step 6 is the most independent):"]
    for level in sorted(LADDER, reverse=True):
        marks = [m for m, at in (("now", now), ("hoped for", hoped)) if at == level]
        mark = f"  ← {' and '.join(marks)}" if marks else ""
        lines.append(f"{level}  {step_words(level)}{mark}")
    return "\n".join(lines)


def quoted(words: str) -> str:
    return f"“{words.strip()}”"


def months_later(start: date, months: int) -> date:
    """The same day `months` on; where that month is too short, the 1st of the month after."""
    total = start.month - 1 + months
    year, month = start.year + total // 12, total % 12 + 1
    if start.day <= calendar.monthrange(year, month)[1]:
        return date(year, month, start.day)
    return date(year + month // 12, month % 12 + 1, 1)


def step_line(step: PlanStep) -> str:
    parts = [step.words.strip()]
    if step.due_on:
        parts.append(f"by {format_date(step.due_on)}")
    if step.done_on:
        parts.append(f"done {format_date(step.done_on)}")
    return " · ".join(parts)


def review_line(review: PlanReview) -> str:
    line = f"{format_date(review.on)}: step {review.level} — {step_words(review.level)}"
    return f"{line}. {quoted(review.note)}" if review.note.strip() else line


def ladder_combo(name: str) -> QComboBox:
    combo = named(QComboBox(), name)
    for level in LADDER:
        combo.addItem(ladder_option(level), level)
    return combo


def clear_layout(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()


class StepRow(QWidget):
    """One smaller step in the dialog: its words, an optional date, and Remove."""

    def __init__(self, remove: Callable[[StepRow], None]) -> None:
        super().__init__()
        self.words = QLineEdit()
        self.words.setPlaceholderText("What the person will do, in plain words")
        self.due = QLineEdit()
        self.due.setPlaceholderText("Due by, if set")
        self.due.setMinimumWidth(self.fontMetrics().averageCharWidth() * 18)
        self.due.setMaximumWidth(self.fontMetrics().averageCharWidth() * 22)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(lambda: remove(self))
        self.due_error = ErrorLabel(self.due)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(self.words, 1)
        row.addWidget(self.due)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        layout.addWidget(self.due_error)

    def number(self, number: int) -> None:
        named(self.words, f"Step {number}: what it is")
        named(self.due, f"Step {number}: due by")
        named(self.remove_button, f"Remove step {number}")

    def is_blank(self) -> bool:
        return not self.words.text().strip() and not self.due.text().strip()


class PlanDialog(QDialog):
    """A new plan: stored when Save plan is pressed, or kept on screen with what is wrong."""

    def __init__(self, store: Store, parent: QWidget) -> None:
        super().__init__(parent)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)
        self._store = store
        self._editing: ProgressionPlan | None = None
        self.person_id = ""
        self.plan: ProgressionPlan | None = None
        self.step_rows: list[StepRow] = []
        self.goal_boxes: list[tuple[QCheckBox, Goal]] = []

        section = Section("The plan, agreed with the person")
        self.starts_on = line_edit("Starts on", "For example 23/11/2026")
        self.starts_error = ErrorLabel(self.starts_on)
        section.add("Starts on", self.starts_on, self.starts_error)
        self.ends_on = line_edit("Ends on", "For example 23/05/2027")
        self.ends_error = ErrorLabel(self.ends_on)
        section.add(
            "Ends on",
            self.ends_on,
            self.ends_error,
            hint=f"A plan runs for {SHORTEST_MONTHS} to {LONGEST_MONTHS} months.",
        )
        self.start_level = ladder_combo("Where they are now")
        section.add("Where they are now", self.start_level)
        self.target_level = ladder_combo("Where they hope to be")
        self.target_error = ErrorLabel(self.target_level)
        section.add(
            "Where they hope to be",
            self.target_level,
            self.target_error,
            hint="A higher step than where they are now.",
        )
        self.start_level.activated.connect(self._start_chosen)

        steps = Section("Smaller steps towards it")
        self.steps_box = QVBoxLayout()
        self.steps_box.setContentsMargins(0, 0, 0, 0)
        holder = QWidget()
        holder.setLayout(self.steps_box)
        steps.form.addRow(holder)
        self.add_step_button = named(QPushButton("Add a step"), "Add a step")
        self.add_step_button.clicked.connect(lambda: self.add_step().words.setFocus())
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_step_button)
        add_row.addWidget(hint_label("Dates are optional; blank steps are left out."), 1)
        steps.form.addRow(add_row)

        goals = Section("Goals that belong to it")
        self.goals_box = QVBoxLayout()
        self.goals_box.setContentsMargins(0, 0, 0, 0)
        goals_holder = QWidget()
        goals_holder.setLayout(self.goals_box)
        goals.form.addRow(goals_holder)

        self.message = problem_label()
        buttons, self.save_button = dialog_buttons(self, "Save plan")

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(section)
        content_layout.addWidget(steps)
        content_layout.addWidget(goals)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(self.minimumWidth(), self.fontMetrics().height() * 40)

    # --- steps ----------------------------------------------------------------------------------

    def add_step(self, words: str = "", due: str = "") -> StepRow:
        row = StepRow(self.remove_step)
        row.words.setText(words)
        row.due.setText(due)
        self.step_rows.append(row)
        self.steps_box.addWidget(row)
        self._number_steps()
        return row

    def remove_step(self, row: StepRow) -> None:
        index = self.step_rows.index(row)
        self.step_rows.remove(row)
        self.steps_box.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._number_steps()
        if self.step_rows:
            self.step_rows[min(index, len(self.step_rows) - 1)].words.setFocus()
        else:
            self.add_step_button.setFocus()

    def _number_steps(self) -> None:
        for number, row in enumerate(self.step_rows, start=1):
            row.number(number)

    def _start_chosen(self) -> None:
        """Keep the hoped-for step above where they are now, when it can be."""
        start = self.start_level.currentData()
        if self.target_level.currentData() <= start < max(LADDER):
            self.target_level.setCurrentIndex(self.target_level.findData(start + 1))

    # --- showing and saving ---------------------------------------------------------------------

    def start(
        self,
        person_id: str,
        goals: Sequence[Goal],
        today: date,
        plan: ProgressionPlan | None = None,
    ) -> None:
        """Show the dialog for a new plan (today to six months on, one blank step), or filled
        from `plan` to change it."""
        self.person_id = person_id
        self.plan = None
        self._editing = plan
        self.setWindowTitle("Change progression plan" if plan else "New progression plan")
        starts = plan.starts_on if plan else today
        ends = plan.ends_on if plan else months_later(today, SHORTEST_MONTHS)
        self.starts_on.setText(format_date_numeric(starts))
        self.ends_on.setText(format_date_numeric(ends))
        self.start_level.setCurrentIndex(self.start_level.findData(plan.start_level if plan else 2))
        self.target_level.setCurrentIndex(
            self.target_level.findData(plan.target_level if plan else 3)
        )
        for row in list(self.step_rows):
            self.steps_box.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.step_rows = []
        for step in plan.steps if plan else [PlanStep("")]:
            self.add_step(step.words, format_date_numeric(step.due_on) if step.due_on else "")
        clear_layout(self.goals_box)
        self.goal_boxes = []
        for goal in goals:
            box = named(QCheckBox(quoted(goal.words)), f"Belongs to the plan: {quoted(goal.words)}")
            box.setChecked(plan is not None and goal.id in plan.goal_ids)
            self.goal_boxes.append((box, goal))
            self.goals_box.addWidget(box)
        if not goals:
            self.goals_box.addWidget(
                hint_label("No goals yet: add them on the Goals tab, then link them here.")
            )
        self._clear_messages()
        self.open()
        self.start_level.setFocus()

    def _clear_messages(self) -> None:
        for label in (self.starts_error, self.ends_error, self.target_error):
            label.show_message(None)
        for row in self.step_rows:
            row.due_error.show_message(None)
        self.message.hide()

    def _date(self, edit: QLineEdit, error: ErrorLabel, what: str) -> date | None:
        text = edit.text()
        try:
            if not text.strip():
                raise InvalidInput(f"Write the day the plan {what}, for example 23/11/2026.")
            return parse_date(text)
        except InvalidInput as problem:
            error.show_message(str(problem))
            edit.setFocus()
            return None

    def _steps(self) -> list[PlanStep] | None:
        steps = []
        for row in self.step_rows:
            if row.is_blank():
                continue
            try:
                due = optional_date(row.due.text())
            except InvalidInput as problem:
                row.due_error.show_message(str(problem))
                row.due.setFocus()
                return None
            steps.append(PlanStep(words=row.words.text().strip(), due_on=due))
        return steps

    def accept(self) -> None:
        """Store the plan; on a problem say what it is beside its field and stay open."""
        self._clear_messages()
        starts = self._date(self.starts_on, self.starts_error, "starts")
        ends = self._date(self.ends_on, self.ends_error, "ends")
        steps = self._steps()
        if starts is None or ends is None or steps is None:
            return
        if ends <= starts:
            self.ends_error.show_message(
                f"The plan would end on {format_date(ends)}, before it starts on "
                f"{format_date(starts)}: check the dates."
            )
            self.ends_on.setFocus()
            return
        plan = ProgressionPlan(
            person_id=self.person_id,
            starts_on=starts,
            ends_on=ends,
            start_level=self.start_level.currentData(),
            target_level=self.target_level.currentData(),
            steps=steps,
            goal_ids=[goal.id for box, goal in self.goal_boxes if box.isChecked()],
        )
        self.plan = attempt(
            lambda: self._store_plan(plan), self.message, lambda m: self._show_problem(plan, m)
        )
        if self.plan is not None:
            super().accept()

    def _store_plan(self, plan: ProgressionPlan) -> ProgressionPlan:
        if self._editing is None:
            return self._store.add_plan(plan)
        done = {step.words: step.done_on for step in self._editing.steps}
        steps = [replace(step, done_on=done.get(step.words)) for step in plan.steps]
        changes = {name: getattr(plan, name) for name in PLAN_FIELDS} | {"steps": steps}
        editing = self._editing
        revision = self._store.update_plan(editing.id, changes, revision_of(editing))
        return revised(replace(editing, **changes), revision)

    def _show_problem(self, plan: ProgressionPlan, message: str) -> None:
        if plan.target_level <= plan.start_level:
            self.target_error.show_message(message)
            self.target_level.setFocus()
        elif not SHORTEST_MONTHS <= months_between(plan.starts_on, plan.ends_on) <= LONGEST_MONTHS:
            self.ends_error.show_message(message)
            self.ends_on.setFocus()
        else:
            self.message.setText(message)
            self.message.show()


class ProgressionTab(QWidget):
    """The person's newest progression plan, or how to start one.

    `changed` is emitted after a plan, a step ticked off or a review is stored.
    """

    changed = Signal()

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store
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
        top, self.confirmation = record_actions(self.new_button, self.change_button)

        self.empty = QLabel(EXPLANATION)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
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

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.scroll, 1)

        self.dialog = PlanDialog(self._store, self)
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
        set_shown(self.empty, self.plan is None)
        set_shown(self.scroll, self.plan is not None)
        set_shown(self.change_button, self.plan is not None)
        if self.plan is None:
            self.chart.show_plan(None, [], date.today())
            return
        self._show_plan(self.plan)
        self._show_steps(self.plan)
        self._show_goals(self.plan)
        self._show_reviews()

    def _show_plan(self, plan: ProgressionPlan) -> None:
        today = date.today()
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
        today = date.today()
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
        self.dialog.start(self._person_id, self._store.goals(self._person_id), date.today())

    def change_plan(self) -> None:
        if self.plan is not None:
            goals = self._store.goals(self._person_id)
            self.dialog.start(self._person_id, goals, date.today(), self.plan)

    def _plan_added(self) -> None:
        plan = self.dialog.plan
        if plan is None:
            return
        self._reload()
        self.confirmation.setText(f"Progression plan saved: {plan_summary(plan)}.")
        self.changed.emit()

    def mark_step(self, index: int, done: bool) -> None:
        """Tick a step done today (or untick it), stored at once."""
        plan = self.plan
        if plan is None:
            return
        steps = [replace(step) for step in plan.steps]
        steps[index].done_on = date.today() if done else None
        box = self.step_boxes[index]
        try:
            revision = self._store.update_plan(plan.id, {"steps": steps}, revision_of(plan))
        except Exception as problem:
            box.blockSignals(True)
            box.setChecked(not done)
            box.blockSignals(False)
            self.confirmation.setText(f"Step not saved. {failure_text(problem)} Try again.")
            return
        plan.steps = steps
        plan.stamp = revised(plan, revision).stamp
        box.setText(step_line(steps[index]))
        what = "done" if done else "not done after all"
        self.confirmation.setText(f"Step marked {what}: {steps[index].words}.")
        self.changed.emit()

    def record_review(self) -> None:
        """Store where the person is on the ladder today, and move the plan's level to it."""
        plan = self.plan
        if plan is None:
            return
        review = PlanReview(
            plan_id=plan.id,
            on=date.today(),
            level=self.level.currentData(),
            note=self.note.text().strip(),
        )
        try:
            self._store.add_plan_review(review)
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
        self.changed.emit()
