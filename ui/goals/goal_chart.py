"""A small chart of a goal's ratings over time, painted into a list row.

Each review is a dot, left to right in the order they were made, starting from where the person
started (a hollow dot). The scale runs from −2 at the bottom to +2 at the top, and the 0 line,
"as expected", is drawn solid so a glance shows whether the goal has been reached.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen

LEVELS = (2, 1, 0, -1, -2)
MOST_POINTS = 12

LINE = QColor("#1d70b8")
EXPECTED = QColor("#0b0c0c")
GRID = QColor("#b1b4b6")
LABEL = QColor("#505a5f")
BACKGROUND = QColor("#ffffff")
BORDER = QColor("#b1b4b6")


def signed(rating: int) -> str:
    """A rating as people write it: +1, 0, −1 (with a true minus sign)."""
    if rating > 0:
        return f"+{rating}"
    if rating < 0:
        return f"−{-rating}"
    return "0"


def chart_size(metrics: QFontMetrics) -> QSize:
    """Room for the five levels' labels and a dozen reviews, in the system font's units."""
    return QSize(metrics.averageCharWidth() * 24, metrics.height() * 6)


def paint_chart(
    painter: QPainter,
    rect: QRect,
    metrics: QFontMetrics,
    baseline: int,
    ratings: Sequence[int],
) -> None:
    """Paint the ratings in `rect`, on its own white card so it reads on a selected row too."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    card = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5)
    painter.setPen(QPen(BORDER, 1))
    painter.setBrush(BACKGROUND)
    painter.drawRoundedRect(card, 3, 3)

    pad = metrics.averageCharWidth()
    label_width = metrics.horizontalAdvance("−2") + pad
    half = metrics.height() / 2
    plot = QRectF(
        card.left() + pad + label_width,
        card.top() + half,
        card.width() - 2 * pad - label_width - pad,
        card.height() - 2 * half,
    )
    step = plot.height() / (len(LEVELS) - 1)

    def y(level: int) -> float:
        return plot.top() + (2 - level) * step

    for level in LEVELS:
        if level == 0:
            painter.setPen(QPen(EXPECTED, 1.5))
        else:
            painter.setPen(QPen(GRID, 1, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(plot.left(), y(level)), QPointF(plot.right(), y(level)))
        if level in (2, 0, -2) or step >= metrics.height() * 0.9:
            painter.setPen(EXPECTED if level == 0 else LABEL)
            box = QRectF(card.left(), y(level) - half, pad / 2 + label_width, 2 * half)
            painter.drawText(
                box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, signed(level)
            )

    values = [baseline, *ratings]
    starts_at_baseline = len(values) <= MOST_POINTS
    values = values[-MOST_POINTS:]
    radius = max(3.0, metrics.height() / 5)
    gap = (plot.width() - 2 * radius) / max(len(values) - 1, 5)
    points = [
        QPointF(plot.left() + radius + index * gap, y(value)) for index, value in enumerate(values)
    ]
    if len(points) > 1:
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        painter.setPen(QPen(LINE, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    for index, point in enumerate(points):
        hollow = index == 0 and starts_at_baseline
        painter.setPen(QPen(LINE, 2))
        painter.setBrush(BACKGROUND if hollow else LINE)
        painter.drawEllipse(point, radius, radius)
    painter.restore()


def describe_chart(baseline: int, ratings: Sequence[int]) -> str:
    """The chart in words, for a screen reader."""
    if not ratings:
        return f"Started at {signed(baseline)}; not reviewed yet."
    return f"Started at {signed(baseline)}, then {', '.join(signed(r) for r in ratings)}."
