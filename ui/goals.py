"""Goals in the person's own words, and reviewing one in three keystrokes.

The list shows each goal quoted, its kind, how it is going in words, when it was last reviewed and
a small chart of its ratings. With the list focused, 1 to 5 choose a rating on the Goal Attainment
Scale (−2 to +2), Enter saves the review and Escape cancels it. Each goal and each review is
stored the moment it is made: one store call each, nothing waits to be saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from assessor.conflicts import revised, revision_of
from assessor.goals import (
    GAS_LEVELS,
    GOAL_FIELDS,
    Goal,
    GoalKind,
    GoalStatus,
    Review,
    Reviewer,
    due_for_review,
    status,
    t_score,
)
from assessor.validation import InvalidInput, format_date
from ui.autosave import Autosaver
from ui.binding import ErrorLabel, chosen, optional_date, show_date
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
from ui.goal_chart import chart_size, describe_chart, paint_chart, signed

if TYPE_CHECKING:
    from db.store import Store

AnyIndex = QModelIndex | QPersistentModelIndex

RATING_KEYS = {
    Qt.Key.Key_1: -2,
    Qt.Key.Key_2: -1,
    Qt.Key.Key_3: 0,
    Qt.Key.Key_4: 1,
    Qt.Key.Key_5: 2,
}
HINT = QColor("#505a5f")
QUOTE_BAR = QColor("#1d70b8")
CHOSEN_STYLE = "QRadioButton { background: #fff7bf; color: #0b0c0c; }"


def kind_phrase(kind: GoalKind) -> str:
    """The kind as a row says it: "Reablement goal", "Their own goal"."""
    return kind.label if kind is GoalKind.OWN else f"{kind.label} goal"


def level_line(rating: int) -> str:
    """A level as the review panel lists it: its key, its words and its number."""
    return f"{rating + 3}  {GAS_LEVELS[rating]} ({signed(rating)})"


def quoted(words: str) -> str:
    return f"“{words.strip()}”"


@dataclass
class GoalRow:
    """One goal with its reviews (oldest first), as one row of the list shows it."""

    goal: Goal
    reviews: list[Review]
    today: date = field(default_factory=date.today)

    @property
    def status(self) -> GoalStatus:
        return status(self.goal, self.reviews)

    @property
    def ratings(self) -> list[int]:
        return [review.rating for review in self.reviews]

    def status_line(self) -> str:
        if not self.reviews:
            return f"{self.status.label} · not reviewed yet"
        last = self.reviews[-1]
        return (
            f"{self.status.label} · last reviewed {format_date(last.on)}: "
            f"{GAS_LEVELS[last.rating].lower()} ({signed(last.rating)})"
        )

    def details_line(self) -> str:
        goal = self.goal
        parts = [kind_phrase(goal.kind)]
        parts.append(
            f"set by {goal.set_by} on {format_date(goal.set_on)}"
            if goal.set_by
            else f"set on {format_date(goal.set_on)}"
        )
        if goal.target_date:
            parts.append(f"target {format_date(goal.target_date)}")
        return " · ".join(parts)

    def due_line(self) -> str:
        why = due_for_review(self.goal, self.reviews, self.today)
        return f"Review due: {why[0].lower()}{why[1:]}" if why else ""

    def expected_line(self) -> str:
        expected = self.goal.expected.strip()
        return f"As expected would be: {expected}" if expected else ""

    def lines(self) -> list[str]:
        """What the row says, top to bottom (empty lines left out)."""
        shown = [
            quoted(self.goal.words),
            self.status_line(),
            self.details_line(),
            self.due_line(),
            self.expected_line(),
        ]
        return [line for line in shown if line]

    def accessible_text(self) -> str:
        return ". ".join([*self.lines(), describe_chart(self.goal.baseline, self.ratings)])


@dataclass
class Block:
    font: QFont
    text: str
    height: int
    muted: bool


class GoalDelegate(QStyledItemDelegate):
    """Paints a goal row: the quotation, its status in bold, details, and the ratings chart."""

    def __init__(self, view: QListView, row_at: Callable[[int], GoalRow | None]) -> None:
        super().__init__(view)
        self._view = view
        self._row_at = row_at

    def _blocks(self, row: GoalRow, base: QFont, width: int) -> list[Block]:
        """Each line's font, text, wrapped height at the given width, and whether it is muted."""
        quote, bold = QFont(base), QFont(base)
        quote.setItalic(True)
        bold.setBold(True)
        shown = [
            (quote, quoted(row.goal.words), False),
            (bold, row.status_line(), False),
            (base, row.details_line(), False),
            (bold, row.due_line(), False),
            (base, row.expected_line(), True),
        ]
        blocks = []
        for font, text, muted in shown:
            if not text:
                continue
            metrics = QFontMetrics(font)
            box = QRect(0, 0, max(width, 10), 100000)
            height = metrics.boundingRect(box, Qt.TextFlag.TextWordWrap, text).height()
            blocks.append(Block(font, text, height, muted))
        return blocks

    def _geometry(self, metrics: QFontMetrics) -> tuple[int, QSize]:
        return metrics.averageCharWidth(), chart_size(metrics)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        row = self._row_at(index.row())
        if row is None:
            return super().sizeHint(option, index)
        metrics = QFontMetrics(option.font)
        pad, chart = self._geometry(metrics)
        width = self._view.viewport().width() - 2 * self._view.spacing()
        text_width = width - chart.width() - 5 * pad
        blocks = self._blocks(row, option.font, text_width)
        text_height = sum(block.height for block in blocks) + pad // 2 * (len(blocks) - 1)
        return QSize(max(width, 1), max(text_height, chart.height()) + 2 * pad)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        row = self._row_at(index.row())
        if row is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else self._view.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = opt.palette.color(group, role)
        metrics = QFontMetrics(opt.font)
        pad, chart = self._geometry(metrics)
        rect = opt.rect
        chart_rect = QRect(
            rect.right() - pad - chart.width(),
            rect.top() + pad,
            chart.width(),
            chart.height(),
        )
        text_left = rect.left() + 2 * pad
        text_width = chart_rect.left() - 2 * pad - text_left
        painter.save()
        top = rect.top() + pad
        for number, block in enumerate(self._blocks(row, opt.font, text_width)):
            painter.setFont(block.font)
            painter.setPen(HINT if block.muted and not selected else text_colour)
            box = QRect(text_left, top, text_width, block.height)
            painter.drawText(box, int(Qt.TextFlag.TextWordWrap), block.text)
            if number == 0:
                painter.fillRect(QRect(rect.left() + pad, top, 4, block.height), QUOTE_BAR)
            top += block.height + pad // 2
        painter.setPen(QPen(opt.palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()
        paint_chart(painter, chart_rect, metrics, row.goal.baseline, row.ratings)
        if opt.state & QStyle.StateFlag.State_HasFocus:
            focus = QStyleOptionViewItem(opt)
            focus.rect = rect.adjusted(1, 1, -1, -1)
            style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter)


class GoalList(QListWidget):
    """The goals; with a goal chosen, 1–5 pick a rating, Enter saves it and Escape cancels."""

    def __init__(self) -> None:
        super().__init__()
        self.on_rating: Callable[[int], None] = lambda _rating: None
        self.on_enter: Callable[[], bool] = lambda: False
        self.on_escape: Callable[[], bool] = lambda: False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if plain and key in RATING_KEYS and self.currentRow() >= 0:
            self.on_rating(RATING_KEYS[Qt.Key(key)])
            event.accept()
            return
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.on_enter():
            event.accept()
            return
        if plain and key == Qt.Key.Key_Escape and self.on_escape():
            event.accept()
            return
        super().keyPressEvent(event)


class GoalDialog(QDialog):
    """A new goal, or a change to one: stored on Add goal or Save changes, or kept on screen
    with what is wrong."""

    def __init__(self, worker: str, store: Store, parent: QWidget) -> None:
        super().__init__(parent)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self._worker = worker
        self._store = store
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
            set_on=self._editing.set_on if self._editing else date.today(),
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
        if self._editing is None:
            return self._store.add_goal(goal)
        changes = {name: getattr(goal, name) for name in GOAL_FIELDS - {"set_on"}}
        editing = self._editing
        revision = self._store.update_goal(editing.id, changes, revision_of(editing))
        return revised(replace(editing, **changes), revision)

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


class ReviewPanel(Section):
    """The five levels, who is reviewing, their own score, a note, and Save review."""

    def __init__(self) -> None:
        super().__init__("Review the chosen goal")
        self.goal_words = QLabel()
        self.goal_words.setObjectName("quote")
        self.goal_words.setWordWrap(True)
        self.form.addRow(self.goal_words)
        self.form.addRow(
            hint_label(
                "With the goals list in use: press 1 to 5 for where they are now, then Enter to "
                "save. Escape cancels. The note and their own score are optional."
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
        self.save_button = named(QPushButton("Save review"), "Save review")
        self.cancel_button = named(QPushButton("Cancel rating"), "Cancel rating")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        self.form.addRow(buttons)


class GoalsTab(QWidget):
    """The person's goals, adding one, and reviewing the chosen one.

    `goals_changed` is emitted with the goal's id after a goal or a review is stored, for
    anything that lists goals elsewhere (such as the goals due for review).
    """

    goals_changed = Signal(str)

    def __init__(self, store: Store, autosaver: Autosaver, worker: str) -> None:
        super().__init__()
        self._store = store
        self._autosaver = autosaver
        self._worker = worker
        self._person_id = ""
        self._rows: list[GoalRow] = []
        self.rating: int | None = None

        self.new_button = named(QPushButton("New goal"), "New goal")
        self.new_button.setToolTip("Add a goal in the person’s own words")
        self.new_button.clicked.connect(self.new_goal)
        self.change_button = named(QPushButton("Change goal…"), "Change the chosen goal")
        self.change_button.setToolTip("Correct the chosen goal's words, kind, target or level")
        self.change_button.clicked.connect(self.change_goal)
        top, self.confirmation = record_actions(self.new_button, self.change_button)
        self.t_score = QLabel()
        self.t_score.setAccessibleName("Goal attainment T-score")
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
        self.empty = QLabel(
            "No goals yet. Add one with New goal: what the person wants to be able to do, "
            "in their own words."
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        legend = hint_label(
            "Each chart starts where the person started (hollow dot); each review adds a dot. "
            "The dark middle line is 0: as expected."
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(legend)
        self.legend = legend

        self.panel = ReviewPanel()
        for rating, radio in self.panel.levels.items():
            radio.clicked.connect(lambda _checked=False, r=rating: self.choose_rating(r))
        self.panel.save_button.clicked.connect(self.save_review)
        self.panel.cancel_button.clicked.connect(self.cancel_rating)
        self.panel.note.returnPressed.connect(self.save_review)
        self.panel_scroll = QScrollArea()
        self.panel_scroll.setWidgetResizable(True)
        self.panel_scroll.setWidget(self.panel)
        self.panel_scroll.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.panel_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        char = self.fontMetrics().averageCharWidth()
        splitter.setSizes([char * 100, char * 52])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.t_score)
        layout.addWidget(splitter, 1)

        self.dialog = GoalDialog(worker, self._store, self)
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
        reviews = self._store.reviews(goal.id for goal in goals)
        today = date.today()
        self._rows = [GoalRow(goal, reviews[goal.id], today) for goal in goals]
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
        has_goals = bool(self._rows)
        set_shown(self.empty, not has_goals)
        set_shown(self.list, has_goals)
        set_shown(self.legend, has_goals)
        set_shown(self.panel_scroll, has_goals)
        self._goal_chosen(self.list.currentRow())
        self._show_t_score()

    def _refresh_row(self, row: int) -> None:
        """Re-read one goal's reviews and redraw its row; the selection stays where it is."""
        goal = self._rows[row].goal
        self._rows[row] = GoalRow(goal, self._store.reviews([goal.id])[goal.id], date.today())
        item = self.list.item(row)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, self._rows[row].accessible_text())
        self.delegate.sizeHintChanged.emit(self.list.model().index(row, 0))
        self.list.viewport().update()
        self._show_t_score()

    def _show_t_score(self) -> None:
        """Shown only when it says something: two or more goals reviewed."""
        latest = [row.reviews[-1].rating for row in self._rows if row.reviews]
        score = t_score(latest) if len(latest) >= 2 else None
        if score is not None:
            self.t_score.setText(
                f"Goal attainment T-score {round(score)} (50 means goals met as expected)"
            )
            self.t_score.setToolTip(f"From the latest rating of each of {len(latest)} goals.")
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
        self.goals_changed.emit(goal.id)

    # --- reviewing ------------------------------------------------------------------------------

    def _goal_chosen(self, row: int) -> None:
        self.cancel_rating()
        chosen_row = self._row_at(row)
        self.panel.goal_words.setText(quoted(chosen_row.goal.words) if chosen_row else "")
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
            font = radio.font()
            font.setBold(is_chosen)
            radio.setFont(font)
            radio.setStyleSheet(CHOSEN_STYLE if is_chosen else "")
        self.panel.group.setExclusive(True)
        if self.rating is None:
            text = "No rating chosen."
            description = ""
        else:
            text = (
                f"Chosen: {level_line(self.rating)}. Press Enter or Save review to save it; "
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
            on=date.today(),
            reviewer=chosen(self.panel.reviewer, Reviewer) or Reviewer.WORKER,
            self_rating=self.panel.self_rating.currentData(),
            note=self.panel.note.text().strip(),
        )
        try:
            self._store.add_review(review)
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
        self.goals_changed.emit(review.goal_id)
