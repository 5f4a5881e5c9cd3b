"""An entry list made when first needed rather than before the window first shows.

The Due and Carers tabs each hold one, but nobody sees it until the first read comes back or
the tab is opened, and its Qt classes take tens of milliseconds to load (bench/startup.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QBoxLayout, QListView

    from ui.kit.entries import Entry
    from ui.kit.entry_list import EntryList


class ListWhenNeeded:
    """The list named `name`, put at `place` in `layout` (with `stretch`) when first asked for."""

    def __init__(
        self,
        name: str,
        on_chosen: Callable[[Entry], None],
        layout: QBoxLayout,
        place: int,
        stretch: int = 0,
    ) -> None:
        self._name, self._on_chosen = name, on_chosen
        self._layout, self._place, self._stretch = layout, place, stretch
        self._made: EntryList | None = None

    def get(self) -> EntryList:
        if self._made is None:
            from ui.kit.entry_list import EntryList

            self._made = EntryList(self._name, self._on_chosen)
            self._layout.insertWidget(self._place, self._made.view, self._stretch)
        return self._made


class ShowsListWhenNeeded:
    """For a page holding one such list in `_list`: its `entries`, and their `list` view."""

    _list: ListWhenNeeded

    @property
    def entries(self) -> EntryList:
        return self._list.get()

    @property
    def list(self) -> QListView:
        return self.entries.view
