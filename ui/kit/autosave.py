"""Autosave: every edit reaches the store within a second, with no save button.

A second after typing stops, and a second after the first unsaved keystroke however steadily
the worker goes on typing: a crash or a kill loses at most the last second or so. Fields hand
the autosaver a value to compute later (so checks run when the worker pauses, not on every
keystroke), the text as typed, and a writer for their record. Edits to one record are written
together, in one transaction.

A value that fails its check is not written to the record: its text is kept as a draft in the
store (see `assessor.drafts`) and its message stays beside the field. A write that fails (the
store busy, the disk full) keeps everything pending and is tried again, sooner then later.

The forms' writers run their operation with the runner's `write_now`, under the one writer's
lock, so a flush is finished and durable before the window may close. Drafts go straight to the
store's `DraftRecords`: they stay on this laptop, so they are not operations and never synced.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from assessor.conflicts import EditConflict
from assessor.drafts import Draft, unsaved_summary
from assessor.files import CannotWrite
from assessor.unsaved_journal import read_journal, write_journal
from assessor.validation import InvalidInput
from db.failures import explain
from ui.kit.clock import Now

if TYPE_CHECKING:
    from assessor.operations.store_port import DraftRecords

DELAY_MS = 1000  # after a pause
MAX_WAIT_MS = 1000  # after the first unsaved edit, pause or not
RETRY_FIRST_MS = 500  # a failed save is tried again after this, then twice as long each time
RETRY_LONGEST_MS = 8000

Writer = Callable[[dict[str, Any]], None]
log = logging.getLogger("assessor")


@dataclass(frozen=True)
class FormPlace:
    """Whose record a form shows, in words, for drafts and the status bar."""

    description: str = ""  # such as "Reg Lowe, page one"
    person_id: str = ""


@dataclass
class _Edit:
    value: Callable[[], Any]
    text: Callable[[], str] | None
    on_invalid: Callable[[str | None], None]
    label: str


@dataclass
class _PendingRecord:
    writer: Writer
    place: FormPlace
    edits: dict[str, _Edit] = field(default_factory=dict)


def _as_tried(edits: dict[str, _Edit], changes: dict[str, Any]) -> dict[str, _Edit]:
    """The edits whose write failed, held as they were then: by the time they are tried again
    the form may show another record. (Edits that failed their check are drafts already.)"""
    return {
        name: replace(
            edit,
            value=_held(changes[name]),
            text=None if edit.text is None else _held(edit.text()),
        )
        for name, edit in edits.items()
        if name in changes
    }


def _held(value: Any) -> Callable[[], Any]:
    return lambda: value


def record_key(record: Hashable) -> str:
    """A record's key as drafts store it: ("person", id) becomes "person/id"."""
    parts = record if isinstance(record, tuple) else (record,)
    return "/".join(str(part) for part in parts)


