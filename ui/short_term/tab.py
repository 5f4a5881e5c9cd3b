"""Short-term help (reablement and its kin): episodes, weekly reviews and their outcomes.

Coventry's pattern: an OT sets goals with the person first (the Goals tab), a provider works to
them, and an OT or social worker reviews weekly. Each episode shows, in words, whether help
arrived within the council's 48 hours, and what happened at two and six weeks. Everything is
stored the moment it is saved: one store call each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor.goals import is_active
from assessor.operations.field_problem import FieldProblem
from assessor.operations.short_term import record_first_help, record_outcome
from assessor.short_term import CHECKPOINT_WEEKS, Episode, EpisodeReview, HelpOutcome
from assessor.short_term_wording import (
    arrival_words,
    episode_lines,
    not_in_future,
    parse_date_time,
    review_text,
    show_date_time,
)
from assessor.validation import InvalidInput, format_date, parse_date
from ui.kit.binding import ErrorLabel, chosen
from ui.kit.clock import Now, Today
from ui.kit.forms import (
    Section,
    failure_text,
    hint_label,
    line_edit,
    named,
    set_shown,
)
from ui.kit.records_tab import RecordsTab, list_beside_panel
from ui.short_term.dialogs import EpisodeDialog, ReviewDialog
from ui.short_term.marking import ask_outcome_in_error, ask_review_in_error, review_row
from ui.short_term.outcomes import OutcomeBox

if TYPE_CHECKING:
    from assessor.operations.store_port import StorePort
    from ui.kit.runner import Runner


class ShortTermTab(RecordsTab):
    """The person's episodes of short-term help, newest first, and the chosen one in full.
    Everything is stored through the runner, whose report tells lists elsewhere (what is due)."""

    def __init__(
        self, store: StorePort, runner: Runner, worker: str, today: Today, now: Now
    ) -> None:
        """`now` is local time without a zone, as short-term help keeps its times."""
        super().__init__(
            "No short-term help yet. Record it with New short-term help when reablement or "
            "other short-term help is asked for."
        )
        self._store = store
        self._runner = runner
        self._worker = worker
        self._today = today
        self._now = now
        self._person_id = ""
        self._episodes: list[Episode] = []
        self._shown_id = ""

        self.new_button = named(QPushButton("New short-term help"), "New short-term help")
        self.new_button.setToolTip("Record reablement or other short-term help being asked for")
        self.new_button.clicked.connect(self.new_episode)
        self.change_button = named(QPushButton("Change…"), "Change the chosen short-term help")
        self.change_button.setToolTip("Correct the kind, provider or times of the chosen help")
        self.change_button.clicked.connect(self.change_episode)

        self.list = named(QListWidget(), "Short-term help, newest first")
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.currentRowChanged.connect(self._episode_chosen)
        self.panel = self._build_panel()
        splitter, self.panel_scroll = list_beside_panel(
            self.list,
            self.panel,
            self.empty,
            stretch=(2, 3),
            widths=(55, 80),
            panel_least=50,
        )
        self.lay_out(
            [self.new_button, self.change_button],
            [splitter],
            with_records=[self.list, self.change_button, self.panel_scroll],
        )

        self.dialog = EpisodeDialog(store, runner, now, self)
        self.dialog.accepted.connect(self._episode_added)
        self.review_dialog = ReviewDialog(store, runner, today, self)
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
        self.review_rows: list[QWidget] = []  # each label, with its "entered in error" button
        reviews.form.addRow(self.reviews)
        layout.addWidget(reviews)

        self.outcomes: dict[int, OutcomeBox] = {}
        for weeks in CHECKPOINT_WEEKS:
            box = OutcomeBox(weeks, self._today)
            box.save_button.clicked.connect(lambda _c=False, w=weeks: self.save_outcome(w))
            box.why_early.returnPressed.connect(lambda w=weeks: self.save_outcome(w))
            box.mark_button.clicked.connect(lambda _c=False, w=weeks: self.mark_outcome(w))
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
        today = self._today()
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
        self.show_records(bool(self._episodes))
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
        for old in self.review_rows:
            self.reviews_layout.removeWidget(old)
            old.setParent(None)
            old.deleteLater()
        self.review_labels, self.review_rows = [], []
        for review in reviews:
            label = QLabel(review_text(review, goal_words))
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setObjectName("quote")
            self.review_rows.append(review_row(label, review, self.mark_review))
            self.reviews_layout.addWidget(self.review_rows[-1])
            self.review_labels.append(label)
        set_shown(self.no_reviews, not reviews)

    def _saved(self, message: str, select_id: str) -> None:
        self._reload(select_id=select_id)
        self.confirmation.setText(message)

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

    def mark_review(self, review: EpisodeReview) -> None:
        ask_review_in_error(self, self._runner, self._store, self._person_id, review, self._marked)

    def mark_outcome(self, weeks: int) -> None:
        episode = self.chosen_episode()
        if episode is not None:
            ask_outcome_in_error(self, self._runner, self._store, episode, weeks, self._marked)

    def _marked(self, message: str) -> None:
        """Shown afresh once something is marked, with the outcome boxes loaded again (a marked
        outcome is empty, ready to record afresh)."""
        episode = self.chosen_episode()
        self._shown_id = ""
        self._saved(message, episode.id if episode else "")

    # --- first help and outcomes ----------------------------------------------------------------

    def save_first_help(self) -> None:
        episode = self.chosen_episode()
        if episode is None:
            return
        self.first_help_error.show_message(None)
        try:
            arrived = not_in_future(
                parse_date_time(self.first_help_at.text()),
                "When help first arrived",
                self._now(),
            )
            self._runner.write_now(
                lambda: record_first_help(self._store, episode, arrived), source=self
            )
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
        try:
            recorded_on = parse_date(box.recorded_on.text())
        except InvalidInput as problem:
            box.beside("recorded_on")(str(problem))
            return
        outcome = chosen(box.outcome, HelpOutcome)
        why_early = box.why_early.text()
        try:
            saved = self._runner.write_now(
                lambda: record_outcome(
                    self._store, episode, weeks, outcome, recorded_on, why_early, self._today()
                ),
                source=self,
            )
        except FieldProblem as problem:
            box.beside(problem.field)(str(problem))
            return
        except Exception as problem:
            box.recorded_error.show_message(f"Not saved. {failure_text(problem)} Try again.")
            return
        if not saved.outcome(weeks)[2]:
            box.why_early.clear()
        self._saved(f"{weeks}-week outcome saved: {outcome.label}.", episode.id)
