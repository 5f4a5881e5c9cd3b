"""The review panel beside the goals list: the five levels, who reviews, their score and a note.

Split from the goals tab: it only lays out the controls; the tab decides what they do.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from assessor.goals import GAS_LEVELS, Reviewer
from ui.goals.goal_chart import signed
from ui.kit.forms import Section, hint_label, kept_once_recorded, line_edit, named


def level_line(rating: int) -> str:
    """A level as the review panel lists it: its key, its words and its number."""
    return f"{rating + 3}  {GAS_LEVELS[rating]} ({signed(rating)})"


class ReviewPanel(Section):
    """The five levels, who is reviewing, their own score, a note, and Record review."""

    def __init__(self) -> None:
        super().__init__("Review the chosen goal", label_chars=0)
        self.goal_words = QLabel()
        self.goal_words.setObjectName("quote")
        self.goal_words.setWordWrap(True)
        self.form.addRow(self.goal_words)
        self.form.addRow(
            hint_label(
                "With the goals list in use: press 1 to 5 for where they are now, then Enter to "
                "record it. Escape cancels. The note and their own score are optional."
            )
        )
        levels = QWidget()
        named(levels, "Where they are now")
        levels_layout = QVBoxLayout(levels)
        levels_layout.setContentsMargins(0, 0, 0, 0)
        levels_layout.setSpacing(2)
        self.group = QButtonGroup(self)
        self.levels: dict[int, QRadioButton] = {}
        for rating in sorted(GAS_LEVELS):
            radio = named(QRadioButton(level_line(rating)), level_line(rating))
            radio.setProperty("chosen", False)  # set before it is styled: the tab restyles it
            self.group.addButton(radio)
            self.levels[rating] = radio
            levels_layout.addWidget(radio)
        self.form.addRow(QLabel("<b>Where they are now</b>"))
        self.form.addRow(levels)
        self.chosen_text = QLabel()
        self.chosen_text.setAccessibleName("Rating chosen")
        self.chosen_text.setWordWrap(True)
        self.form.addRow(self.chosen_text)
        self.reviewer = named(QComboBox(), "Reviewed by")
        for reviewer in Reviewer:
            self.reviewer.addItem(reviewer.label, reviewer)
        self.add("Reviewed by", self.reviewer)
        self.self_rating = named(QComboBox(), "Their own score, out of 10")
        self.self_rating.addItem("Not given", None)
        for score in range(1, 11):
            self.self_rating.addItem(str(score), score)
        self.add(
            "Their own score",
            self.self_rating,
            hint="Out of 10, if they give one: 1 is far from the goal, 10 is there.",
        )
        self.note = line_edit("Review note", "Optional")
        self.add("Note", self.note)
        self.save_button = named(QPushButton("Record review"), "Record review")
        self.cancel_button = named(QPushButton("Cancel rating"), "Cancel rating")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        self.form.addRow(kept_once_recorded("A review", "Record review"))
        self.form.addRow(buttons)
