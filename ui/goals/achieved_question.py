"""The question asked before a review on the day a goal was set marks it achieved: rarely true,
more often a level chosen by mistake. Yes stores the review as it was chosen; No stores it as in
progress (`assessor.goals.not_achieved_yet`); Escape stores nothing and keeps the rating."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from assessor.goals import GAS_LEVELS, Goal
from assessor.own_words import quoted
from ui.goals.goal_chart import signed
from ui.kit.forms import named

YES = "Yes, achieved"
NO = "No, still working on it"


def ask_achieved(
    parent: QWidget, name: str, goal: Goal, rating: int, answer: Callable[[bool], None]
) -> QMessageBox:
    """Ask whether `name` has really achieved `goal` already; `answer(True or False)` follows
    Yes or No. Opened window-modal, so the app keeps running; returns the question."""
    question = QMessageBox(parent)
    question.setIcon(QMessageBox.Icon.Question)
    question.setWindowTitle("Achieved already?")
    question.setText(f"Has {name} really achieved this goal already?")
    question.setInformativeText(
        f"{quoted(goal.words)} was set today, and {GAS_LEVELS[rating].lower()} "
        f"({signed(rating)}) marks it achieved.\n\n{YES}: saved as achieved.\n{NO}: saved as in "
        f"progress, {GAS_LEVELS[-1].lower()} ({signed(-1)})."
    )
    yes = named(question.addButton(YES, QMessageBox.ButtonRole.YesRole), YES)
    no = named(question.addButton(NO, QMessageBox.ButtonRole.NoRole), NO)
    question.addButton(QMessageBox.StandardButton.Cancel)
    question.setDefaultButton(no)
    question.setEscapeButton(QMessageBox.StandardButton.Cancel)
    question.setAccessibleName(f"Has {name} really achieved this goal already?")

    def answered(button: object) -> None:
        if button is yes or button is no:
            answer(button is yes)

    question.buttonClicked.connect(answered)
    question.open()
    return question
