"""Sync's part of the main window, made once the store is open: the Sync menu, the status
bar's word on it, the banner on a person's record, the Needs attention list and the dialogs
they open. The window keeps this one object and tells it which person it shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from assessor.operations.op_changes import OpChanges, RecordKind
from assessor.search import Findable
from council.engine import SyncSummary
from db.store import Store
from db.sync.laptop_side import SyncStatus
from ui.sync.attention import NeedsAttention
from ui.sync.background import EVERY_MS, BackgroundSync
from ui.sync.banner import ConflictBanner
from ui.sync.engine import SyncEngine
from ui.sync.status_bar import SyncIndicator
from ui.sync.team_caseload import show_team

if TYPE_CHECKING:
    from assessor.sync.conflicts import SyncConflict
    from ui.shell.main_window import MainWindow
    from ui.sync.conflict_dialog import ConflictDialog

SYNC_NOW = "Ctrl+Shift+S"


class SyncScreens(QObject):
    def __init__(self, window: MainWindow, store: Store, every_ms: int = EVERY_MS) -> None:
        super().__init__(window)
        self._window, self._store = window, store
        self.engine = SyncEngine(store)
        self.background = BackgroundSync(
            self.engine, window.runner, every_ms, parent=self, before=window.autosaver.flush
        )
        self.indicator = SyncIndicator(self.background, window.now, window.statusBar())
        self.indicator.attention_asked.connect(self.show_attention)
        self.banner = ConflictBanner(self.engine, window.runner)
        self.banner.open_asked.connect(self.open_conflict)
        window.workspace.layout().insertWidget(1, self.banner)  # under the name, above alerts
        self.attention: NeedsAttention | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self._team_shown = ""
        self._menu(window)
        self.background.status_changed.connect(self._status)
        self.background.synced.connect(self._synced)
        window.runner.changes_applied.connect(self._changed)
        self.background.start()

    def _menu(self, window: MainWindow) -> None:
        menu = window.menuBar().addMenu("&Sync")
        self.connect_action = QAction("&Connect to the council…", window)
        self.connect_action.triggered.connect(self.connect_to_council)
        self.sync_action = QAction("Sync &now", window)
        self.sync_action.setShortcut(QKeySequence(SYNC_NOW))
        self.sync_action.triggered.connect(self.sync_now)
        self.attention_action = QAction("Needs &attention…", window)
        self.attention_action.triggered.connect(self.show_attention)
        for action in (self.connect_action, self.sync_action, self.attention_action):
            menu.addAction(action)

    def person_shown(self, person_id: str) -> None:
        self.banner.show_person(person_id)

    def sync_now(self) -> None:
        self.background.sync_now()

    def connect_to_council(self) -> None:
        from ui.sync.connect_dialog import ConnectDialog

        dialog = ConnectDialog(
            self.engine, self._window.runner, self.background.refresh, self._window
        )
        dialog.open()

    def show_attention(self) -> None:
        if self.attention is None:
            self.attention = NeedsAttention(
                self.engine, self._window.runner, self._window.index.name_of, self._window
            )
            self.attention.conflict_chosen.connect(self.open_conflict)
            self.attention.sent_again.connect(self.background.sync_now)
            self.attention.person_chosen.connect(self._window.open_page_one)
        self.attention.refresh()
        self.attention.show()
        self.attention.activateWindow()

    def open_conflict(self, conflict: SyncConflict) -> None:
        from ui.sync.conflict_dialog import ConflictDialog

        window = self._window
        person = window.index.name_of(conflict.person_id)
        self.conflict_dialog = ConflictDialog(conflict, person, self.engine, window.runner, window)
        self.conflict_dialog.accepted.connect(lambda: self._chosen(conflict.person_id))
        self.conflict_dialog.open()

    def _chosen(self, person_id: str) -> None:
        """The record shown takes the values chosen, so what is typed next builds on them."""
        workspace = self._window.workspace
        if workspace.person_id == person_id:
            self._window.autosaver.flush()
            workspace.show_person(person_id)

    def _status(self, status: SyncStatus) -> None:
        if status.connected and self._team_shown != status.role:
            self._team_shown = status.role
            show_team(self._window.caseload, self._store.worker, status.role)

    def _changed(self, changes: OpChanges, _source: object) -> None:
        """A choice stored, or a record changed: the banner and the list say so at once."""
        if self.banner.person_id and changes.touches_person(self.banner.person_id):
            self.banner.show_person(self.banner.person_id)
        if self.attention is not None and self.attention.isVisible():
            self.attention.refresh()

    def _synced(self, summary: SyncSummary) -> None:
        """Rows may have come from the hub: the record shown, if they are its, search, the
        lists and the banner read afresh."""
        workspace = self._window.workspace
        if workspace.person_id in summary.people_received:
            self._window.autosaver.flush()
            workspace.read_again()
        if not summary.received:
            return
        self._window.runner.read(self._store.findable_people, self._people_read)

    def _people_read(self, people: list[Findable]) -> None:
        window = self._window
        ids = {person.id for person in people}
        for person in people:
            if window.index.get(person.id) != person:
                window.index.put(person)
        for gone in [p.id for p in window.index.everyone() if p.id not in ids]:
            window.index.remove(gone)
        window.caseload.refresh()
        window.left.refresh(OpChanges(kinds=frozenset(RecordKind)))
        if self.banner.person_id:
            self.banner.show_person(self.banner.person_id)
        if self.attention is not None and self.attention.isVisible():
            self.attention.refresh()
