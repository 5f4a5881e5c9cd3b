"""The scaffold the tabs of one kind of record share: their buttons and what was last done
above; below, the records, or in their place a line saying there are none yet and how to add
one. Goals and short-term help show theirs as a list beside the chosen one's panel.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.kit.forms import record_actions, set_shown
from ui.kit.steady_page import SteadyPage


def empty_state(text: str) -> QLabel:
    """What a tab says in place of its records while there are none: how to add the first."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop)
    return label


class RecordsTab(SteadyPage):
    """A tab of records. A subclass builds its widgets, then `lay_out`, and after each read
    says with `show_records` whether there are any. What changes inside after a save (what
    was last done, a count) is laid out inside the tab, not across the window."""

    def __init__(self, empty_text: str) -> None:
        super().__init__()
        self.empty = empty_state(empty_text)
        self._with_records: tuple[QWidget, ...] = ()

    def lay_out(
        self,
        buttons: Sequence[QPushButton],
        body: Sequence[QWidget],
        with_records: Sequence[QWidget],
        above: Sequence[QWidget] = (),
    ) -> None:
        """The buttons and `self.confirmation` on top, then `above` at their own height, then
        `body` sharing the rest; `with_records` are shown only while there are records."""
        top, self.confirmation = record_actions(*buttons)
        layout = QVBoxLayout(self.body)
        layout.addLayout(top)
        for widget in above:
            layout.addWidget(widget)
        for widget in body:
            layout.addWidget(widget, 1)
        self._with_records = tuple(with_records)

    def show_records(self, any_records: bool) -> None:
        set_shown(self.empty, not any_records)
        for widget in self._with_records:
            set_shown(widget, any_records)


def list_beside_panel(
    items: QListWidget,
    panel: QWidget,
    empty: QLabel,
    *,
    stretch: tuple[int, int],
    widths: tuple[int, int],
    panel_least: int,
    below: Sequence[QWidget] = (),
) -> tuple[QSplitter, QScrollArea]:
    """The list (with `empty` above it and `below` under it) beside `panel`, which scrolls.
    Widths are in average characters, so the split suits any font size."""
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 0, 0)
    left_layout.addWidget(empty)
    left_layout.addWidget(items, 1)
    for widget in below:
        left_layout.addWidget(widget)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(panel)
    char = scroll.fontMetrics().averageCharWidth()
    scroll.setMinimumWidth(char * panel_least)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(left)
    splitter.addWidget(scroll)
    for index, factor in enumerate(stretch):
        splitter.setStretchFactor(index, factor)
    splitter.setChildrenCollapsible(False)
    splitter.setSizes([char * width for width in widths])
    return splitter, scroll
