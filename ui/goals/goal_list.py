"""The goals list: each goal as one row (quotation, status, details, ratings chart) and the
keys that rate it.

Split from the goals tab so the painting and wording of a row stand apart from the tab that
stores goals and reviews.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QListView,
    QListWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from assessor.goals import GAS_LEVELS, Goal, GoalKind, GoalStatus, Review, due_for_review, status
from assessor.own_words import quoted
from assessor.validation import format_date
from ui.goals.goal_chart import chart_size, describe_chart, paint_chart, signed

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


def kind_phrase(kind: GoalKind) -> str:
    """The kind as a row says it: "Reablement goal", "Their own goal"."""
    return kind.label if kind is GoalKind.OWN else f"{kind.label} goal"


@dataclass
class GoalRow:
    """One goal with its reviews (oldest first), as one row of the list shows it."""

    goal: Goal
    reviews: list[Review]
    today: date

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
        # Each row's blocks by the width they were wrapped at (sizing and painting ask for widths
        # a pixel apart), with the row and font they were worked out for: a row is worked out
        # again only when it is a new `GoalRow` (its goal or reviews changed), the font changed
        # or the list's width did, not every time the list lays out or paints it.
        self._laid_out: dict[int, tuple[GoalRow, QFont, dict[int, list[Block]]]] = {}

    def _blocks(self, number: int, row: GoalRow, base: QFont, width: int) -> list[Block]:
        kept = self._laid_out.get(number)
        if kept is None or kept[0] is not row or kept[1] != base:
            kept = (row, QFont(base), {})
            self._laid_out[number] = kept
        by_width = kept[2]
        if width not in by_width:
            if len(by_width) >= 2:
                by_width.clear()
            by_width[width] = self._lay_out(row, base, width)
        return by_width[width]

    def _lay_out(self, row: GoalRow, base: QFont, width: int) -> list[Block]:
        """Each line's font, text, wrapped height at the given width, and whether it is muted."""
        plain, quote, bold = QFont(base), QFont(base), QFont(base)  # kept after `base` goes
        quote.setItalic(True)
        bold.setBold(True)
        shown = [
            (quote, quoted(row.goal.words), False),
            (bold, row.status_line(), False),
            (plain, row.details_line(), False),
            (bold, row.due_line(), False),
            (plain, row.expected_line(), True),
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
        blocks = self._blocks(index.row(), row, option.font, text_width)
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
        for number, block in enumerate(self._blocks(index.row(), row, opt.font, text_width)):
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
