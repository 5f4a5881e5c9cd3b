"""One background-task helper: slow work off the GUI thread, its result or error back on it.

Modelled on Anki's task manager. Callers pass plain functions; the helper runs them on Qt's
thread pool and calls `on_done` or `on_failed` (with the failure in plain words; its detail
goes to the log) on the GUI thread. Store writes from tasks go one
at a time because the pool for writes has a single thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ui.kit.forms import failure_text


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as problem:
            self._relay.failed.emit(failure_text(problem))
        else:
            self._relay.done.emit(result)


class TaskManager(QObject):
    """Runs work in the background; at most one store write at a time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[str], None],
    ) -> None:
        relay = _Relay()
        self._relays.add(relay)

        def finish() -> None:
            self._relays.discard(relay)

        relay.done.connect(on_done)
        relay.failed.connect(on_failed)
        relay.done.connect(finish)
        relay.failed.connect(finish)
        self._pool.start(_Job(work, relay))

    def wait(self) -> None:
        """Block until running work ends: only at quit, so nothing is cut off mid-write."""
        self._pool.waitForDone()
