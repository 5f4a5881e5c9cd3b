"""The two dialogs of the short-term help tab: a new (or corrected) episode, and a weekly review.

Kept apart from the tab so each stays readable; both store what they hold when accepted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QVBoxLayout, QWidget

from assessor.goals import Goal, Reviewer
from assessor.operations.short_term import add_episode, change_episode, review_episode
from assessor.own_words import quoted
from assessor.short_term import Episode, EpisodeReview, HelpKind
from assessor.short_term_wording import format_date_time, not_in_future, parse_date_time
from assessor.validation import InvalidInput, format_date_numeric, parse_date
from ui.kit.binding import ErrorLabel, chosen
from ui.kit.clock import Now, Today
from ui.kit.forms import (
    Section,
    attempt,
    dialog_buttons,
    hint_label,
    line_edit,
    named,
    problem_label,
    set_shown,
    text_edit,
)
from ui.kit.screen_fit import fit_dialog

if TYPE_CHECKING:
    from assessor.operations.store_port import ShortTermRecords
    from ui.kit.runner import Runner


# --- a new episode ------------------------------------------------------------------------------


class EpisodeDialog(QDialog):
    """New short-term help, or a correction to it: stored when Add or Save is pressed, or kept
    on screen with what is wrong."""

    def __init__(self, store: ShortTermRecords, runner: Runner, now: Now, parent: QWidget) -> None:
        super().__init__(parent)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._store = store
        self._runner = runner
        self._now = now
        self.person_id = ""
        self.episode: Episode | None = None
        self._editing: Episode | None = None
        section = Section("Short-term help")
        self.kind = named(QComboBox(), "Kind of short-term help")
        for kind in HelpKind:
            self.kind.addItem(kind.label, kind)
        section.add("Kind of help", self.kind)
        self.provider = line_edit("Who provides it", "For example the reablement team")
        section.add("Who provides it", self.provider)
        self.asked_at = line_edit("When it was asked for, date and time", "23/11/2026 14:30")
        self.asked_error = ErrorLabel(self.asked_at)
        section.add(
            "When it was asked for",
            self.asked_at,
            self.asked_error,
            hint="Date and time, for example 23/11/2026 14:30. The 48 hours count from here.",
        )
        self.first_help_at = line_edit("When help first arrived, date and time", "Optional")
        self.first_help_error = ErrorLabel(self.first_help_at)
        section.add(
            "When help first arrived",
            self.first_help_at,
            self.first_help_error,
            hint="Optional: leave it empty until help has started.",
        )
        self.message = problem_label()
        buttons, self.add_button = dialog_buttons(self, "Add short-term help")
        layout = QVBoxLayout(self)
        layout.addWidget(section)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_dialog(self, outside=2)

    def start(self, person_id: str, episode: Episode | None = None) -> None:
        """Show the dialog empty for this person, asked for now, or filled from `episode` to
        correct it; the cursor starts on the kind."""
        self.person_id = person_id
        self.episode = None
        self._editing = episode
        self.setWindowTitle("Change short-term help" if episode else "New short-term help")
        self.add_button.setText("Save changes" if episode else "Add short-term help")
        self.add_button.setAccessibleName(self.add_button.text())
        kind = episode.kind if episode else HelpKind.REABLEMENT
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.provider.setText(episode.provider if episode else "")
        self.asked_at.setText(format_date_time(episode.asked_at if episode else self._now()))
        first = episode.first_help_at if episode else None
        self.first_help_at.setText(format_date_time(first) if first else "")
        for label in (self.asked_error, self.first_help_error):
            label.show_message(None)
        self.message.hide()
        self.open()
        self.kind.setFocus()

    def accept(self) -> None:
        for label in (self.asked_error, self.first_help_error):
            label.show_message(None)
        self.message.hide()
        now = self._now()
        try:
            asked_at = not_in_future(
                parse_date_time(self.asked_at.text()), "When it was asked for", now
            )
        except InvalidInput as problem:
            self.asked_error.show_message(str(problem))
            self.asked_at.setFocus()
            return
        try:
            first_help_at = None
            if self.first_help_at.text().strip():
                first_help_at = not_in_future(
                    parse_date_time(self.first_help_at.text()), "When help first arrived", now
                )
        except InvalidInput as problem:
            self.first_help_error.show_message(str(problem))
            self.first_help_at.setFocus()
            return
        episode = Episode(
            person_id=self.person_id,
            kind=chosen(self.kind, HelpKind) or HelpKind.REABLEMENT,
            asked_at=asked_at,
            provider=self.provider.text().strip(),
            first_help_at=first_help_at,
        )
        self.episode = attempt(
            lambda: self._store_episode(episode), self.message, self._first_help_problem
        )
        if self.episode is not None:
            super().accept()

    def _first_help_problem(self, message: str) -> None:
        self.first_help_error.show_message(message)
        self.first_help_at.setFocus()

    def _store_episode(self, episode: Episode) -> Episode:
        """Stored before the dialog closes; the tab that opened it shows the result."""
        editing = self._editing
        if editing is None:
            return self._runner.write_now(
                lambda: add_episode(self._store, episode), source=self.parent()
            )
        return self._runner.write_now(
            lambda: change_episode(self._store, editing, episode), source=self.parent()
        )


# --- a weekly review ----------------------------------------------------------------------------


class ReviewDialog(QDialog):
    """A weekly review of the help: when, by whom, a note, and the goals it worked on."""

    def __init__(
        self, store: ShortTermRecords, runner: Runner, today: Today, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Weekly review")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._store = store
        self._runner = runner
        self._today = today
        self.episode: Episode | None = None
        self.review: EpisodeReview | None = None
        self.goal_boxes: dict[str, QCheckBox] = {}
        section = Section("Weekly review of the short-term help")
        self.on = line_edit("Date of the review", "For example 23/11/2026")
        self.on_error = ErrorLabel(self.on)
        section.add("Date of the review", self.on, self.on_error)
        self.reviewer = named(QComboBox(), "Reviewed by")
        for reviewer in Reviewer:
            self.reviewer.addItem(reviewer.label, reviewer)
        section.add("Reviewed by", self.reviewer)
        self.note = text_edit("Review note", lines=3)
        section.add("Note", self.note, hint="How the help is going, in a few words.")
        self.goals = named(QWidget(), "Goals worked on")
        self.goals_layout = QVBoxLayout(self.goals)
        self.goals_layout.setContentsMargins(0, 0, 0, 0)
        self.goals_layout.setSpacing(2)
        self.no_goals = hint_label(
            "No goals yet. Set them with the person in the Goals tab, then link reviews to them."
        )
        self.goals_layout.addWidget(self.no_goals)
        section.add(
            "Goals worked on",
            self.goals,
            hint="Goals still being worked on are ticked to start with.",
        )
        self.message = problem_label()
        buttons, self.add_button = dialog_buttons(self, "Add weekly review")
        layout = QVBoxLayout(self)
        layout.addWidget(section)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_dialog(self, outside=2)

    def start(self, episode: Episode, goals: list[Goal], active_ids: set[str]) -> None:
        """Show the dialog for this episode: today, by an OT, with goals in progress ticked."""
        self.episode = episode
        self.review = None
        self.on.setText(format_date_numeric(self._today()))
        self.reviewer.setCurrentIndex(self.reviewer.findData(Reviewer.OT))
        self.note.clear()
        for box in self.goal_boxes.values():
            self.goals_layout.removeWidget(box)
            box.setParent(None)
            box.deleteLater()
        self.goal_boxes = {}
        for goal in goals:
            words = quoted(goal.words)
            box = named(QCheckBox(words), f"Worked on {words}")
            box.setChecked(goal.id in active_ids)
            self.goals_layout.addWidget(box)
            self.goal_boxes[goal.id] = box
        set_shown(self.no_goals, not goals)
        self.on_error.show_message(None)
        self.message.hide()
        self.open()
        self.note.setFocus()

    def accept(self) -> None:
        self.on_error.show_message(None)
        self.message.hide()
        episode = self.episode
        if episode is None:
            return
        try:
            on = parse_date(self.on.text())
        except InvalidInput as problem:
            self._on_problem(str(problem))
            return
        review = EpisodeReview(
            episode_id=episode.id,
            on=on,
            reviewer=chosen(self.reviewer, Reviewer) or Reviewer.OT,
            note=self.note.toPlainText().strip(),
            goal_ids=[goal_id for goal_id, box in self.goal_boxes.items() if box.isChecked()],
        )
        self.review = attempt(
            lambda: self._save(episode, review), self.message, {"on": self._on_problem}
        )
        if self.review is not None:
            super().accept()

    def _save(self, episode: Episode, review: EpisodeReview) -> EpisodeReview:
        return self._runner.write_now(
            lambda: review_episode(self._store, episode, review, self._today()),
            source=self.parent(),
        )

    def _on_problem(self, message: str) -> None:
        self.on_error.show_message(message)
        self.on.setFocus()
