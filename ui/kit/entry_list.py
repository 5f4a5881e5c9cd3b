"""A list of entries read in the background, cheap to show with thousands of them.

The Due and Carers tabs each show one. An entry is plain text and what Enter opens, worked
out off the GUI thread. The rows go into a model and a view that are Qt's own, not Python
subclasses: laying out and painting rows then never calls back into Python, so it never waits
for a read running in the background to let go of Python's interpreter lock. The view lays
rows out in batches, so a long list never holds the window still.

Entries with a due date are grouped under headings (Overdue, This week, Later), each with
words, an icon and its count, so what is late never looks like what is not due yet. A heading
is not an entry: the arrow keys pass over it, and each entry tells a screen reader its group.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QIcon, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle

from ui.kit.entries import Entry
from ui.kit.forms import named

LAYOUT_BATCH = 50  # rows laid out per turn of the event loop
WEEK = timedelta(days=7)


@dataclass(frozen=True)
class DueGroup:
    """A heading of the Due list: its words and the icon beside them."""

    words: str
    icon: QStyle.StandardPixmap

    def heading(self, count: int) -> str:
        return f"{self.words} ({count})"


OVERDUE = DueGroup("Overdue", QStyle.StandardPixmap.SP_MessageBoxWarning)
THIS_WEEK = DueGroup("This week", QStyle.StandardPixmap.SP_MessageBoxInformation)
LATER = DueGroup("Later", QStyle.StandardPixmap.SP_ArrowForward)


def due_group(due: date, today: date) -> DueGroup:
    """Overdue before today; this week from today to six days on; later after that."""
    if due < today:
        return OVERDUE
    return THIS_WEEK if due < today + WEEK else LATER


def grouped(entries: Sequence[Entry], today: date) -> list[tuple[DueGroup, list[Entry]]]:
    """The entries under their headings, in heading order, each group in the order given;
    headings with nothing under them are left out."""
    groups: dict[DueGroup, list[Entry]] = {OVERDUE: [], THIS_WEEK: [], LATER: []}
    for entry in entries:
        groups[due_group(entry.due or today, today)].append(entry)
    return [(group, held) for group, held in groups.items() if held]


class EntryList:
    """Entries in a list view (`view`), each wrapped to its width; Enter or a double click
    hands the entry to `on_chosen`."""

    def __init__(self, name: str, on_chosen: Callable[[Entry], None]) -> None:
        self.view = named(QListView(), name)
        self._model = QStandardItemModel(self.view)
        self.view.setModel(self._model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setSpacing(3)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(LAYOUT_BATCH)
        self._entries: Sequence[Entry] = ()
        self._rows: list[Entry | None] = []  # each row's entry; None for a heading
        self.view.activated.connect(lambda index: self._activated(index.row(), on_chosen))

    def set_entries(self, entries: Sequence[Entry], today: date | None = None) -> None:
        """Show these entries (under headings when `today` is given), keeping the one chosen
        if it is still listed, or else the one now in its place, so a worker working down the
        list stays where they were."""
        current = self.view.currentIndex()
        row = current.row() if current.isValid() else -1
        chosen = self._rows[row] if 0 <= row < len(self._rows) else None
        self._entries = entries
        self._fill(entries, today)
        if not entries or (chosen is None and not self.view.hasFocus()):
            return
        if chosen is None:
            self._choose_row(0)
            return
        same = [
            at for at, entry in enumerate(self._rows) if entry and entry.target == chosen.target
        ]
        self._choose_row(same[0] if same else max(row, 0))

    def count(self) -> int:
        return len(self._entries)

    def choose_first(self) -> None:
        """Make the first entry current, unless one already is."""
        if self._entries and not self.view.currentIndex().isValid():
            self._choose_row(0)

    def choose(self, number: int) -> None:
        """Make the entry at `number` (counting entries, not headings) current."""
        self.view.setCurrentIndex(self.index_of(number))

    def index_of(self, number: int) -> QModelIndex:
        """Where the entry at `number` (counting entries, not headings) is in the view."""
        rows = [row for row, entry in enumerate(self._rows) if entry is not None]
        return self._model.index(rows[number], 0)

    def lines(self) -> list[str]:
        """Every entry's text, in the order shown."""
        return [entry.text for entry in self._rows if entry is not None]

    def headings(self) -> list[str]:
        """The headings shown, in order, with their counts."""
        return [self._model.item(row).text() for row, e in enumerate(self._rows) if e is None]

    def _fill(self, entries: Sequence[Entry], today: date | None) -> None:
        self._model.clear()
        self._rows = []
        if today is None:
            items = [self._item(entry, "") for entry in entries]
            self._rows = list(entries)
        else:
            items = []
            for group, held in grouped(entries, today):
                items.append(self._heading(group, len(held)))
                items += [self._item(entry, group.words) for entry in held]
                self._rows += [None, *held]
        if items:
            self._model.appendColumn(items)

    def _item(self, entry: Entry, group: str) -> QStandardItem:
        item = QStandardItem(entry.text)
        item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
        if group:
            item.setData(f"{group}: {entry.text}", Qt.ItemDataRole.AccessibleTextRole)
        return item

    def _heading(self, group: DueGroup, count: int) -> QStandardItem:
        """Not enabled, so the arrow keys pass over it; drawn in the text's own colour and
        bold, never greyed out."""
        icon = self.view.style().standardIcon(group.icon)
        size = self.view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.addPixmap(icon.pixmap(size), QIcon.Mode.Disabled)  # drawn as is, not greyed
        item = QStandardItem(icon, group.heading(count))
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        things = "thing" if count == 1 else "things"
        item.setData(f"{group.words}: {count} {things}", Qt.ItemDataRole.AccessibleTextRole)
        font = QFont(self.view.font())
        font.setBold(True)
        item.setFont(font)
        item.setForeground(QBrush(self.view.palette().color(QPalette.ColorRole.WindowText)))
        return item

    def _entry_row_from(self, row: int) -> int:
        """The first entry's row at or after `row`, or the last entry's."""
        rows = [at for at, entry in enumerate(self._rows) if entry is not None]
        return next((at for at in rows if at >= row), rows[-1])

    def _choose_row(self, row: int) -> None:
        self.view.setCurrentIndex(self._model.index(self._entry_row_from(row), 0))

    def _activated(self, row: int, on_chosen: Callable[[Entry], None]) -> None:
        entry = self._rows[row] if 0 <= row < len(self._rows) else None
        if entry is not None:
            on_chosen(entry)
