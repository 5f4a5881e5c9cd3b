"""The left side of the main window: the caseload, what is due, and carers still to be offered a
conversation of their own, as tabs; the last two are read afresh, in the background, when shown
and when a change touches what they list.

What is due depends on the date too, so a day that turns while the app is open (or the laptop
sleeps) reads both again.

The runner starts each read once the GUI thread is back in the event loop, so it never
competes with the work the worker is waiting to see (a review saved, its row redrawn), and
several asks in one go cost one read of each list.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTabWidget

from assessor.operations.op_changes import OpChanges, RecordKind
from ui.carers.carers_list import CarersToOffer
from ui.kit.clock import Today
from ui.shell.caseload import CaseloadPanel
from ui.shell.due import DueList

if TYPE_CHECKING:
    from assessor.operations.store_port import StorePort
    from ui.kit.runner import Runner

# The kinds of record each list is worked out from; a change to any other leaves it as it is.
DUE_FROM = (
    RecordKind.GOAL,
    RecordKind.SHORT_TERM_HELP,
    RecordKind.CARER,
    RecordKind.PERSON,
    RecordKind.FOLLOW_UP,
)
CARERS_FROM = (RecordKind.CARER, RecordKind.PERSON, RecordKind.CONTACT)  # a carer's conversation
READING = "…"  # the count in a tab's title until the first read comes back
DAY_CHECK_MS = 60_000  # how often the date is looked at, to read the lists again on a new day


class LeftPanel(QTabWidget):
    def __init__(
        self, caseload: CaseloadPanel, due: DueList, carers: CarersToOffer, today: Today
    ) -> None:
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
        self._read: Callable[[DueList | CarersToOffer], None] | None = None
        self._today = today
        self._read_on: date | None = None  # the date the lists were last read for
        self.day_check = QTimer(self)
        self.day_check.setInterval(DAY_CHECK_MS)
        self.day_check.timeout.connect(self._check_the_day)

    def read_from(self, runner: Runner, store: StorePort) -> None:
        """The store is open: read both lists now, and again whenever asked or a day turns."""

        def read(tab: DueList | CarersToOffer) -> None:
            self._read_on = self._today()
            tab.refresh(runner, store, self._read_on)

        self._read = read
        self.refresh()
        self.day_check.start()

    def focus_search(self) -> None:
        self.setCurrentWidget(self.caseload)
        self.caseload.search.setFocus()
        self.caseload.search.selectAll()

    def show_list(self, tab: DueList | CarersToOffer) -> None:
        """A list tab, with its first entry chosen (once read) and the keyboard in it."""
        self.setCurrentWidget(tab)
        tab.entries.choose_first()
        tab.list.setFocus()

    def refresh(self, changes: OpChanges | None = None) -> None:
        """Read what is due and which carers are still to be offered a conversation again, in
        the background: both, or only those `changes` touch."""
        lists = ((self.due, DUE_FROM), (self.carers, CARERS_FROM))
        self._want(*(tab for tab, kinds in lists if changes is None or changes.touches(*kinds)))

    def _want(self, *tabs: DueList | CarersToOffer) -> None:
        if self._read is None:
            return  # the store is not open yet: `read_from` reads both when it is
        for tab in tabs:
            self._read(tab)

    def _check_the_day(self) -> None:
        if self._read_on is not None and self._today() != self._read_on:
            self.refresh()

    def _changed(self, _index: int) -> None:
        tab = self.currentWidget()
        if tab in (self.due, self.carers):
            self._want(tab)
