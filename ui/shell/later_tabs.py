"""Tabs made the first time they are shown or asked for, not when their window is made.

Every widget costs memory from the moment it is made (the application's stylesheet keeps style
data for each, shown or not), and most people are opened at page one or their contacts. A tab
not yet made holds an empty page in its place; making it puts the tab in that page's place,
with the same title, tooltip, visibility and, if it was showing, still showing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget


class LaterTabs:
    """The tabs of a QTabWidget that are made when first needed, by name."""

    def __init__(self, tabs: QTabWidget) -> None:
        self._tabs = tabs
        self._makers: dict[str, Callable[[], QWidget]] = {}
        self._pages: dict[str, QWidget] = {}

    def add(self, name: str, title: str, make: Callable[[], QWidget]) -> None:
        self._makers[name] = make
        self._pages[name] = QWidget()
        self._tabs.addTab(self._pages[name], title)

    def page(self, name: str) -> QWidget:
        """What the tab widget holds for this tab now: the tab, or the page in its place."""
        return self._pages[name]

    def name_of(self, page: QWidget | None) -> str | None:
        return next((name for name, held in self._pages.items() if held is page), None)

    def get(self, name: str) -> QWidget:
        """The tab, made now if it was not yet."""
        make = self._makers.pop(name, None)
        if make is None:
            return self._pages[name]
        tab, waiting = make(), self._pages[name]
        index = self._tabs.indexOf(waiting)
        showing = self._tabs.currentIndex() == index
        title, visible = self._tabs.tabText(index), self._tabs.isTabVisible(index)
        tip = self._tabs.tabToolTip(index)
        quiet = self._tabs.blockSignals(True)  # the same tab stays chosen: nothing to report
        try:
            self._tabs.removeTab(index)
            self._tabs.insertTab(index, tab, title)
            self._tabs.setTabVisible(index, visible)
            self._tabs.setTabToolTip(index, tip)
            if showing:
                self._tabs.setCurrentIndex(index)
        finally:
            self._tabs.blockSignals(quiet)
        self._pages[name] = tab
        waiting.deleteLater()
        return tab
