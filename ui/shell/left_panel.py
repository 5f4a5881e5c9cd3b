"""The left side of the main window: the caseload, what is due, and carers still to be offered a
conversation of their own, as tabs; the last two are read afresh, in the background, when shown
and when a change touches what they list."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget

from assessor.operations.op_changes import OpChanges, RecordKind
from ui.carers.carers_list import CarersToOffer
from ui.shell.caseload import CaseloadPanel
from ui.shell.due import DueList

if TYPE_CHECKING:
    from db.store import Store
    from ui.kit.runner import Runner

# The kinds of record each list is worked out from; a change to any other leaves it as it is.
DUE_FROM = (RecordKind.GOAL, RecordKind.SHORT_TERM_HELP, RecordKind.CARER, RecordKind.PERSON)
CARERS_FROM = (RecordKind.CARER, RecordKind.PERSON, RecordKind.CONTACT)  # a carer's conversation
READING = "…"  # the count in a tab's title until the first read comes back


class LeftPanel(QTabWidget):
    refresh_wanted = Signal()  # the Due or Carers tab was shown: read it again

    def __init__(self, caseload: CaseloadPanel, due: DueList, carers: CarersToOffer) -> None:
        super().__init__()
        self.caseload, self.due, self.carers = caseload, due, carers
        self.setAccessibleName("Caseload, what is due, and carers")
        self.addTab(caseload, "Caseload")
        self.addTab(due, f"Due ({READING})")
        self.addTab(carers, f"Carers ({READING})")
        due.refreshed.connect(lambda count: self.setTabText(self.indexOf(due), f"Due ({count})"))
        carers.refreshed.connect(
            lambda count: self.setTabText(self.indexOf(carers), f"Carers ({count})")
        )
        self.currentChanged.connect(self._changed)

    def focus_search(self) -> None:
        self.setCurrentWidget(self.caseload)
        self.caseload.search.setFocus()
        self.caseload.search.selectAll()

    def show_list(self, tab: DueList | CarersToOffer) -> None:
        """A list tab, with its first entry chosen (once read) and the keyboard in it."""
        self.setCurrentWidget(tab)
        tab.list.choose_first()
        tab.list.setFocus()

    def refresh(
        self, runner: Runner, store: Store, today: date, changes: OpChanges | None = None
    ) -> None:
        """Read what is due and which carers are still to be offered a conversation again, in
        the background: both, or only those `changes` can have changed."""
        if changes is None or changes.touches(*DUE_FROM):
            self.due.refresh(runner, store, today)
        if changes is None or changes.touches(*CARERS_FROM):
            self.carers.refresh(runner, store, today)

    def _changed(self, _index: int) -> None:
        if self.currentWidget() in (self.due, self.carers):
            self.refresh_wanted.emit()
