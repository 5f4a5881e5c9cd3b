"""Autosave: every edit reaches the store within a second, with no save button.

A second after typing stops, and a second after the first unsaved keystroke however steadily
the worker goes on typing: a crash or a kill loses at most the last second or so.

Fields hand the autosaver a value to compute later (so checks run when the worker pauses, not on
every keystroke) and a writer for their record. Edits to one record are written together, in one
transaction. A value that fails its check is not written; its message stays beside the field and
the typed text stays in the widget.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from assessor.validation import InvalidInput

DELAY_MS = 1000  # after a pause
MAX_WAIT_MS = 1000  # after the first unsaved edit, pause or not

Writer = Callable[[dict[str, Any]], None]


@dataclass
class _PendingRecord:
    writer: Writer
    values: dict[str, Callable[[], Any]] = field(default_factory=dict)
    on_invalid: dict[str, Callable[[str | None], None]] = field(default_factory=dict)


class Autosaver(QObject):
    """Collects edits and writes them after a pause, on focus leaving a field, and on quit."""

    state_changed = Signal(str)
    saved = Signal()
    failed = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        delay_ms: int = DELAY_MS,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self._pending: dict[Hashable, _PendingRecord] = {}
        self._invalid: dict[tuple[Hashable, str], str] = {}
        self._error: str | None = None
        self._timer = self._single_shot(delay_ms)
        self._deadline = self._single_shot(max_wait_ms)

    def _single_shot(self, interval_ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(self.flush)
        return timer

    def edit(
        self,
        record: Hashable,
        writer: Writer,
        name: str,
        value: Callable[[], Any],
        on_invalid: Callable[[str | None], None],
    ) -> None:
        """Note an edit to one field; `value` may raise InvalidInput when it is computed."""
        pending = self._pending.setdefault(record, _PendingRecord(writer))
        pending.values[name] = value
        pending.on_invalid[name] = on_invalid
        self._timer.start()  # restarted by every keystroke
        if not self._deadline.isActive():
            self._deadline.start()  # not restarted: steady typing is stored too
        self.state_changed.emit(self.state())

    def flush(self) -> bool:
        """Write everything pending now; True when nothing is left unwritten."""
        self._timer.stop()
        self._deadline.stop()
        pending, self._pending = self._pending, {}
        for record, item in pending.items():
            changes = self._checked(record, item)
            if not changes:
                continue
            try:
                item.writer(changes)
            except Exception as problem:
                self._error = f"Not saved: {problem}"
                self._pending.setdefault(record, item)
                self.failed.emit(self._error)
                self.state_changed.emit(self.state())
                return False
        self._error = None
        self.state_changed.emit(self.state())
        self.saved.emit()
        return True

    def _checked(self, record: Hashable, item: _PendingRecord) -> dict[str, Any]:
        changes = {}
        for name, compute in item.values.items():
            try:
                changes[name] = compute()
            except InvalidInput as problem:
                self._invalid[(record, name)] = str(problem)
                item.on_invalid[name](str(problem))
                continue
            if self._invalid.pop((record, name), None) is not None:
                item.on_invalid[name](None)
        return changes

    def forget(self, record: Hashable) -> None:
        """Drop the check messages of a record that is no longer on screen."""
        for key in [key for key in self._invalid if key[0] == record]:
            del self._invalid[key]
        self.state_changed.emit(self.state())

    def state(self) -> str:
        """What the status bar says: Saving…, Saved, or what stops a save."""
        if self._error:
            return self._error
        if self._pending:
            return "Saving…"
        if self._invalid:
            count = len(self._invalid)
            fields = "field" if count == 1 else "fields"
            return f"{count} {fields} not saved: see the message beside it"
        return "All changes saved"
