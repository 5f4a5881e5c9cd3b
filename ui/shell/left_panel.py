"""The left side of the main window: the caseload, what is due, and carers still to be offered a
conversation of their own, as tabs; the last two are read afresh when shown."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget

from ui.carers.carers_list import CarersToOffer
from ui.shell.caseload import CaseloadPanel
from ui.shell.due import DueList

if TYPE_CHECKING:
    from db.store import Store


class LeftPanel(QTabWidget):
    refresh_wanted = Signal()  # the Due or Carers tab was shown: read it again

    def __init__(self, caseload: CaseloadPanel, due: DueList, carers: CarersToOffer) -> None:
        super().__init__()
        self.caseload, self.due, self.carers = caseload, due, carers
        self.setAccessibleName("Caseload, what is due, and carers")
        self.addTab(caseload, "Caseload")
        self.addTab(due, "Due")
        self.addTab(carers, "Carers")
        self.currentChanged.connect(self._changed)

    def focus_search(self) -> None:
        self.setCurrentWidget(self.caseload)
        self.caseload.search.setFocus()
        self.caseload.search.selectAll()

    def show_list(self, tab: DueList | CarersToOffer) -> None:
        """A list tab, with its first entry chosen and the keyboard in it."""
        self.setCurrentWidget(tab)
        if tab.list.count() and tab.list.currentRow() < 0:
            tab.list.setCurrentRow(0)
        tab.list.setFocus()

    def refresh(self, store: Store, today: date) -> None:
        """Re-read what is due and which carers are still to be offered a conversation."""
        count = self.due.refresh(store, today)
        self.setTabText(self.indexOf(self.due), f"Due ({count})")
        carers = self.carers.refresh(store, today)
        self.setTabText(self.indexOf(self.carers), f"Carers ({carers})")

    def _changed(self, _index: int) -> None:
        if self.currentWidget() in (self.due, self.carers):
            self.refresh_wanted.emit()
