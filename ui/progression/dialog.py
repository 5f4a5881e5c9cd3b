"""The dialog for a new progression plan, or a change to one, with its rows of smaller steps.

Split from the progression tab: it checks and stores one plan, and the tab only opens it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from assessor.goals import Goal
from assessor.operations.progression import add_plan, change_plan
from assessor.own_words import quoted
from assessor.progression import (
    LADDER,
    LONGEST_MONTHS,
    SHORTEST_MONTHS,
    PlanStep,
    ProgressionPlan,
    months_between,
    months_later,
)
from assessor.validation import InvalidInput, format_date, format_date_numeric, parse_date
from ui.kit.binding import ErrorLabel, optional_date
from ui.kit.forms import (
    Section,
    attempt,
    dialog_buttons,
    hint_label,
    line_edit,
    named,
    problem_label,
)
from ui.kit.screen_fit import refit_on_show
from ui.progression.widgets import clear_layout, ladder_combo

if TYPE_CHECKING:
    from assessor.operations.store_port import ProgressionRecords
    from ui.kit.runner import Runner


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

    def __init__(self, store: ProgressionRecords, runner: Runner, parent: QWidget) -> None:
        super().__init__(parent)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)
        self._store = store
        self._runner = runner
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
        refit_on_show(self, QSize(self.minimumWidth(), self.fontMetrics().height() * 40))

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
        """Stored before the dialog closes; the tab that opened it shows the result."""
        editing = self._editing
        if editing is None:
            return self._runner.write_now(lambda: add_plan(self._store, plan), source=self.parent())
        return self._runner.write_now(
            lambda: change_plan(self._store, editing, plan), source=self.parent()
        )

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
