"""What the desktop asks of sync, in one place: the laptop's side of it (`db.sync`) and the
conversation with the council's hub (`council`), each call made for the runner to run off the
GUI thread. The screens take this and never call sync themselves."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from typing import Any

from assessor.operations.op_changes import OpChanges, OpResult
from assessor.operations.sync_conflicts import resolve
from assessor.sync.conflicts import SyncConflict
from council.connect import Enrolment, connect
from council.credentials import keyring_credentials
from council.engine import (
    Cancelled,
    NotConnected,
    Offline,
    SyncProblem,
    SyncProgress,
    SyncSummary,
    sync_once,
)
from db.store import Store
from db.sync.laptop_side import HeldChange, LaptopSync, SyncStatus
from db.sync.resolve import SyncConflicts
from ui.kit.forms import failure_text

Progress = Callable[[int, int], None]
OFFLINE = "Working offline"


class SyncEngine:
    """Sync for one store. Every method may be slow (the store, the network): run it with the
    runner, never on the GUI thread."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._laptop = LaptopSync(store)
        self._conflicts = SyncConflicts(store)

    @property
    def worker(self) -> str:
        return self._store.worker

    def status(self) -> SyncStatus:
        return self._laptop.status()

    def held(self) -> list[HeldChange]:
        return self._laptop.held()

    def conflicts(self, person_id: str | None = None) -> list[SyncConflict]:
        return self._conflicts.open_conflicts(person_id)

    def connect(self, hub_url: str, code: str, device_name: str) -> Enrolment:
        return connect(
            self._store,
            hub_url,
            code,
            credentials=keyring_credentials(),
            device_name=device_name,
        )

    def sync(
        self,
        progress: Progress,
        cancelled: Callable[[], bool],
        writer: Callable[[], AbstractContextManager[Any]],
    ) -> SyncSummary:
        """One sync; pushes hold `writer` (the runner's), so no local edit falls between."""

        def report(step: SyncProgress) -> None:
            progress(step.done, step.total or 0)

        return sync_once(
            self._store,
            credentials=keyring_credentials(),
            progress=report,
            cancelled=cancelled,
            writer=writer,
        )

    def attempt(
        self,
        progress: Progress,
        cancelled: Callable[[], bool],
        writer: Callable[[], AbstractContextManager[Any]],
    ) -> SyncSummary | SyncProblem:
        """One sync, or what stopped it in words: working offline is normal, and is kept out of
        the log of failures the runner keeps for council IT."""
        try:
            return self.sync(progress, cancelled, writer)
        except SyncProblem as problem:
            return problem

    def send_again(self, kind: str, row_id: str) -> OpResult[None]:
        self._laptop.send_again(kind, row_id)
        return OpResult(None, OpChanges())

    def resolve(self, conflict: SyncConflict, choices: Mapping[str, Any]) -> OpResult[int]:
        """Store the worker's choice of each field as a new change to the record."""
        return resolve(self._conflicts, conflict, choices)


def plain_problem(problem: Exception) -> str | None:
    """What a failed sync means for the status bar: None when there is nothing to say (not
    connected, or the worker cancelled), OFFLINE when the hub cannot be reached (normal), or
    the hub's or keyring's words."""
    if isinstance(problem, NotConnected | Cancelled):
        return None
    if isinstance(problem, Offline):
        return OFFLINE
    return problem_words(problem)


def problem_words(problem: Exception) -> str:
    """A failure to connect or sync in words: the hub's or keyring's own, or the store's."""
    if isinstance(problem, SyncProblem):
        return str(problem)
    return f"Sync did not finish: {failure_text(problem)}"
