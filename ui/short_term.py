"""Short-term help (reablement and its kin): episodes, weekly reviews and their outcomes.

Coventry's pattern: an OT sets goals with the person first (the Goals tab), a provider works to
them, and an OT or social worker reviews weekly. Each episode shows, in words, whether help
arrived within the council's 48 hours, and what happened at two and six weeks. Everything is
stored the moment it is saved: one store call each.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from assessor.conflicts import revised, revision_of
from assessor.goals import Goal, Reviewer, status
from assessor.short_term import (
    CHECKPOINT_WEEKS,
    Episode,
    EpisodeReview,
    HelpKind,
    HelpOutcome,
    within_48_hours,
)
from assessor.validation import InvalidInput, format_date, format_date_numeric, parse_date
from ui.binding import ErrorLabel, chosen
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
    text_edit,
)

if TYPE_CHECKING:
    from db.store import Store

WEEKS_IN_WORDS = {2: "two", 6: "six"}

# --- words and times, kept free of widgets so they can be read (and tested) on their own ------

_WITH_TIME = re.compile(r"^(?P<day>.+?)(?:\s*,\s*|\s+|T)(?P<hour>\d{1,2})[:.](?P<minute>\d{2})$")


def parse_date_time(text: str) -> datetime:
    """A date and time typed as 23/11/2026 14:30 (any date parse_date reads, then HH:MM)."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInput("Write the date and time, for example 23/11/2026 14:30.")
    match = _WITH_TIME.match(cleaned)
    if match is None:
        try:
            parse_date(cleaned)
        except InvalidInput:
            raise InvalidInput(
                f"“{cleaned}” is not a date and time we can read. Write it as 23/11/2026 14:30."
            ) from None
        raise InvalidInput(
            "Add the time as well, for example 23/11/2026 14:30: the 48 hours count from it."
        )
    day = parse_date(match["day"])
    hour, minute = int(match["hour"]), int(match["minute"])
    if hour > 23 or minute > 59:
        raise InvalidInput(
            f"{hour}:{minute:02d} is not a time. Use the 24-hour clock, for example 14:30."
        )
    return datetime.combine(day, time(hour, minute))


def format_date_time(value: datetime) -> str:
    """For typing back into a field: 23/11/2026 14:30."""
    return f"{format_date_numeric(value.date())} {value:%H:%M}"


def show_date_time(value: datetime) -> str:
    """As people read it: 23 Nov 2026 at 14:30."""
    return f"{format_date(value)} at {value:%H:%M}"


def not_in_future(value: datetime, what: str, now: datetime | None = None) -> datetime:
    if value > (now or datetime.now()) + timedelta(minutes=5):
        raise InvalidInput(f"{what} cannot be in the future.")
    return value


def arrival_words(episode: Episode) -> str:
    """The council's 48-hour measure in words."""
    quick = within_48_hours(episode)
    if quick is None or episode.first_help_at is None:
        return "Waiting for help to start"
    if quick:
        return "Help arrived within 48 hours"
    took = episode.first_help_at - episode.asked_at
    if took < timedelta(days=3):
        return f"Help took {math.ceil(took / timedelta(hours=1))} hours to arrive"
    return f"Help took {took.days} days to arrive"


def outcome_words(episode: Episode, weeks: int, today: date) -> str:
    outcome, recorded_on, _because = episode.outcome(weeks)
    if outcome is not None:
        when = f" (recorded {format_date(recorded_on)})" if recorded_on else ""
        return f"{weeks}-week outcome: {outcome.label}{when}"
    due = episode.due_on(weeks)
    late = " – overdue" if due < today else ""
    return f"{weeks}-week outcome due {format_date(due)}{late}"


def progress_lines(episode: Episode, today: date) -> list[str]:
    """The outcomes so far, and the next one due."""
    if episode.outcome_6_weeks is not None:
        return [outcome_words(episode, 6, today)]
    if episode.outcome_2_weeks is not None:
        return [outcome_words(episode, 2, today), outcome_words(episode, 6, today)]
    return [outcome_words(episode, 2, today)]


def episode_lines(episode: Episode, today: date) -> list[str]:
    """What one line of the episodes list says, top to bottom."""
    provider = episode.provider.strip() or "provider not recorded"
    return [
        f"{episode.kind.label} · {provider}",
        f"Asked for {format_date(episode.asked_at)} · {arrival_words(episode)}",
        *progress_lines(episode, today),
    ]


def quoted(words: str) -> str:
    return f"“{words.strip()}”"


def is_active(goal: Goal, reviews: list) -> bool:
    """A goal still being worked on (not yet achieved or closed as not achieved)."""
    return status(goal, reviews).fhir[1] == "active"


