"""The chart of a progression plan: the path it planned and the path the person has taken.

Time runs left to right from the day the plan starts to the day it ends, with a tick at the
start of each month, every one labelled (by its first letter where three would not fit). The
six steps of the ladder run from 1 (the most support) at the bottom to 6 (the most independence)
at the top. The plan is a dashed line from where the person started to where they hope to be;
where they have been is a solid line with a dot for each review. The legend names both in words,
and the lines differ in dash and weight, so it reads without colour.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from assessor.progression import LADDER, PlanReview, ProgressionPlan, planned_level
from assessor.validation import format_date

PLANNED = QColor("#505a5f")
ACTUAL = QColor("#1d70b8")
TEXT = QColor("#0b0c0c")
LABEL = QColor("#505a5f")
GRID = QColor("#dbdad9")
AXIS = QColor("#b1b4b6")
BACKGROUND = QColor("#ffffff")


def month_ticks(start: date, end: date) -> list[date]:
    """The first day of each month from `start` to `end`, both included when they are a 1st."""
    year, month = start.year, start.month
    if start.day != 1:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    ticks = []
    while date(year, month, 1) <= end:
        ticks.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ticks


def month_labels(ticks: Sequence[date], room: float, width: Callable[[str], float]) -> list[str]:
    """A label for every tick: "Mar", or the month's first letter when three letters would
    not fit in `room` (the space between ticks) by `width`, so no month is ever left out."""
    names = [calendar.month_abbr[tick.month] for tick in ticks]
    if names and max(width(name) for name in names) > room:
        return [name[0] for name in names]
    return names


def year_labels(ticks: Sequence[date]) -> list[str]:
    """The year under the first tick and under each January, so it is always known."""
    return [
        str(tick.year) if number == 0 or tick.month == 1 else ""
        for number, tick in enumerate(ticks)
    ]


def path_points(plan: ProgressionPlan, reviews: Sequence[PlanReview]) -> list[tuple[date, int]]:
    """Where the person has been: the start, then each review (oldest first)."""
    return [(plan.starts_on, plan.start_level), *((r.on, r.level) for r in reviews)]


def describe_progression(plan: ProgressionPlan, reviews: Sequence[PlanReview], today: date) -> str:
    """The chart in words, for a screen reader: the planned path, then the actual one."""
    planned = (
        f"Planned (dashed line): from step {plan.start_level} on {format_date(plan.starts_on)} "
        f"to step {plan.target_level} by {format_date(plan.ends_on)}."
    )
    if not reviews:
        actual = (
            f"Where they have been (solid line): step {plan.start_level} at the start; "
            "no reviews yet."
        )
        return f"{planned} {actual}"
    visits = ", ".join(f"step {r.level} on {format_date(r.on)}" for r in reviews)
    last = reviews[-1]
    hoped = planned_level(plan, last.on)
    compared = (
        "ahead of the plan"
        if last.level > hoped + 0.25
        else "behind the plan"
        if last.level < hoped - 0.25
        else "about where the plan hoped"
    )
    actual = (
        f"Where they have been (solid line): step {plan.start_level} at the start, then "
        f"{visits}. On {format_date(last.on)} the plan hoped for about step {hoped:.1f}, so "
        f"they are {compared}."
    )
    return f"{planned} {actual}"


class ProgressionChart(QWidget):
    """Paints one plan and its reviews; says the same in its accessible description."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Progression chart: planned and actual path")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._plan: ProgressionPlan | None = None
        self._reviews: list[PlanReview] = []
        self._today = date.min  # the day the plan is shown on: given with the plan
        self.drawn_months: list[str] = []  # the month labels last painted, for a check

    def show_plan(
        self, plan: ProgressionPlan | None, reviews: Sequence[PlanReview], today: date
    ) -> None:
        self._plan, self._reviews, self._today = plan, list(reviews), today
        self.setAccessibleDescription(
            describe_progression(plan, self._reviews, today) if plan else "No plan yet."
        )
        self.update()

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.averageCharWidth() * 50, metrics.height() * 16)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.averageCharWidth() * 80, metrics.height() * 22)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), BACKGROUND)
            painter.setPen(QPen(AXIS, 1))
            painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
            if self._plan is not None:
                self._paint(painter, self.fontMetrics())
        finally:
            painter.end()

    def _paint(self, painter: QPainter, metrics: QFontMetrics) -> None:
        plan = self._plan
        assert plan is not None
        char, line = metrics.averageCharWidth(), metrics.height()
        card = QRectF(self.rect())
        legend_height = line * 2
        bold = QFont(painter.font())
        bold.setBold(True)
        # The steps' labels are measured bold, as the plan's own steps are drawn, so none is cut.
        label_width = QFontMetrics(bold).horizontalAdvance("Step 6") + char * 2
        plot = QRectF(
            card.left() + label_width,
            card.top() + legend_height + line,
            card.width() - label_width - char * 4,
            card.height() - legend_height - line * 5.5 - char,
        )
        end = max([plan.ends_on, *(r.on for r in self._reviews)])
        span = max((end - plan.starts_on).days, 1)

        def x(day: date) -> float:
            return plot.left() + plot.width() * (day - plan.starts_on).days / span

        def y(level: float) -> float:
            return plot.bottom() - plot.height() * (level - 1) / (len(LADDER) - 1)

        self._paint_legend(painter, metrics, card, plot)

        # The steps, labelled on the left; the plan's start and hoped-for steps in bold.
        for level in LADDER:
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y(level)), QPointF(plot.right(), y(level)))
            font = painter.font()
            font.setBold(level in (plan.start_level, plan.target_level))
            painter.setFont(font)
            painter.setPen(TEXT if font.bold() else LABEL)
            box = QRectF(card.left(), y(level) - line / 2, label_width - char, line)
            painter.drawText(
                box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"Step {level}"
            )
            font.setBold(False)
            painter.setFont(font)

        # Month ticks along the bottom, every one labelled: the month, and the year beneath the
        # first and each January.
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        ticks = month_ticks(plan.starts_on, end)
        room = plot.width() * 28 / span - char / 2  # the least room between two ticks
        months = month_labels(ticks, room, metrics.horizontalAdvance)
        years = year_labels(ticks)
        year_right = -1e9
        for tick, month, year in zip(ticks, months, years, strict=True):
            at = x(tick)
            painter.setPen(QPen(AXIS, 1))
            painter.drawLine(QPointF(at, plot.bottom()), QPointF(at, plot.bottom() + char))
            painter.setPen(LABEL)
            self._centred(painter, metrics, month, at, plot.bottom() + char, card)
            if year and at - metrics.horizontalAdvance(year) / 2 > year_right + char:
                box = self._centred(painter, metrics, year, at, plot.bottom() + char + line, card)
                year_right = box.right()
        self.drawn_months = months
        painter.setPen(LABEL)
        dates = (
            f"Plan starts {format_date(plan.starts_on)} · hoped-for step by "
            f"{format_date(plan.ends_on)}"
        )
        painter.drawText(
            QRectF(card.left(), plot.bottom() + char + line * 2, card.width(), line * 1.5),
            Qt.AlignmentFlag.AlignCenter,
            dates,
        )

        # Today, as a dotted upright line, when it falls within the chart.
        if plan.starts_on <= self._today <= end:
            at = x(self._today)
            painter.setPen(QPen(LABEL, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(at, plot.top()), QPointF(at, plot.bottom()))
            painter.setPen(LABEL)
            width = metrics.horizontalAdvance("Today") + char
            painter.drawText(
                QRectF(min(at - width / 2, plot.right() - width), plot.top() - line, width, line),
                Qt.AlignmentFlag.AlignCenter,
                "Today",
            )

        # Planned: dashed, thinner.
        planned_pen = QPen(PLANNED, 2, Qt.PenStyle.DashLine)
        painter.setPen(planned_pen)
        painter.drawLine(
            QPointF(x(plan.starts_on), y(plan.start_level)),
            QPointF(x(plan.ends_on), y(plan.target_level)),
        )
        painter.setBrush(BACKGROUND)
        painter.setPen(QPen(PLANNED, 2))
        radius = max(3.0, line / 4)
        painter.drawEllipse(QPointF(x(plan.ends_on), y(plan.target_level)), radius, radius)

        # Where they have been: solid, thicker, a dot at each review.
        points = [QPointF(x(on), y(level)) for on, level in path_points(plan, self._reviews)]
        if len(points) > 1:
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            painter.setPen(QPen(ACTUAL, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        painter.setPen(QPen(ACTUAL, 2))
        for index, point in enumerate(points):
            painter.setBrush(BACKGROUND if index == 0 else ACTUAL)
            painter.drawEllipse(point, radius, radius)

    @staticmethod
    def _centred(
        painter: QPainter, metrics: QFontMetrics, text: str, at: float, top: float, card: QRectF
    ) -> QRectF:
        """`text` centred under `at`, kept inside the card; returns where it went."""
        width = metrics.horizontalAdvance(text) + 2
        left = min(max(at - width / 2, card.left()), card.right() - width)
        box = QRectF(left, top, width, metrics.height())
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        return box

    def _paint_legend(
        self, painter: QPainter, metrics: QFontMetrics, card: QRectF, plot: QRectF
    ) -> None:
        char, line = metrics.averageCharWidth(), metrics.height()
        middle = card.top() + line
        left = plot.left()
        sample = char * 5
        entries = (
            (QPen(PLANNED, 2, Qt.PenStyle.DashLine), "Planned", False),
            (QPen(ACTUAL, 3), "Where they have been", True),
        )
        for pen, words, dot in entries:
            painter.setPen(pen)
            painter.drawLine(QPointF(left, middle), QPointF(left + sample, middle))
            if dot:
                painter.setPen(QPen(ACTUAL, 2))
                painter.setBrush(ACTUAL)
                radius = max(3.0, line / 4)
                painter.drawEllipse(QPointF(left + sample / 2, middle), radius, radius)
            painter.setPen(TEXT)
            width = metrics.horizontalAdvance(words) + char
            painter.drawText(
                QRectF(left + sample + char, middle - line / 2, width, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                words,
            )
            left += sample + char * 4 + width
