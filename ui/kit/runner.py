"""The one way the desktop runs store work and slow work, modelled on Anki's task manager.

- `write` runs an operation (one transaction, returning `OpResult`) on the single writer
  thread; `write_now` runs one on the GUI thread for the few saves that must finish before
  the window may close (autosave's flush). Both hold the same lock, so there is one writer;
  `write_now` waits for it a second at most, so a sync's push never freezes the window.
- `read` runs a query beside the writer, off the GUI thread, one read at a time, started once
  the GUI thread is back in the event loop; with `latest_of`, only the newest read of the same
  question is answered, so a burst of refreshes costs at most two reads and shows the last.
- `job` runs long work (a batch of prints) with progress and cancel, beside the reads.

Results and errors come back on the GUI thread. Every failure is logged with its traceback to
the log in the data folder; callers get the exception to explain in plain words. After each
write that changed something, `changes_applied` carries the `OpChanges` and the object that
asked for it, and every view refreshes from that one signal.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from assessor.logfile import LOGGER
from assessor.operations.op_changes import OpChanges, OpResult
from assessor.problems import PlainProblem
from assessor.validation import InvalidInput

T = TypeVar("T")
Failed = Callable[[Exception], None]
GUI_TURN_SECONDS = 0.001
WRITER_WAIT_SECONDS = 1.0  # the longest the GUI thread waits for the writer, so never frozen


class WriterBusy(PlainProblem):
    """The writer was held (a sync's push waiting for the hub's answer) for longer than the
    GUI thread may wait: what was typed stays pending and is saved at the next try."""

    def __init__(self) -> None:
        super().__init__(
            "Saving waits for the sync with the council to finish; what you typed is kept."
        )


class _Relay(QObject):
    """Carries one piece of work's outcome from its thread to the GUI thread."""

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Run(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay, lock: threading.Lock | None) -> None:
        super().__init__()
        self._work, self._relay, self._lock = work, relay, lock

    def run(self) -> None:
        try:
            if self._lock is None:
                result = self._work()
            else:
                with self._lock:
                    result = self._work()
        except Exception as problem:
            self._relay.failed.emit(problem)
        else:
            self._relay.done.emit(result)