def review_text(review: EpisodeReview, goal_words: dict[str, str]) -> str:
    lines = [f"{format_date(review.on)} · {review.reviewer.label}"]
    if review.note.strip():
        lines.append(review.note.strip())
    if review.goal_ids:
        worked = "; ".join(
            quoted(goal_words[goal_id]) if goal_id in goal_words else "a goal since removed"
            for goal_id in review.goal_ids
        )
        lines.append(f"Goals worked on: {worked}")
    else:
        lines.append("No goals linked")
    return "\n".join(lines)


# --- a new episode ------------------------------------------------------------------------------


class EpisodeDialog(QDialog):
    """New short-term help, or a correction to it: stored when Add or Save is pressed, or kept
    on screen with what is wrong."""

    def __init__(self, store: Store, parent: QWidget) -> None:
        super().__init__(parent)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._store = store
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
        self.asked_at.setText(format_date_time(episode.asked_at if episode else datetime.now()))
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
        now = datetime.now()
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
        if self._editing is None:
            return self._store.add_episode(episode)
        changes = {
            "kind": episode.kind,
            "provider": episode.provider,
            "asked_at": episode.asked_at,
            "first_help_at": episode.first_help_at,
        }
        editing = self._editing
        revision = self._store.update_episode(editing.id, changes, revision_of(editing))
        return revised(replace(editing, **changes), revision)


# --- a weekly review ----------------------------------------------------------------------------


class ReviewDialog(QDialog):
    """A weekly review of the help: when, by whom, a note, and the goals it worked on."""

    def __init__(self, save: Callable[[EpisodeReview], EpisodeReview], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Weekly review")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._save = save
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

    def start(self, episode: Episode, goals: list[Goal], active_ids: set[str]) -> None:
        """Show the dialog for this episode: today, by an OT, with goals in progress ticked."""
        self.episode = episode
        self.review = None
        self.on.setText(format_date_numeric(date.today()))
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
            if on > date.today():
                raise InvalidInput("A review cannot be dated in the future.")
            if on < episode.asked_at.date():
                raise InvalidInput(
                    f"A review on {format_date(on)} would come before the help was asked for "
                    f"({format_date(episode.asked_at)})."
                )
        except InvalidInput as problem:
            self.on_error.show_message(str(problem))
            self.on.setFocus()
            return
        review = EpisodeReview(
            episode_id=episode.id,
            on=on,
            reviewer=chosen(self.reviewer, Reviewer) or Reviewer.OT,
            note=self.note.toPlainText().strip(),
            goal_ids=[goal_id for goal_id, box in self.goal_boxes.items() if box.isChecked()],
        )
        self.review = attempt(lambda: self._save(review), self.message)
        if self.review is not None:
            super().accept()


# --- the chosen episode -------------------------------------------------------------------------


class OutcomeBox(Section):
    """The outcome at two or six weeks: what happened, when recorded, and why if early."""

    def __init__(self, weeks: int) -> None:
        super().__init__(f"Outcome at {weeks} weeks")
        self.weeks = weeks
        self.due = date.today()
        self.due_text = hint_label("")
        self.form.addRow(self.due_text)
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
        self.save_button = named(
            QPushButton(f"Save {weeks}-week outcome"), f"Save {weeks}-week outcome"
        )
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        self.form.addRow(row)
        self.recorded_on.textChanged.connect(self._date_typed)

    def load(self, episode: Episode) -> None:
        """Fill the fields from the episode: what is stored, or today for a new outcome."""
        outcome, recorded_on, because = episode.outcome(self.weeks)
        self.show_due(episode)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(outcome)))
        self.why_early.setText(because)
        self.recorded_on.setText(format_date_numeric(recorded_on or date.today()))
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
        self.early_hint.setText(
            f"Needed because the date recorded is before the due date, {format_date(self.due)}."
        )
        self._date_typed(self.recorded_on.text())

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


