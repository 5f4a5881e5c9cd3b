"""The dialog for a new goal, or a change to one.

Split from the goals tab: it checks and stores one goal, and the tab only opens it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialog, QVBoxLayout, QWidget

from assessor.goals import GAS_LEVELS, Goal, GoalKind
from assessor.operations.goals import add_goal, change_goal
from assessor.validation import InvalidInput
from ui.goals.goal_chart import signed
from ui.kit.binding import ErrorLabel, chosen, optional_date, show_date
from ui.kit.clock import Today
from ui.kit.forms import (
    Section,
    attempt,
    dialog_buttons,
    line_edit,
    named,
    problem_label,
    text_edit,
)
from ui.kit.screen_fit import fit_dialog

if TYPE_CHECKING:
    from assessor.operations.store_port import GoalRecords
    from ui.kit.runner import Runner


class GoalDialog(QDialog):
    """A new goal, or a change to one: stored on Add goal or Save changes, or kept on screen
    with what is wrong."""

    def __init__(
        self, worker: str, store: GoalRecords, runner: Runner, today: Today, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self._worker = worker
        self._store = store
        self._runner = runner
        self.person_id = ""
        self.goal: Goal | None = None
        self._editing: Goal | None = None
        section = Section("The goal, as they put it")
        self.words = text_edit("The goal in their words (needed)", lines=2)
        self.words.setObjectName("ownWords")
        self.words_error = ErrorLabel(self.words)
        section.add(
            "The goal in their words (needed)",
            self.words,
            self.words_error,
            hint="Write it as they said it; it is kept exactly and shown as a quotation.",
        )
        self.kind = named(QComboBox(), "Kind of goal")
        for kind in GoalKind:
            self.kind.addItem(kind.label, kind)
        section.add("Kind of goal", self.kind)
        self.set_by = line_edit("Set by", "Who set the goal with them")
        section.add("Set by", self.set_by)
        self.target_date = line_edit("Target date", "For example 23/11/2026")
        self.target_error = ErrorLabel(self.target_date)
        section.add(
            "Target date", self.target_date, self.target_error, hint="Optional: leave it empty."
        )
        self.expected = text_edit("What as expected looks like", lines=2)
        section.add(
            "What ‘as expected’ looks like",
            self.expected,
            hint="What they will be doing when the goal is met as expected: 0 on the scale.",
        )
        self.baseline = named(QComboBox(), "Where they start")
        for rating in (-1, -2):
            self.baseline.addItem(f"{signed(rating)}  {GAS_LEVELS[rating]}", rating)
        section.add(
            "Where they start",
            self.baseline,
            hint="Usually −1. Choose −2 if things could hardly be worse than they are now.",
        )
        self.message = problem_label()
        buttons, self.add_button = dialog_buttons(self, "Add goal")
        layout = QVBoxLayout(self)
        layout.addWidget(section)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_dialog(self, outside=2)

    def start(self, person_id: str, goal: Goal | None = None) -> None:
        """Show the dialog for a new goal, or filled from `goal` to change it, with the cursor
        in the goal's words."""
        self.person_id = person_id
        self.goal = None
        self._editing = goal
        self.setWindowTitle("Change goal" if goal else "New goal")
        self.add_button.setText("Save changes" if goal else "Add goal")
        self.add_button.setAccessibleName(self.add_button.text())
        self.words.setPlainText(goal.words if goal else "")
        self.kind.setCurrentIndex(self.kind.findData(goal.kind if goal else GoalKind.OWN))
        self.set_by.setText(goal.set_by if goal else self._worker)
        self.target_date.setText(show_date(goal.target_date) if goal else "")
        self.expected.setPlainText(goal.expected if goal else "")
        self.baseline.setCurrentIndex(self.baseline.findData(goal.baseline if goal else -1))
        for label in (self.words_error, self.target_error):
            label.show_message(None)
        self.message.hide()
        self.open()
        self.words.setFocus()

    def accept(self) -> None:
        """Store the goal; on a problem say what it is beside its field and stay open."""
        for label in (self.words_error, self.target_error):
            label.show_message(None)
        self.message.hide()
        try:
            target = optional_date(self.target_date.text())
        except InvalidInput as problem:
            self.target_error.show_message(str(problem))
            self.target_date.setFocus()
            return
        goal = Goal(
            person_id=self.person_id,
            words=self.words.toPlainText(),
            set_on=self._editing.set_on if self._editing else self._today(),
            set_by=self.set_by.text().strip(),
            kind=chosen(self.kind, GoalKind) or GoalKind.OWN,
            target_date=target,
            expected=self.expected.toPlainText().strip(),
            baseline=self.baseline.currentData(),
        )
        self.goal = attempt(
            lambda: self._store_goal(goal), self.message, lambda m: self._show_problem(goal, m)
        )
        if self.goal is not None:
            super().accept()

    def _store_goal(self, goal: Goal) -> Goal:
        """Now, not in the background: the dialog closes only once the goal is stored. The
        tab that opened it shows the goal itself, so it is named as the change's source."""
        editing = self._editing
        if editing is None:
            return self._runner.write_now(lambda: add_goal(self._store, goal), source=self.parent())
        return self._runner.write_now(
            lambda: change_goal(self._store, editing, goal), source=self.parent()
        )

    def _show_problem(self, goal: Goal, message: str) -> None:
        if not goal.words.strip():
            self.words_error.show_message(message)
            self.words.setFocus()
        elif goal.target_date is not None and goal.target_date < goal.set_on:
            self.target_error.show_message(message)
            self.target_date.setFocus()
        else:
            self.message.setText(message)
            self.message.show()
