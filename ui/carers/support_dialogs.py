"""The two dialogs of the carer support tab, and the small pieces they share: the offer of a
conversation of their own, and a review with the carer ("Do you feel supported?").

Kept apart from the tab so each stays readable; both store what they hold when accepted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QButtonGroup, QDialog, QHBoxLayout, QRadioButton, QVBoxLayout, QWidget

from assessor.carers import CarerOffer, CarerPlan, CarerReview, OfferResponse, Supported
from assessor.operations.carers import record_carer_offer, review_carer
from assessor.validation import InvalidInput, format_date_numeric, parse_date
from ui.kit.binding import ErrorLabel, optional_date
from ui.kit.clock import Today
from ui.kit.forms import (
    DATE_CHARS,
    Section,
    attempt,
    dialog_buttons,
    kept_once_recorded,
    line_edit,
    named,
    problem_label,
    text_edit,
)
from ui.kit.screen_fit import fit_dialog

if TYPE_CHECKING:
    from assessor.operations.store_port import CarerRecords
    from ui.kit.runner import Runner

T = TypeVar("T")


def beside(field: QWidget, error: ErrorLabel, read: Callable[[], T]) -> T:
    """Read a field; on a problem say it beside the field, move there, and raise again."""
    try:
        return read()
    except InvalidInput as problem:
        error.show_message(str(problem))
        field.setFocus()
        raise


class Choices(QWidget):
    """One answer from a few, as radio buttons (arrow keys move between them); none is chosen
    until the worker chooses, so an answer is never recorded by default."""

    def __init__(self, name: str, items: type[StrEnum], needed: str) -> None:
        super().__init__()
        named(self, name)
        self._needed = needed
        self.group = QButtonGroup(self)
        self.buttons: dict[Any, QRadioButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for item in items:
            button = named(QRadioButton(item.label), item.label)  # type: ignore[attr-defined]
            self.group.addButton(button)
            self.buttons[item] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.setFocusProxy(next(iter(self.buttons.values())))

    def value(self) -> Any:
        """The chosen answer; InvalidInput when none is chosen."""
        for item, button in self.buttons.items():
            if button.isChecked():
                return item
        raise InvalidInput(self._needed)

    def clear(self) -> None:
        self.group.setExclusive(False)
        for button in self.buttons.values():
            button.setChecked(False)
        self.group.setExclusive(True)


class OfferDialog(QDialog):
    """The offer of a conversation of their own, and what they said."""

    def __init__(self, store: CarerRecords, runner: Runner, today: Today, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Offer of a conversation of their own")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._store = store
        self._runner = runner
        self._today = today
        self.carer_id = ""
        self.offer: CarerOffer | None = None
        section = Section("Offer of a conversation of their own")
        self.on = line_edit("Date of the offer", "For example 23/11/2026", chars=DATE_CHARS)
        self.on_error = ErrorLabel(self.on)
        section.add("Date of the offer", self.on, self.on_error)
        self.response = Choices("What they said", OfferResponse, "Choose what they said.")
        self.response_error = ErrorLabel(self.response)
        section.add("What they said", self.response, self.response_error)
        self.note = text_edit("Offer note", lines=2)
        section.add("Note", self.note, hint="Optional: for example, when to ask again.")
        self.message = problem_label()
        section.form.addRow(kept_once_recorded("An offer", "Record the offer"))
        buttons, self.add_button = dialog_buttons(self, "Record the offer")
        layout = QVBoxLayout(self)
        layout.addWidget(section)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_dialog(self, outside=2)

    def start(self, carer_id: str) -> None:
        self.carer_id = carer_id
        self.offer = None
        self.on.setText(format_date_numeric(self._today()))
        self.response.clear()
        self.note.clear()
        for label in (self.on_error, self.response_error):
            label.show_message(None)
        self.message.hide()
        self.open()
        self.response.setFocus()

    def accept(self) -> None:
        for label in (self.on_error, self.response_error):
            label.show_message(None)
        self.message.hide()
        try:
            on = beside(self.on, self.on_error, lambda: parse_date(self.on.text()))
            response = beside(self.response, self.response_error, self.response.value)
            offer = CarerOffer(self.carer_id, on, response, self.note.toPlainText().strip())
            beside(self.on, self.on_error, lambda: offer.check(self._today()))
        except InvalidInput:
            return
        self.offer = attempt(
            lambda: self._runner.write_now(
                lambda: record_carer_offer(self._store, offer), source=self.parent()
            ),
            self.message,
        )
        if self.offer is not None:
            super().accept()


class ReviewDialog(QDialog):
    """A review with the carer: "Do you feel supported?", their words, and the next review."""

    def __init__(self, store: CarerRecords, runner: Runner, today: Today, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Review with the carer")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._store = store
        self._runner = runner
        self._today = today
        self.carer_id = ""
        self.plan: CarerPlan | None = None
        self.review: CarerReview | None = None
        self.section = Section("Review with the carer")
        self.on = line_edit("Date of the review", "For example 23/11/2026", chars=DATE_CHARS)
        self.on_error = ErrorLabel(self.on)
        self.section.add("Date of the review", self.on, self.on_error)
        self.supported = Choices("Do you feel supported?", Supported, "Choose yes, partly or no.")
        self.supported_error = ErrorLabel(self.supported)
        self.section.add("Do you feel supported?", self.supported, self.supported_error)
        self.words = text_edit("In their words", lines=3)
        self.words.setObjectName("ownWords")
        self.section.add(
            "In their words",
            self.words,
            hint="Write it as they said it; it is kept exactly and shown as a quotation.",
        )
        self.note = text_edit("Worker’s note", lines=2)
        self.section.add("Worker’s note", self.note)
        self.next_review = line_edit(
            "Next review by", "Optional, for example 23/05/2027", chars=DATE_CHARS
        )
        self.next_error = ErrorLabel(self.next_review)
        self.section.add(
            "Next review by",
            self.next_review,
            self.next_error,
            hint="Optional: sets the Review by date of their plan.",
        )
        self.message = problem_label()
        self.section.form.addRow(kept_once_recorded("A review", "Record review"))
        buttons, self.add_button = dialog_buttons(self, "Record review")
        layout = QVBoxLayout(self)
        layout.addWidget(self.section)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_dialog(self, outside=2)

    def errors(self) -> tuple[ErrorLabel, ...]:
        return (self.on_error, self.supported_error, self.next_error)

    def start(self, carer_id: str, plan: CarerPlan | None) -> None:
        """Empty, dated today; the next review is asked only when they have a plan."""
        self.carer_id = carer_id
        self.plan = plan
        self.review = None
        self.on.setText(format_date_numeric(self._today()))
        self.supported.clear()
        for field in (self.words, self.note):
            field.clear()
        self.next_review.clear()
        self.section.set_row_shown(self.next_review, plan is not None)
        for label in self.errors():
            label.show_message(None)
        self.message.hide()
        self.open()
        self.supported.setFocus()

    def accept(self) -> None:
        """Store the review (and the plan's next review date); on a problem keep everything
        typed and say what is wrong beside its field."""
        for label in self.errors():
            label.show_message(None)
        self.message.hide()
        try:
            on = beside(self.on, self.on_error, lambda: parse_date(self.on.text()))
            supported = beside(self.supported, self.supported_error, self.supported.value)
            next_review = beside(self.next_review, self.next_error, self._next_review)
            review = CarerReview(
                self.carer_id,
                on,
                supported,
                words=self.words.toPlainText().strip(),
                note=self.note.toPlainText().strip(),
            )
            beside(self.on, self.on_error, lambda: review.check(self._today()))
        except InvalidInput:
            return
        self.review = attempt(
            lambda: self._runner.write_now(
                lambda: review_carer(self._store, review, next_review), source=self.parent()
            ),
            self.message,
            lambda message: self.on_error.show_message(message),
        )
        if self.review is not None:
            super().accept()

    def _next_review(self) -> date | None:
        """Checked against the plan before anything is stored, so nothing is half-written."""
        if self.plan is None:
            return None
        review_on = optional_date(self.next_review.text())
        replace(self.plan, review_on=review_on).check()
        return review_on