class ShortTermTab(QWidget):
    """The person's episodes of short-term help, newest first, and the chosen one in full.

    `changed` is emitted after anything is stored, for lists elsewhere (such as what is due).
    """

    changed = Signal()

    def __init__(self, store: Store, worker: str) -> None:
        super().__init__()
        self._store = store
        self._worker = worker
        self._person_id = ""
        self._episodes: list[Episode] = []
        self._shown_id = ""

        self.new_button = named(QPushButton("New short-term help"), "New short-term help")
        self.new_button.setToolTip("Record reablement or other short-term help being asked for")
        self.new_button.clicked.connect(self.new_episode)
        self.change_button = named(QPushButton("Change…"), "Change the chosen short-term help")
        self.change_button.setToolTip("Correct the kind, provider or times of the chosen help")
        self.change_button.clicked.connect(self.change_episode)
        top, self.confirmation = record_actions(self.new_button, self.change_button)

        self.list = named(QListWidget(), "Short-term help, newest first")
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.currentRowChanged.connect(self._episode_chosen)
        self.empty = QLabel(
            "No short-term help yet. Record it with New short-term help when reablement or "
            "other short-term help is asked for."
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.list, 1)

        self.panel = self._build_panel()
        self.panel_scroll = QScrollArea()
        self.panel_scroll.setWidgetResizable(True)
        self.panel_scroll.setWidget(self.panel)
        char = self.fontMetrics().averageCharWidth()
        self.panel_scroll.setMinimumWidth(char * 50)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.panel_scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([char * 55, char * 80])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.dialog = EpisodeDialog(self._store, self)
        self.dialog.accepted.connect(self._episode_added)
        self.review_dialog = ReviewDialog(self._store.add_episode_review, self)
        self.review_dialog.accepted.connect(self._review_added)

    def _build_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        self.arrival = QLabel()
        self.arrival.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.arrival)

        self.first_help_section = Section("When help first arrived")
        self.first_help_at = line_edit("When help first arrived, date and time", "Date and time")
        self.first_help_error = ErrorLabel(self.first_help_at)
        self.first_help_section.add(
            "Help first arrived",
            self.first_help_at,
            self.first_help_error,
            hint="Date and time, for example 23/11/2026 14:30.",
        )
        self.first_help_button = named(
            QPushButton("Save when help arrived"), "Save when help arrived"
        )
        self.first_help_button.clicked.connect(self.save_first_help)
        self.first_help_at.returnPressed.connect(self.save_first_help)
        row = QHBoxLayout()
        row.addWidget(self.first_help_button)
        row.addStretch(1)
        self.first_help_section.form.addRow(row)
        layout.addWidget(self.first_help_section)

        reviews = Section("Weekly reviews")
        self.review_button = named(QPushButton("Add weekly review"), "Add weekly review")
        self.review_button.clicked.connect(self.new_review)
        row = QHBoxLayout()
        row.addWidget(self.review_button)
        row.addStretch(1)
        reviews.form.addRow(row)
        self.no_reviews = hint_label("No weekly reviews yet.")
        reviews.form.addRow(self.no_reviews)
        self.reviews = QWidget()
        self.reviews_layout = QVBoxLayout(self.reviews)
        self.reviews_layout.setContentsMargins(0, 0, 0, 0)
        self.review_labels: list[QLabel] = []
        reviews.form.addRow(self.reviews)
        layout.addWidget(reviews)

        self.outcomes: dict[int, OutcomeBox] = {}
        for weeks in CHECKPOINT_WEEKS:
            box = OutcomeBox(weeks)
            box.save_button.clicked.connect(lambda _c=False, w=weeks: self.save_outcome(w))
            box.why_early.returnPressed.connect(lambda w=weeks: self.save_outcome(w))
            self.outcomes[weeks] = box
            layout.addWidget(box)
        layout.addStretch(1)
        return panel

    # --- the person and their episodes ----------------------------------------------------------

    def show_person(self, person_id: str) -> None:
        self._person_id = person_id
        self._shown_id = ""
        self.confirmation.clear()
        self._reload(select_id=None)

    def select_episode(self, episode_id: str) -> None:
        """Choose an episode (from the due list, say) and put the cursor in the list."""
        ids = [episode.id for episode in self._episodes]
        if episode_id in ids:
            self.list.setCurrentRow(ids.index(episode_id))
        self.list.setFocus()

    def chosen_episode(self) -> Episode | None:
        row = self.list.currentRow()
        return self._episodes[row] if 0 <= row < len(self._episodes) else None

    def row_text(self, row: int) -> str:
        return self.list.item(row).text()

    def _reload(self, select_id: str | None) -> None:
        self._episodes = self._store.episodes(self._person_id)
        today = date.today()
        ids = [episode.id for episode in self._episodes]
        chosen_row = ids.index(select_id) if select_id in ids else 0
        self.list.blockSignals(True)
        self.list.clear()
        for episode in self._episodes:
            lines = episode_lines(episode, today)
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, ". ".join(lines))
            self.list.addItem(item)
        if self._episodes:
            self.list.setCurrentRow(chosen_row)
        self.list.blockSignals(False)
        has_episodes = bool(self._episodes)
        set_shown(self.empty, not has_episodes)
        set_shown(self.list, has_episodes)
        set_shown(self.change_button, has_episodes)
        set_shown(self.panel_scroll, has_episodes)
        self._episode_chosen(self.list.currentRow())

    def _episode_chosen(self, row: int) -> None:
        episode = self._episodes[row] if 0 <= row < len(self._episodes) else None
        if episode is None:
            self._shown_id = ""
            return
        fresh = episode.id != self._shown_id
        self._shown_id = episode.id
        provider = episode.provider.strip()
        self.heading.setText(
            f"{episode.kind.label} from {provider}"
            if provider
            else f"{episode.kind.label} (provider not recorded)"
        )
        asked = f"Asked for {show_date_time(episode.asked_at)}."
        if episode.first_help_at is not None:
            asked += f" Help first arrived {show_date_time(episode.first_help_at)}."
        self.arrival.setText(f"{asked}\n{arrival_words(episode)}.")
        waiting = episode.first_help_at is None
        set_shown(self.first_help_section, waiting)
        if fresh:
            self.first_help_at.clear()
            self.first_help_error.show_message(None)
        for box in self.outcomes.values():
            if fresh:
                box.load(episode)
            else:
                box.show_due(episode)
        self._show_reviews(episode)

    def _show_reviews(self, episode: Episode) -> None:
        reviews = self._store.episode_reviews([episode.id])[episode.id]
        goal_words = {goal.id: goal.words for goal in self._store.goals(self._person_id)}
        for label in self.review_labels:
            self.reviews_layout.removeWidget(label)
            label.setParent(None)
            label.deleteLater()
        self.review_labels = []
        for review in reviews:
            label = QLabel(review_text(review, goal_words))
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setObjectName("quote")
            self.reviews_layout.addWidget(label)
            self.review_labels.append(label)
        set_shown(self.no_reviews, not reviews)

    def _saved(self, message: str, select_id: str) -> None:
        self._reload(select_id=select_id)
        self.confirmation.setText(message)
        self.changed.emit()

    # --- adding an episode or a review ----------------------------------------------------------

    def new_episode(self) -> None:
        self.dialog.start(self._person_id)

    def change_episode(self) -> None:
        episode = self.chosen_episode()
        if episode is not None:
            self.dialog.start(self._person_id, episode)

    def _episode_added(self) -> None:
        episode = self.dialog.episode
        if episode is None:
            return
        done = "changed" if self.dialog.windowTitle().startswith("Change") else "added"
        self._saved(f"Short-term help {done}: {episode.kind.label}.", episode.id)
        self.list.setFocus()

    def new_review(self) -> None:
        episode = self.chosen_episode()
        if episode is None:
            return
        goals = self._store.goals(self._person_id)
        reviews = self._store.reviews(goal.id for goal in goals)
        active = {goal.id for goal in goals if is_active(goal, reviews[goal.id])}
        self.review_dialog.start(episode, goals, active)

    def _review_added(self) -> None:
        review = self.review_dialog.review
        if review is None:
            return
        self._saved(f"Weekly review added for {format_date(review.on)}.", review.episode_id)

    # --- first help and outcomes ----------------------------------------------------------------

    def save_first_help(self) -> None:
        episode = self.chosen_episode()
        if episode is None:
            return
        self.first_help_error.show_message(None)
        try:
            arrived = not_in_future(
                parse_date_time(self.first_help_at.text()), "When help first arrived"
            )
            self._store.update_episode(episode.id, {"first_help_at": arrived}, revision_of(episode))
        except InvalidInput as problem:
            self.first_help_error.show_message(str(problem))
            self.first_help_at.setFocus()
            return
        except Exception as problem:
            self.first_help_error.show_message(f"Not saved. {failure_text(problem)} Try again.")
            return
        self._saved(f"Help first arrived {show_date_time(arrived)}.", episode.id)

    def save_outcome(self, weeks: int) -> None:
        """Store the outcome; on a problem say what it is beside its field and keep the typing."""
        episode = self.chosen_episode()
        if episode is None:
            return
        box = self.outcomes[weeks]
        for label in box.errors():
            label.show_message(None)
        outcome = chosen(box.outcome, HelpOutcome)
        if outcome is None:
            box.outcome_error.show_message(f"Choose what happened at {weeks} weeks.")
            box.outcome.setFocus()
            return
        try:
            recorded_on = parse_date(box.recorded_on.text())
            if recorded_on > date.today():
                raise InvalidInput("An outcome cannot be recorded in the future.")
        except InvalidInput as problem:
            box.recorded_error.show_message(str(problem))
            box.recorded_on.setFocus()
            return
        early = recorded_on < episode.due_on(weeks)
        because = box.why_early.text().strip() if early else ""
        changes = {
            f"outcome_{weeks}_weeks": outcome,
            f"outcome_{weeks}_weeks_on": recorded_on,
            f"outcome_{weeks}_weeks_early_because": because,
        }
        try:
            self._store.update_episode(episode.id, changes, revision_of(episode))
        except InvalidInput as problem:
            if early and not because:
                box.show_early(True)
                box.early_error.show_message(str(problem))
                box.why_early.setFocus()
            else:
                box.recorded_error.show_message(str(problem))
                box.recorded_on.setFocus()
            return
        except Exception as problem:
            box.recorded_error.show_message(f"Not saved. {failure_text(problem)} Try again.")
            return
        if not early:
            box.why_early.clear()
        self._saved(f"{weeks}-week outcome saved: {outcome.label}.", episode.id)