class Job:
    """A long piece of work under way: `cancel` (safe from any thread) stops it at its next
    check; the work reads `cancelled` and reports with `progress(done, of)`."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def progress(self, done: int, of: int) -> None:
        self._relay.progress.emit(done, of)


class Runner(QObject):
    """Store work and slow work off the GUI thread, with one writer and one report of changes."""

    changes_applied = Signal(object, object)  # OpChanges, the object that asked (or None)
    failed = Signal(str)  # a failure no caller handled, in plain words, for the status bar

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # One thread each. Python runs one thread at a time, so reads side by side would not
        # finish sooner; they would only keep the GUI thread waiting longer for its turn.
        self._writer, self._reader, self._jobs = (_one_thread(self) for _ in range(3))
        # Let the GUI thread in every millisecond (Python's default is every 5), so a read of
        # the whole caseload in the background never holds a keystroke back for long.
        sys.setswitchinterval(GUI_TURN_SECONDS)
        self._write_lock = threading.Lock()
        self._closed = False
        self._relays: set[_Relay] = set()
        self._tickets: dict[str, int] = {}  # per name, the newest read asked for
        self._asking: set[str] = set()  # names with a read about to start or running
        self._waiting: dict[str, Callable[[], None]] = {}  # per name, the newest read to start

    def write(
        self,
        operation: Callable[[], OpResult[T]],
        on_done: Callable[[T], None] | None = None,
        on_failed: Failed | None = None,
        *,
        source: object = None,
    ) -> None:
        """Run `operation` on the writer thread; `on_done` gets its value, then views refresh."""

        def finished(result: OpResult[T]) -> None:
            if on_done is not None:
                on_done(result.value)
            self._announce(result.changes, source)

        self._start(self._writer, operation, finished, on_failed, self._write_lock)

    def write_now(self, operation: Callable[[], OpResult[T]], *, source: object = None) -> T:
        """Run `operation` here and now, waiting for the writer: only for a save that must be
        done before the app may close. A failure is logged and raised to the caller; a writer
        held too long raises `WriterBusy` (not logged: it is tried again)."""
        if not self._write_lock.acquire(timeout=WRITER_WAIT_SECONDS):
            raise WriterBusy()
        try:
            result = operation()
        except Exception as problem:
            _log(problem)
            raise
        finally:
            self._write_lock.release()
        self._announce(result.changes, source)
        return result.value

    def writer(self) -> threading.Lock:
        """The writer's lock, for long work that must write as one with no local edit between
        (a sync's push): `with runner.writer(): ...`, from a job, never the GUI thread."""
        return self._write_lock

    def read(
        self,
        query: Callable[[], T],
        on_done: Callable[[T], None],
        on_failed: Failed | None = None,
        *,
        latest_of: str | None = None,
    ) -> None:
        """Run `query` off the GUI thread, starting once the GUI thread is back in the event
        loop, so it never competes with the work that asked for it.

        With `latest_of`, only the newest read of that name is answered: reads asked for in
        one go make one read; while one runs, the newest asked for since waits to run next
        (any older one never runs); and an answer or failure overtaken by a newer ask is
        dropped (a failure is still logged). A burst of refreshes so costs at most two reads.
        """
        query = _collector_paused(query)
        if latest_of is None:
            QTimer.singleShot(0, self, lambda: self._start(self._reader, query, on_done, on_failed))
            return
        name = latest_of
        ticket = self._tickets.get(name, 0) + 1
        self._tickets[name] = ticket

        def settled(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def then(outcome: Any) -> None:
                self._next_soon(name)
                if self._tickets[name] == ticket:
                    callback(outcome)

            return then

        self._waiting[name] = lambda: self._start(
            self._reader, query, settled(on_done), settled(on_failed or self._unhandled)
        )
        if name not in self._asking:
            self._asking.add(name)
            self._next_soon(name)

    def job(
        self,
        work: Callable[[Job], T],
        on_done: Callable[[T], None],
        on_failed: Failed | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Job:
        """Run long work with progress and cancel, beside the writer."""
        relay = _Relay()
        job = Job(relay)
        if on_progress is not None:
            relay.progress.connect(on_progress)
        self._start(self._jobs, lambda: work(job), on_done, on_failed, None, relay)
        return job

    def close(self) -> None:
        """The window is going: start no more reads or jobs, wait for what runs, so nothing is
        cut off mid-write, and hand nothing more back to views about to be deleted."""
        self._closed = True
        self.wait()

    def wait(self) -> None:
        """Block until all work started has ended (what it hands back comes on the event
        loop's next turns)."""
        for pool in (self._writer, self._reader, self._jobs):
            pool.waitForDone()

    def _next_soon(self, name: str) -> None:
        """On the event loop's next turn, start the newest read of `name` waiting, if any."""

        def start() -> None:
            ask = self._waiting.pop(name, None)
            if ask is None:
                self._asking.discard(name)
            else:
                ask()

        QTimer.singleShot(0, self, start)

    def _unhandled(self, problem: Exception) -> None:
        self.failed.emit(_plain(problem))

    def _announce(self, changes: OpChanges, source: object) -> None:
        if changes:
            self.changes_applied.emit(changes, source)

    def _start(
        self,
        pool: QThreadPool,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Failed | None,
        lock: threading.Lock | None = None,
        relay: _Relay | None = None,
    ) -> None:
        if self._closed and pool is not self._writer:
            return
        relay = relay or _Relay()
        self._relays.add(relay)

        def done(value: Any) -> None:
            self._relays.discard(relay)
            if not self._closed:
                on_done(value)

        def failed(problem: Exception) -> None:
            self._relays.discard(relay)
            _log(problem)
            if not self._closed:
                (on_failed or self._unhandled)(problem)

        relay.done.connect(done)
        relay.failed.connect(failed)
        pool.start(_Run(work, relay, lock))


def _collector_paused(query: Callable[[], T]) -> Callable[[], T]:
    """`query` with Python's cycle collector paused while it runs.

    A read across the caseload makes hundreds of thousands of short-lived objects; the
    collector would walk them again and again as they pile up, holding the interpreter lock,
    and so the GUI thread, for up to a tenth of a second each time. They are freed by
    reference counting as soon as the read ends, so there is nothing for it to find.
    """

    def paused() -> T:
        gc.disable()
        try:
            return query()
        finally:
            gc.enable()

    return paused


def _one_thread(parent: QObject) -> QThreadPool:
    pool = QThreadPool(parent)
    pool.setMaxThreadCount(1)
    return pool


def _log(problem: Exception) -> None:
    """Log a failure with its traceback for council IT. A check that what was typed failed
    (`InvalidInput`, an edit conflict included) is not a failure of the app: the worker is
    told beside the field, and its message may quote what was typed, which the log never
    holds."""
    if isinstance(problem, InvalidInput):
        return
    logging.getLogger(LOGGER).error("Background work failed", exc_info=problem)


def _plain(problem: Exception) -> str:
    from db.failures import explain  # the words for store failures live with the store

    return explain(problem)
