"""The outcome at two or six weeks of an episode of short-term help, as a section of the tab.

Kept apart from the tab: it holds its own fields, the due date in words and when "why early"
is asked; the tab stores what it holds.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from assessor.in_error import in_error_words
from assessor.short_term import Episode, HelpOutcome
from assessor.validation import InvalidInput, format_date, format_date_numeric, parse_date
from ui.kit.binding import ErrorLabel
from ui.kit.clock import Today
from ui.kit.forms import Section, hint_label, kept_once_recorded, line_edit, named, set_shown

WEEKS_IN_WORDS = {2: "two", 6: "six"}


class OutcomeBox(Section):
    """The outcome at two or six weeks: what happened, when recorded, and why if early."""

    def __init__(self, weeks: int, today: Today) -> None:
        super().__init__(f"Outcome at {weeks} weeks")
        self.weeks = weeks
        self._today = today
        self.due = today()
        self.due_text = hint_label("")
        self.form.addRow(self.due_text)
        self.in_error_text = hint_label("")
        self.in_error_text.setAccessibleName(f"{weeks}-week outcome entered in error")
        self.form.addRow(self.in_error_text)
        self.outcome = named(QComboBox(), f"{weeks}-week outcome")
        self.outcome.addItem("Not recorded yet", None)
        for outcome in HelpOutcome:
            self.outcome.addItem(outcome.label, outcome)
        self.outcome_error = ErrorLabel(self.outcome)
        self.add("Outcome", self.outcome, self.outcome_error)
        self.recorded_on = line_edit(f"Date the {weeks}-week outcome was recorded", "23/11/2026")
        self.recorded_error = ErrorLabel(self.recorded_on)
        self.add("Date recorded", self.recorded_on, self.recorded_error)
        self.why_early = line_edit(
            f"Why the {weeks}-week outcome is recorded early", "For example, went into hospital"
        )
        self.early_error = ErrorLabel(self.why_early)
        self.early_hint = hint_label("")
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.setSpacing(2)
        below_layout.addWidget(self.early_error)
        below_layout.addWidget(self.early_hint)
        self.add("Why before it is due", self.why_early, below)
        self._early_row = self.form.rowCount() - 1
        record = f"Record {weeks}-week outcome"
        self.save_button = named(QPushButton(record), record)
        self.form.addRow(kept_once_recorded("An outcome", record))
        self.mark_button = named(
            QPushButton("Outcome entered in error…"),
            f"Mark the recorded {weeks}-week outcome as entered in error",
        )
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.mark_button)
        row.addStretch(1)
        self.form.addRow(row)
        self.recorded_on.textChanged.connect(self._date_typed)

    def load(self, episode: Episode) -> None:
        """Fill the fields from the episode: what is stored, or today for a new outcome."""
        outcome, recorded_on, because = episode.outcome(self.weeks)
        self.show_due(episode)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(outcome)))
        self.why_early.setText(because)
        self.recorded_on.setText(format_date_numeric(recorded_on or self._today()))
        for label in self.errors():
            label.show_message(None)
        self._date_typed(self.recorded_on.text())

    def show_due(self, episode: Episode) -> None:
        self.due = episode.due_on(self.weeks)
        start = (
            "help first arrived"
            if episode.first_help_at
            else "it was asked for (until help arrives)"
        )
        due = f"Due {format_date(self.due)}: {WEEKS_IN_WORDS[self.weeks]} weeks after {start}."
        outcome, recorded_on, _because = episode.outcome(self.weeks)
        if outcome is not None and recorded_on is not None:
            due = (
                f"Recorded {format_date(recorded_on)}: {outcome.label}. {due} "
                "Change it below if it was wrong."
            )
        self.due_text.setText(due)
        marked = episode.outcome_in_error(self.weeks)
        self.in_error_text.setText(
            f"{in_error_words(marked)}: it no longer counts; record the outcome afresh below."
            if marked
            else ""
        )
        set_shown(self.in_error_text, bool(marked))
        self.mark_button.setEnabled(outcome is not None)
        self.early_hint.setText(
            f"Needed because the date recorded is before the due date, {format_date(self.due)}."
        )
        self._date_typed(self.recorded_on.text())

    def beside(self, field: str) -> Callable[[str], None]:
        """Shows a message beside `field` (as `record_outcome` names it), with the cursor there."""
        error, widget = {
            "outcome": (self.outcome_error, self.outcome),
            "recorded_on": (self.recorded_error, self.recorded_on),
            "why_early": (self.early_error, self.why_early),
        }[field]

        def show(message: str) -> None:
            if field == "why_early":
                self.show_early(True)
            error.show_message(message)
            widget.setFocus()

        return show

    def errors(self) -> tuple[ErrorLabel, ...]:
        return (self.outcome_error, self.recorded_error, self.early_error)

    def early_shown(self) -> bool:
        return self.form.isRowVisible(self._early_row)

    def show_early(self, shown: bool) -> None:
        if self.early_shown() != shown:
            self.form.setRowVisible(self._early_row, shown)

    def _date_typed(self, text: str) -> None:
        """ "Why early" is asked only for a date before the due date (a half-typed date leaves
        it as it is)."""
        try:
            recorded_on = parse_date(text)
        except InvalidInput:
            return
        self.show_early(recorded_on < self.due)
