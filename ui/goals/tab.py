"""Goals in the person's own words, and reviewing one in three keystrokes.

The list shows each goal quoted, its kind, how it is going in words, when it was last reviewed and
a small chart of its ratings. With the list focused, 1 to 5 choose a rating on the Goal Attainment
Scale (−2 to +2), Enter saves the review and Escape cancels it. Each goal and each review is
stored the moment it is made: one store call each, nothing waits to be saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
)

from assessor.goals import (
    GAS_LEVELS,
    Review,
    Reviewer,
    achieved_on_the_day_set,
    not_achieved_yet,
    t_score,
    t_score_words,
)
from assessor.in_error import current
from assessor.operations.goals import review_goal
from assessor.operations.in_error import mark_goal_review
from assessor.own_words import quoted
from assessor.validation import InvalidInput, format_date
from ui.goals.achieved_question import ask_achieved
from ui.goals.goal_chart import signed
from ui.goals.goal_dialog import GoalDialog
from ui.goals.goal_list import GoalDelegate, GoalList, GoalRow
from ui.goals.goal_review import ReviewPanel, level_line
from ui.goals.review_history import ReviewHistory
from ui.kit.autosave import Autosaver
from ui.kit.binding import chosen
from ui.kit.clock import Today
from ui.kit.forms import failure_text, hint_label, named, set_shown
from ui.kit.in_error_dialog import InErrorDialog, ask_in_error
from ui.kit.records_tab import RecordsTab, list_beside_panel

if TYPE_CHECKING:
    from assessor.operations.store_port import GoalRecords
    from ui.kit.runner import Runner


class GoalsTab(RecordsTab):
    """The person's goals, adding one, and reviewing the chosen one. Each is stored through
    the runner, whose report of the change tells anything that lists goals elsewhere."""

    def __init__(
        self,
        store: GoalRecords,
        runner: Runner,
        autosaver: Autosaver,
        worker: str,
        today: Today,
    ) -> None:
        super().__init__(
            "No goals yet. Add one with New goal: what the person wants to be able to do, "
            "in their own words."
        )
        self._store = store
        self._runner = runner
        self._autosaver = autosaver
        self._worker = worker
        self._today = today
        self._person_id = ""
        self._rows: list[GoalRow] = []  # with the reviews that count
        self._reviews: dict[str, list[Review]] = {}  # every review, for the history
        self.rating: int | None = None
        self.question: QMessageBox | None = None  # "achieved already?", while it is asked

        self.new_button = named(QPushButton("New goal"), "New goal")
        self.new_button.setToolTip("Add a goal in the person’s own words")
        self.new_button.clicked.connect(self.new_goal)
        self.change_button = named(QPushButton("Change goal…"), "Change the chosen goal")
        self.change_button.setToolTip("Correct the chosen goal's words, kind, target or level")
        self.change_button.clicked.connect(self.change_goal)
        self.t_score = QLabel()
        self.t_score.setAccessibleName("Goals overall")
        self.t_score.setWordWrap(True)
        self.t_score.hide()

        self.list = named(GoalList(), "Goals")
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.delegate = GoalDelegate(self.list, self._row_at)
        self.list.setItemDelegate(self.delegate)
        self.list.on_rating = self.choose_rating
        self.list.on_enter = self._enter
        self.list.on_escape = self._escape
        self.list.currentRowChanged.connect(self._goal_chosen)
        self.legend = hint_label(
            "Each chart starts where the person started (hollow dot); each review adds a dot. "
            "The dark middle line is 0: as expected."
        )

        self.panel = ReviewPanel()
        for rating, radio in self.panel.levels.items():
            radio.clicked.connect(lambda _checked=False, r=rating: self.choose_rating(r))
        self.panel.save_button.clicked.connect(self.save_review)
        self.panel.cancel_button.clicked.connect(self.cancel_rating)
        self.panel.note.returnPressed.connect(self.save_review)
        self.history = ReviewHistory()
        self.history.mark_asked.connect(self.mark_review)
        self.panel.form.addRow(self.history)
        splitter, self.panel_scroll = list_beside_panel(
            self.list,
            self.panel,
            self.empty,
            stretch=(3, 2),
            widths=(100, 52),
            panel_least=40,
            below=[self.legend],
        )
        self.lay_out(
            [self.new_button, self.change_button],
            [splitter],
            with_records=[self.list, self.legend, self.panel_scroll],
            above=[self.t_score],
        )

        self.dialog = GoalDialog(worker, self._store, runner, today, self)
        self.dialog.accepted.connect(self._goal_added)
        self._show_rating()

    # --- the person and their goals -------------------------------------------------------------

    def show_person(self, person_id: str) -> None:
        self._autosaver.flush()
        self._person_id = person_id
        self.confirmation.clear()
        self.panel.reviewer.setCurrentIndex(self.panel.reviewer.findData(Reviewer.WORKER))
        self._reload(select_id=None)

    def select_goal(self, goal_id: str) -> None:
        """Choose a goal and put the cursor in the list, ready for a rating key."""
        ids = [row.goal.id for row in self._rows]
        if goal_id in ids:
            self.list.setCurrentRow(ids.index(goal_id))
        self.list.setFocus()

    def _row_at(self, row: int) -> GoalRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_text(self, row: int) -> str:
        """What a row of the list says, line by line."""
        return "\n".join(self._rows[row].lines())

    def _reload(self, select_id: str | None) -> None:
        goals = self._store.goals(self._person_id)
        self._reviews = self._store.reviews(goal.id for goal in goals)
        today = self._today()
        self._rows = [GoalRow(goal, current(self._reviews[goal.id]), today) for goal in goals]
        ids = [goal.id for goal in goals]
        chosen_row = ids.index(select_id) if select_id in ids else 0
        self.list.blockSignals(True)
        self.list.clear()
        for row in self._rows:
            item = QListWidgetItem(quoted(row.goal.words))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, row.accessible_text())
            self.list.addItem(item)
        if self._rows:
            self.list.setCurrentRow(chosen_row)
        self.list.blockSignals(False)
        self.show_records(bool(self._rows))
        self._goal_chosen(self.list.currentRow())
        self._show_t_score()

    def _refresh_row(self, row: int) -> None:
        """Re-read one goal's reviews and redraw its row; the selection stays where it is."""
        goal = self._rows[row].goal
        self._reviews[goal.id] = self._store.reviews([goal.id])[goal.id]
        self._rows[row] = GoalRow(goal, current(self._reviews[goal.id]), self._today())
        self.history.show_reviews(self._reviews[goal.id])
        item = self.list.item(row)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, self._rows[row].accessible_text())
        self.delegate.sizeHintChanged.emit(self.list.model().index(row, 0))
        # Lay the rows out now rather than on a timer, so the repaint is already asked for when
        # the Due list's read starts on the event loop's next turn, and is not slowed by it.
        self.list.executeDelayedItemsLayout()
        self.list.viewport().update()
        self._show_t_score()

    def _show_t_score(self) -> None:
        """Shown only when it says something: two or more goals reviewed."""
        latest = [row.reviews[-1].rating for row in self._rows if row.reviews]
        score = t_score(latest) if len(latest) >= 2 else None
        if score is not None:
            words = t_score_words(score)
            self.t_score.setText(words)
            self.t_score.setAccessibleName(words)
            self.t_score.setToolTip(
                f"From the latest rating of each of {len(latest)} goals: their goal "
                "attainment T-score."
            )
        set_shown(self.t_score, score is not None)

    # --- adding a goal --------------------------------------------------------------------------

    def new_goal(self) -> None:
        self._autosaver.flush()
        self.dialog.start(self._person_id)

    def change_goal(self) -> None:
        row = self._row_at(self.list.currentRow())
        if row is not None:
            self._autosaver.flush()
            self.dialog.start(self._person_id, row.goal)

    def _goal_added(self) -> None:
        goal = self.dialog.goal
        if goal is None:
            return
        changed = self.dialog.windowTitle() == "Change goal"
        self._reload(select_id=goal.id)
        self.confirmation.setText(f"Goal {'changed' if changed else 'added'}: {quoted(goal.words)}")
        self.list.setFocus()

    # --- reviewing ------------------------------------------------------------------------------

    def _goal_chosen(self, row: int) -> None:
        self.cancel_rating()
        chosen_row = self._row_at(row)
        self.panel.goal_words.setText(quoted(chosen_row.goal.words) if chosen_row else "")
        self.history.show_reviews(self._reviews.get(chosen_row.goal.id, []) if chosen_row else [])
        self.panel.setEnabled(chosen_row is not None)

    def choose_rating(self, rating: int) -> None:
        if self._row_at(self.list.currentRow()) is None:
            return
        self.rating = rating
        self._show_rating()

    def cancel_rating(self) -> None:
        self.rating = None
        self._show_rating()

    def _show_rating(self) -> None:
        """The chosen level checked, in bold and on a yellow band; in words for screen readers."""
        self.panel.group.setExclusive(False)
        for rating, radio in self.panel.levels.items():
            is_chosen = rating == self.rating
            radio.setChecked(is_chosen)
            if radio.property("chosen") == is_chosen:
                continue  # restyling costs a repaint and a layout: only those that change
            font = radio.font()
            font.setBold(is_chosen)
            radio.setFont(font)
            radio.setProperty("chosen", is_chosen)
            radio.style().unpolish(radio)
            radio.style().polish(radio)
        self.panel.group.setExclusive(True)
        if self.rating is None:
            text = "No rating chosen."
            description = ""
        else:
            text = (
                f"Chosen: {level_line(self.rating)}. Press Enter or Record review to record it; "
                "Escape cancels."
            )
            description = f"Rating chosen: {GAS_LEVELS[self.rating]} ({signed(self.rating)})"
        self.panel.chosen_text.setText(text)
        self.list.setAccessibleDescription(description)
        self.panel.save_button.setEnabled(self.rating is not None)
        self.panel.cancel_button.setEnabled(self.rating is not None)

    def _enter(self) -> bool:
        if self.rating is None:
            return False
        self.save_review()
        return True

    def _escape(self) -> bool:
        if self.rating is None:
            return False
        self.cancel_rating()
        return True

    def save_review(self) -> None:
        """Store the review at once, redraw the goal's row, and say so."""
        row = self.list.currentRow()
        chosen_row = self._row_at(row)
        if chosen_row is None or self.rating is None:
            return
        review = Review(
            goal_id=chosen_row.goal.id,
            rating=self.rating,
            on=self._today(),
            reviewer=chosen(self.panel.reviewer, Reviewer) or Reviewer.WORKER,
            self_rating=self.panel.self_rating.currentData(),
            note=self.panel.note.text().strip(),
        )
        goal = chosen_row.goal
        if achieved_on_the_day_set(goal, chosen_row.reviews, review):
            name = self._store.person(self._person_id).preferred_name
            self.question = ask_achieved(
                self,
                name,
                goal,
                review.rating,
                lambda yes: self._store_review(row, review if yes else not_achieved_yet(review)),
            )
            return
        self._store_review(row, review)

    def _store_review(self, row: int, review: Review) -> None:
        try:
            self._runner.write_now(
                lambda: review_goal(self._store, self._person_id, review), source=self
            )
        except InvalidInput as problem:
            self.confirmation.setText(str(problem))
            return
        except Exception as problem:
            self.confirmation.setText(f"Review not saved. {failure_text(problem)} Try again.")
            return
        self._refresh_row(row)
        self.panel.self_rating.setCurrentIndex(0)
        self.panel.note.clear()
        self.cancel_rating()
        self.confirmation.setText(
            f"Review saved: {GAS_LEVELS[review.rating]} ({signed(review.rating)}). "
            f"Now: {self._rows[row].status.label}."
        )

    def mark_review(self, review: Review) -> InErrorDialog:
        """Ask why a review was entered in error; once marked, the goal's status, chart and
        T-score are worked out without it, and the history says so."""
        row = self.list.currentRow()

        def mark(reason: str) -> None:
            self._runner.write_now(
                lambda: mark_goal_review(self._store, self._person_id, review, reason),
                source=self,
            )
            self._refresh_row(row)
            self.confirmation.setText(
                f"Review of {format_date(review.on)} marked as entered in error. "
                f"Now: {self._rows[row].status.label}."
            )

        return ask_in_error(
            self,
            f"The review of {format_date(review.on)}: {GAS_LEVELS[review.rating]}",
            "It no longer counts towards how the goal is going, its chart or the T-score.",
            mark,
        )