class Autosaver(QObject):
    """Collects edits and writes them after a pause, at most a second late, on focus leaving a
    field, and on quit."""

    state_changed = Signal(str)
    saved = Signal()
    failed = Signal(str)  # a save failed: the plain reason; it will be tried again

    def __init__(
        self,
        now: Now,
        parent: QObject | None = None,
        delay_ms: int = DELAY_MS,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        """`now` stamps when a draft was kept."""
        super().__init__(parent)
        self._pending: dict[Hashable, _PendingRecord] = {}
        self._drafts: dict[tuple[str, str], Draft] = {}
        self._keeper: DraftRecords | None = None
        self._journal: Path | None = None
        self._error: str | None = None
        self._retry_ms = RETRY_FIRST_MS
        self._now = now
        self._timer = self._single_shot(delay_ms)
        self._deadline = self._single_shot(max_wait_ms)
        self._retry = self._single_shot(RETRY_FIRST_MS)
        self._countdown = QTimer(self)  # while a save waits to be tried again: each second
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(lambda: self.state_changed.emit(self.state()))

    def _single_shot(self, interval_ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(self.flush)
        return timer

    def use_drafts(self, keeper: DraftRecords, journal: Path | None = None) -> None:
        """Keep drafts in `keeper` (the store) and learn the ones it already holds, first
        moving in any that `journal` kept when the store could not be written."""
        self._keeper, self._journal = keeper, journal
        if journal is not None and journal.exists():
            for draft in read_journal(journal):
                keeper.keep_draft(draft)
            journal.unlink()
        self._drafts = {(draft.record, draft.field): draft for draft in keeper.drafts()}
        self.state_changed.emit(self.state())

    def drafts(self, person_id: str | None = None) -> list[Draft]:
        """The drafts held, oldest first; only one person's if asked."""
        held = sorted(self._drafts.values(), key=lambda draft: draft.kept_at)
        return [d for d in held if person_id is None or d.person_id == person_id]

    def draft_for(self, record: Hashable, name: str) -> Draft | None:
        return self._drafts.get((record_key(record), name))

    def edit(
        self,
        record: Hashable,
        writer: Writer,
        name: str,
        value: Callable[[], Any],
        on_invalid: Callable[[str | None], None],
        text: Callable[[], str] | None = None,
        label: str = "",
        place: FormPlace | None = None,
    ) -> None:
        """Note an edit to one field; `value` may raise InvalidInput when it is computed, and
        `text` (the field as typed) is what a draft keeps."""
        pending = self._pending.setdefault(record, _PendingRecord(writer, place or FormPlace()))
        pending.edits[name] = _Edit(value, text, on_invalid, label or name)
        self._timer.start()  # restarted by every keystroke
        if not self._deadline.isActive():
            self._deadline.start()  # not restarted: steady typing is stored too
        self.state_changed.emit(self.state())

    def flush(self) -> bool:
        """Write everything pending now; True when nothing is left waiting to be written.

        Text that fails its check is not waiting: it is kept as a draft.
        """
        for timer in (self._timer, self._deadline, self._retry):
            timer.stop()
        pending, self._pending = self._pending, {}
        problem: Exception | None = None
        for record, item in pending.items():
            changes = self._checked(record, item)
            if not changes:
                continue
            try:
                item.writer(changes)
            except InvalidInput as refused:  # the store's checks: a length, a newer revision
                for name in changes:
                    self._refused(record, item, name, refused)
            except Exception as failure:
                # The runner's write_now has logged the failure with its traceback.
                log.info("Saving %s failed; it will be tried again", record_key(record))
                problem = failure
                waiting = self._pending.setdefault(record, _PendingRecord(item.writer, item.place))
                waiting.edits = {**_as_tried(item.edits, changes), **waiting.edits}
            else:
                for name in changes:
                    item.edits[name].on_invalid(None)
                    self._forget_draft(record, name)
        return self._settle(problem)

    def _settle(self, problem: Exception | None) -> bool:
        """After a flush: say so when all is written, or try again later."""
        if problem is None:
            if self._journal is not None:
                self._journal.unlink(missing_ok=True)
            self._error = None
            self._countdown.stop()
            self._retry_ms = RETRY_FIRST_MS
            self.state_changed.emit(self.state())
            self.saved.emit()
            return True
        first = self._error is None
        self._error = explain(problem)
        self._keep_waiting_text()
        self._retry.start(self._retry_ms)
        self._countdown.start()
        self._retry_ms = min(self._retry_ms * 2, RETRY_LONGEST_MS)
        if first:
            self.failed.emit(self._error)
        self.state_changed.emit(self.state())
        return False

    def _keep_waiting_text(self) -> None:
        """What waits to be saved, written to the journal so a crash cannot lose it."""
        if self._journal is None:
            return
        waiting = [
            self._draft(record, item, name, self._error or "", "check")
            for record, item in self._pending.items()
            for name, edit in item.edits.items()
            if edit.text is not None
        ]
        try:
            write_journal(self._journal, waiting)
        except CannotWrite:
            log.exception("Keeping unsaved text beside the store failed")

    def _draft(
        self, record: Hashable, item: _PendingRecord, name: str, message: str, kind: str
    ) -> Draft:
        edit = item.edits[name]
        return Draft(
            record=record_key(record),
            field=name,
            text=edit.text() if edit.text is not None else "",
            message=message,
            label=edit.label,
            where=item.place.description,
            person_id=item.place.person_id,
            kept_at=self._now(),
            kind=kind,
        )

    def _checked(self, record: Hashable, item: _PendingRecord) -> dict[str, Any]:
        changes = {}
        for name, edit in item.edits.items():
            try:
                changes[name] = edit.value()
            except InvalidInput as problem:
                self._refused(record, item, name, problem)
        return changes

    def _refused(
        self, record: Hashable, item: _PendingRecord, name: str, problem: InvalidInput
    ) -> None:
        """Keep the text as a draft and say what is wrong beside the field."""
        message = str(problem)
        edit = item.edits[name]
        edit.on_invalid(message)
        if edit.text is None:
            return
        kind = "conflict" if isinstance(problem, EditConflict) else "check"
        draft = self._draft(record, item, name, message, kind)
        self._drafts[(draft.record, name)] = draft
        if self._keeper is not None:
            try:
                self._keeper.keep_draft(draft)
            except Exception:
                log.exception("Keeping a draft of %s failed", draft.record)

    def _forget_draft(self, record: Hashable, name: str) -> None:
        draft = self._drafts.pop((record_key(record), name), None)
        if draft is None:
            return
        if self._keeper is not None:
            try:
                self._keeper.drop_draft(draft.record, draft.field)
            except Exception:  # the text is in its record; an old draft only shows it again
                log.exception("Dropping the draft of %s failed", draft.record)

    def state(self) -> str:
        """What the status bar says: Saving…, saved, what waits to be tried again, or what
        is kept as a draft and where."""
        if self._error:
            seconds = max(1, round(self._retry.remainingTime() / 1000))
            return f"Not saved yet. {self._error} Trying again in {seconds} s."
        if self._pending:
            return "Saving…"
        if self._drafts:
            return unsaved_summary(self.drafts())
        return "All changes saved"

    def problem(self) -> str:
        """Why the last save failed, in plain words; empty when the last save went through."""
        return self._error or ""

    def has_problem(self) -> bool:
        """True while something typed is not in its record: the status bar stands out."""
        return bool(self._error or self._drafts)
