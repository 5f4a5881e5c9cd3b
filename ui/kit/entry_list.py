"""A list of entries read in the background, cheap to show with thousands of them.

The Due and Carers tabs each show one. An entry is plain text and what Enter opens, worked
out off the GUI thread. The text goes to Qt in one call, into a model and a view that are
Qt's own, not Python subclasses: laying out and painting rows then never calls back into
Python, so it never waits for a read running in the background to let go of Python's
interpreter lock. The view lays rows out in batches, so a long list never holds the window
still.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QStringListModel
from PySide6.QtWidgets import QAbstractItemView, QListView

from ui.kit.forms import named

LAYOUT_BATCH = 50  # rows laid out per turn of the event loop


@dataclass(frozen=True)
class Entry:
    """One line of a list: who and what, a line break, then why; and what it opens, such as
    ("goal", person id, goal id)."""

    text: str
    target: tuple[str, ...]


class EntryList:
    """Entries in a list view (`view`), each wrapped to its width; Enter or a double click
    hands the entry to `on_chosen`."""

    def __init__(self, name: str, on_chosen: Callable[[Entry], None]) -> None:
        self.view = named(QListView(), name)
        self._texts = QStringListModel(self.view)
        self.view.setModel(self._texts)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setSpacing(3)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(LAYOUT_BATCH)
        self._entries: Sequence[Entry] = ()
        self.view.activated.connect(lambda index: on_chosen(self._entries[index.row()]))

    def set_entries(self, entries: Sequence[Entry]) -> None:
        """Show these entries, keeping the one chosen if it is still listed, or else the one
        now in its place, so a worker working down the list stays where they were."""
        current = self.view.currentIndex()
        chosen = self._entries[current.row()].target if current.isValid() else None
        self._entries = entries
        self._texts.setStringList([entry.text for entry in entries])
        if not entries or (chosen is None and not self.view.hasFocus()):
            return
        rows = (row for row, entry in enumerate(entries) if entry.target == chosen)
        self._choose(next(rows, min(current.row(), len(entries) - 1)) if chosen else 0)

    def count(self) -> int:
        return len(self._entries)

    def choose_first(self) -> None:
        """Make the first entry current, unless one already is."""
        if self._entries and not self.view.currentIndex().isValid():
            self._choose(0)

    def lines(self) -> list[str]:
        """Every entry's text, in order."""
        return [entry.text for entry in self._entries]

    def _choose(self, row: int) -> None:
        self.view.setCurrentIndex(self._texts.index(row, 0, QModelIndex()))
