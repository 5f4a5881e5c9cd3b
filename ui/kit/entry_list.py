"""A list of entries read in the background, cheap to fill with thousands of them.

The Due and Carers tabs each show one. An entry is plain text and what Enter opens, worked
out off the GUI thread; filling the list is one model reset, and the view lays rows out in
batches, so a long list never holds the window still.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QListView

from ui.kit.forms import named

AnyIndex = QModelIndex | QPersistentModelIndex
LAYOUT_BATCH = 50  # rows laid out per turn of the event loop


@dataclass(frozen=True)
class Entry:
    """One line of a list: who and what, a line break, then why; and what it opens, such as
    ("goal", person id, goal id)."""

    text: str
    target: tuple[str, ...]


class EntryModel(QAbstractListModel):
    """The entries for the view; a row's text is only drawn as it scrolls into sight."""

    def __init__(self) -> None:
        super().__init__()
        self._entries: Sequence[Entry] = ()

    def set_entries(self, entries: Sequence[Entry]) -> None:
        self.beginResetModel()
        self._entries = entries
        self.endResetModel()

    def entry_at(self, row: int) -> Entry:
        return self._entries[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return entry.text.replace("\n", ", ")
        return None


class EntryList(QListView):
    """Entries, each wrapped to the list's width; Enter or a double click opens one."""

    entry_chosen = Signal(object)  # the Entry

    def __init__(self, name: str) -> None:
        super().__init__()
        named(self, name)
        self.entries = EntryModel()
        self.setModel(self.entries)
        self.setWordWrap(True)
        self.setSpacing(3)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self.activated.connect(self._activated)

    def set_entries(self, entries: Sequence[Entry]) -> None:
        """Show these entries, keeping the one chosen if it is still listed, or else the one
        now in its place, so a worker working down the list stays where they were."""
        current = self.currentIndex()
        chosen = self.entries.entry_at(current.row()).target if current.isValid() else None
        self.entries.set_entries(entries)
        if not entries or (chosen is None and not self.hasFocus()):
            return
        rows = (row for row, entry in enumerate(entries) if entry.target == chosen)
        row = next(rows, min(current.row(), len(entries) - 1)) if chosen else 0
        self.setCurrentIndex(self.entries.index(row))

    def count(self) -> int:
        return self.entries.rowCount()

    def choose_first(self) -> None:
        """Make the first entry current, unless one already is."""
        if self.count() and not self.currentIndex().isValid():
            self.setCurrentIndex(self.entries.index(0))

    def lines(self) -> list[str]:
        """Every entry's text, in order."""
        return [self.entries.entry_at(row).text for row in range(self.count())]

    def _activated(self, index: QModelIndex) -> None:
        self.entry_chosen.emit(self.entries.entry_at(index.row()))
