"""Sync in the background once the laptop is connected: at start, a few seconds after changes
settle, every few minutes, and when the worker asks. One sync at a time, as a runner job with
progress and cancel; a change made meanwhile brings another sync after it. What the worker
has typed is saved first (`before`), so it goes with the sync and a row that arrives meets it in
the store, where a change to the same field is seen, not on the screen, where it would be lost."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from council.engine import SyncProblem, SyncSummary
from db.sync.laptop_side import SyncStatus
from ui.kit.runner import Job, Runner
from ui.sync.engine import SyncEngine, plain_problem

EVERY_MS = 5 * 60 * 1000
SETTLE_MS = 5 * 1000


class BackgroundSync(QObject):
    status_changed = Signal(object)  # SyncStatus, read afresh after each sync and each change
    problem_changed = Signal(str)  # "" when all is well, OFFLINE, or what stopped the last sync
    progress = Signal(int, int)  # done, of (0 when not known)
    running_changed = Signal(bool)
    synced = Signal(object)  # SyncSummary: records may have arrived

    def __init__(
        self,
        engine: SyncEngine,
        runner: Runner,
        every_ms: int = EVERY_MS,
        settle_ms: int = SETTLE_MS,
        parent: QObject | None = None,
        before: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.engine, self._runner, self._before = engine, runner, before
        self.status: SyncStatus | None = None
        self.problem = ""
        self._job: Job | None = None
        self._again = False
        self._started = False
        self.every = QTimer(self, interval=every_ms, timeout=self.sync_now)
        self.settle = QTimer(self, interval=settle_ms, singleShot=True, timeout=self.sync_now)
        runner.changes_applied.connect(self._changed)

    @property
    def running(self) -> bool:
        return self._job is not None

    def start(self) -> None:
        """Read the status; once it says the laptop is connected, sync and keep syncing."""
        self._started = True
        self.refresh()

    def refresh(self) -> None:
        self._runner.read(self.engine.status, self._status_read, latest_of="sync status")

    def sync_now(self) -> None:
        self.settle.stop()
        if self._job is not None:
            self._again = True
            return
        self._before()
        runner = self._runner
        self._job = runner.job(
            lambda job: self.engine.attempt(job.progress, lambda: job.cancelled, runner.writer),
            self._done,
            self._failed,
            self.progress.emit,
        )
        self.running_changed.emit(True)

    def cancel(self) -> None:
        if self._job is not None:
            self._again = False
            self._job.cancel()

    def _changed(self, _changes: object, _source: object) -> None:
        self.refresh()  # the count of changes waiting to go
        if self.status is not None and self.status.connected:
            self.settle.start()  # restarted by each change: a sync once typing settles

    def _status_read(self, status: SyncStatus) -> None:
        first = self.status is None or not self.status.connected
        self.status = status
        self.status_changed.emit(status)
        if status.connected and first and self._started:
            self.every.start()
            self.sync_now()

    def _done(self, outcome: SyncSummary | SyncProblem) -> None:
        if isinstance(outcome, SyncProblem):
            self._failed(outcome)
            return
        self._show_problem("")
        self.synced.emit(outcome)
        self._ended()

    def _failed(self, problem: Exception) -> None:
        said = plain_problem(problem)
        if said is not None:
            self._show_problem(said)
        self._ended()

    def _show_problem(self, text: str) -> None:
        if text != self.problem:
            self.problem = text
            self.problem_changed.emit(text)

    def _ended(self) -> None:
        self._job = None
        self.running_changed.emit(False)
        self.refresh()
        if self._again:
            self._again = False
            self.sync_now()
