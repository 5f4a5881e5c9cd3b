"""The chosen goal's reviews, newest first, under the review panel: where a review entered by
mistake is marked, and where a marked one still reads, in words, why it no longer counts."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from assessor.goals import GAS_LEVELS, Review
from assessor.in_error import in_error_words, is_current
from assessor.validation import format_date
from ui.goals.goal_chart import signed
from ui.kit.forms import hint_label, named, set_shown
from ui.kit.in_error_dialog import in_error_action


def review_line(review: Review) -> str:
    """A review as the history lists it: when, the level, who; the note; any mark."""
    lines = [
        f"{format_date(review.on)} · {GAS_LEVELS[review.rating]} ({signed(review.rating)}) · "
        f"{review.reviewer.label}"
    ]
    if review.note.strip():
        lines.append(review.note.strip())
    if not is_current(review):
        lines.append(f"{in_error_words(review.in_error_reason)} (not counted)")
    return "\n".join(lines)


class ReviewHistory(QWidget):
    """Every review of the chosen goal, those entered in error included and said to be."""

    mark_asked = Signal(object)  # the Review to mark as entered in error

    def __init__(self) -> None:
        super().__init__()
        self._reviews: list[Review] = []
        self.list = named(QListWidget(), "Reviews of the chosen goal, newest first")
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 9)
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.none = hint_label("Not reviewed yet.")
        self.mark_action = in_error_action(
            self.list, "Mark this review as entered in error…", self._ask
        )
        self.mark_button = named(
            QPushButton("Review entered in error…"), "Mark the chosen review as entered in error"
        )
        self.mark_button.setToolTip(self.mark_action.text())
        self.mark_button.clicked.connect(self._ask)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Reviews so far</b>"))
        layout.addWidget(self.none)
        layout.addWidget(self.list)
        layout.addWidget(self.mark_button)

    def show_reviews(self, reviews: list[Review]) -> None:
        """`reviews` oldest first, as the store gives them; listed newest first."""
        self._reviews = list(reversed(reviews))
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([review_line(review) for review in self._reviews])
        self.list.setCurrentRow(0 if self._reviews else -1)
        self.list.blockSignals(False)
        set_shown(self.list, bool(self._reviews))
        set_shown(self.none, not self._reviews)
        self._enable()

    def chosen(self) -> Review | None:
        row = self.list.currentRow()
        return self._reviews[row] if 0 <= row < len(self._reviews) else None

    def _enable(self) -> None:
        review = self.chosen()
        self.mark_button.setEnabled(review is not None and is_current(review))

    def _ask(self) -> None:
        review = self.chosen()
        if review is not None and is_current(review):
            self.mark_asked.emit(review)
