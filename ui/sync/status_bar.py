"""The status bar's word on sync: when the laptop last synced, what waits to go, a sync under
way with its Cancel, and "Needs attention (2)" when something waits for the worker. Working
offline is said quietly, in words, like everything here: nothing is told by colour alone."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStatusBar, QWidget

from db.sync.laptop_side import SyncStatus
from ui.kit.clock import Now
from ui.kit.forms import named, set_shown
from ui.sync.background import BackgroundSync
from ui.sync.engine import OFFLINE
from ui.sync.wording import last_synced, waiting

NOT_CONNECTED = "Not connected to the council"
WRAP_AFTER = 60  # characters


def status_text(status: SyncStatus | None, problem: str, now: Now) -> str:
    """ "Working offline · Synced 10:42 · 3 changes waiting to go", or what stopped sync."""
    if status is None:
        return ""
    if not status.connected:
        return NOT_CONNECTED
    parts = [last_synced(status.last_synced_at, now()), waiting(status.waiting)]
    if problem == OFFLINE:
        parts.insert(0, OFFLINE)
    elif problem:
        parts.insert(0, problem)
    return " · ".join(parts)


def attention_count(status: SyncStatus | None) -> int:
    return 0 if status is None else status.open_conflicts + status.held


class SyncIndicator(QWidget):
    attention_asked = Signal()

    def __init__(self, sync: BackgroundSync, now: Now, status_bar: QStatusBar) -> None:
        super().__init__()
        self._sync, self._now = sync, now
        self.text = named(QLabel(), "Sync")
        self.text.setWordWrap(True)
        self.under_way = named(QLabel(), "Sync under way")
        self.cancel = named(QPushButton("Cancel sync"), "Cancel sync")
        self.cancel.clicked.connect(sync.cancel)
        self.attention = named(QPushButton(), "Needs attention")
        self.attention.clicked.connect(self.attention_asked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.text, self.under_way, self.cancel, self.attention):
            layout.addWidget(widget)
        for widget in (self.under_way, self.cancel, self.attention):
            widget.hide()
        sync.status_changed.connect(self.show_status)
        sync.problem_changed.connect(lambda _problem: self.show_status())
        sync.progress.connect(self._progress)
        sync.running_changed.connect(self._running)
        status_bar.addPermanentWidget(self)

    def show_status(self) -> None:
        status = self._sync.status
        said = status_text(status, self._sync.problem, self._now)
        self.text.setText(said)
        self.text.setAccessibleDescription(said)
        # On one line where it is short; a long problem wraps rather than widen the window.
        metrics = self.text.fontMetrics()
        wide = min(metrics.horizontalAdvance(said) + 4, metrics.averageCharWidth() * WRAP_AFTER)
        self.text.setMinimumWidth(wide)
        count = attention_count(status)
        self.attention.setText(f"Needs attention ({count})")
        self.attention.setAccessibleName(self.attention.text())
        set_shown(self.attention, count > 0)

    def _running(self, running: bool) -> None:
        self.under_way.setText("Syncing…")
        set_shown(self.under_way, running)
        set_shown(self.cancel, running)

    def _progress(self, done: int, of: int) -> None:
        self.under_way.setText(f"Syncing… {done} of {of}" if of else "Syncing…")
