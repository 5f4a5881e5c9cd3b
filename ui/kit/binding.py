"""Binds form widgets to one record's fields, so every form autosaves the same way.

A `Binder` knows its record (a key and a writer) and the autosaver. Each `bind_*` call connects a
widget: edits are sent to the autosaver, leaving a field flushes, and `load` fills the widgets
from a domain object without echoing the values back as edits.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from assessor.drafts import Draft
from assessor.limits import LIMITS, RecordKind, check_length
from assessor.validation import (
    InvalidInput,
    format_date_numeric,
    parse_date,
    parse_date_of_birth,
)
from ui.kit.autosave import Autosaver, FormPlace, Writer
from ui.kit.clock import Today
from ui.kit.forms import SHORT_FIELDS, Section, line_edit, named, text_edit

Parse = Callable[[str], Any]
# Stores changes made from the given revision of a record and returns its new revision.
RevisedWriter = Callable[[dict[str, Any], int | None], int]
E = TypeVar("E", bound=StrEnum)
Show = Callable[[Any], str]


def keep(text: str) -> str:
    return text


def stripped(text: str) -> str:
    return text.strip()


def required(what: str) -> Parse:
    """A parser for a field that cannot be left empty."""

    def parse(text: str) -> str:
        if not text.strip():
            raise InvalidInput(f"{what} is needed.")
        return text

    return parse


def optional(parse: Parse, empty: Any = "") -> Parse:
    """Empty means not recorded; anything else must pass the check."""

    def parse_optional(text: str) -> Any:
        return empty if not text.strip() else parse(text)

    return parse_optional


def optional_date(text: str) -> date | None:
    return None if not text.strip() else parse_date(text)


def optional_date_of_birth(today: Today) -> Parse:
    """A date of birth, or none; checked against the day `today` gives when it is typed."""

    def parse(text: str) -> date | None:
        return None if not text.strip() else parse_date_of_birth(text, today())

    return parse


def show_date(value: date | None) -> str:
    return "" if value is None else format_date_numeric(value)


def show_text(value: Any) -> str:
    return "" if value is None else str(value)


def chosen(widget: QComboBox, choices: type[E]) -> E | None:
    """The combo box's choice as its enum (Qt hands back the plain code)."""
    code = widget.currentData()
    return None if code is None else choices(code)


class FlushOnFocusOut(QObject):
    """Calls back when its widget loses focus (QPlainTextEdit has no editingFinished)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._callback()
        return False


class ErrorLabel(QLabel):
    """The message beside a field: words first, colour only as a second cue."""

    def __init__(self, field: QWidget) -> None:
        super().__init__()
        self._field = field
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, message: str | None) -> None:
        if not message and self.isHidden():
            return  # nothing shown, nothing to restyle
        if message:
            self.setText(message)
            self._field.setAccessibleDescription(message)
            self._field.setProperty("invalid", True)
        else:
            self.clear()
            self._field.setAccessibleDescription("")
            self._field.setProperty("invalid", False)
        self._field.style().unpolish(self._field)
        self._field.style().polish(self._field)
        self.setVisible(bool(message))


class Binder:
    """The widgets of one record, wired to the autosaver."""

    def __init__(self, autosaver: Autosaver, kind: RecordKind) -> None:
        self._autosaver = autosaver
        self._kind = kind
        self._record: Hashable | None = None
        self._writer: Writer | None = None
        self._place = FormPlace()
        self._loaders: list[Callable[[Any], None]] = []
        self._messages: dict[str, ErrorLabel] = {}
        self._typed: dict[str, _Typed] = {}
        self._widgets: dict[str, QWidget] = {}
        self._loading = False

    def attach(
        self, record: Hashable, writer: RevisedWriter, obj: Any, place: FormPlace | None = None
    ) -> None:
        """Point the widgets at a record and fill them from its current values, then from any
        drafts kept for it: a draft that failed its check is checked again at once (so its
        message shows); one refused because the record changed elsewhere waits for the
        worker to type.

        Pending edits are written first: they read the widgets, which are about to change.
        Each write carries the revision the worker was shown, so a record changed meanwhile
        by another writer is never silently overwritten (see `assessor.conflicts`).
        """
        self._autosaver.flush()
        stamp = getattr(obj, "stamp", None)
        revision = [stamp.revision if stamp is not None else None]

        def write(changes: dict[str, Any]) -> None:
            revision[0] = writer(changes, revision[0])

        self._record, self._writer, self._place = record, write, place or FormPlace()
        held: list[Draft] = []
        self._loading = True
        try:
            for load in self._loaders:
                load(obj)
            for label in self._messages.values():
                label.show_message(None)
            drafts = [self._autosaver.draft_for(record, name) for name in self._typed]
            held = [draft for draft in drafts if draft is not None]
            for draft in held:
                self._typed[draft.field].put(draft.text)
        finally:
            self._loading = False
        for draft in held:
            if draft.kind == "conflict":
                self._messages[draft.field].show_message(draft.message)
            else:
                self._typed[draft.field].edited()
        if held:
            self._autosaver.flush()

    def _edit(
        self,
        name: str,
        value: Callable[[], Any],
        error: ErrorLabel | None,
        text: Callable[[], str] | None = None,
        label: str = "",
    ) -> None:
        if self._loading or self._record is None or self._writer is None:
            return

        def on_invalid(message: str | None) -> None:
            if error is not None:
                error.show_message(message)

        self._autosaver.edit(
            self._record, self._writer, name, value, on_invalid, text, label, self._place
        )

    def focus(self, name: str) -> None:
        """Put the cursor in a field, as when going back to its draft."""
        if name in self._widgets:
            self._widgets[name].setFocus()

    def message(self, name: str) -> ErrorLabel:
        """The label beside a field that shows what is wrong with it."""
        return self._messages[name]

    def _error_for(self, widget: QWidget, name: str) -> ErrorLabel:
        label = ErrorLabel(widget)
        self._messages[name] = label
        return label

    def line(
        self, widget: QLineEdit, name: str, parse: Parse = stripped, show: Show = show_text
    ) -> ErrorLabel:
        error = self._error_for(widget, name)
        parse = self._within_limit(name, parse)

        def edited() -> None:
            text = widget.text
            self._edit(name, lambda: parse(text()), error, text, widget.accessibleName())

        widget.textEdited.connect(lambda _t: edited())
        widget.editingFinished.connect(self._autosaver.flush)
        self._loaders.append(lambda obj: widget.setText(show(getattr(obj, name))))
        self._typed[name] = _Typed(widget.setText, edited)
        self._widgets[name] = widget
        return error

    def text(self, widget: QPlainTextEdit, name: str, parse: Parse = keep) -> ErrorLabel:
        error = self._error_for(widget, name)
        parse = self._within_limit(name, parse)

        def edited() -> None:
            text = widget.toPlainText
            self._edit(name, lambda: parse(text()), error, text, widget.accessibleName())

        widget.textChanged.connect(edited)
        FlushOnFocusOut(widget, self._autosaver.flush)
        self._loaders.append(lambda obj: widget.setPlainText(show_text(getattr(obj, name))))
        self._typed[name] = _Typed(widget.setPlainText, edited)
        self._widgets[name] = widget
        return error

    def _within_limit(self, name: str, parse: Parse) -> Parse:
        """The field's own check, after its length is checked against its limit."""
        if name not in LIMITS[self._kind]:
            return parse

        def checked(text: str) -> Any:
            check_length(self._kind, name, text)
            return parse(text)

        return checked

    def choice(self, widget: QComboBox, name: str, choices: type[StrEnum]) -> None:
        """A combo box whose first item means not recorded."""
        widget.addItem("Not recorded", None)
        for item in choices:
            widget.addItem(item.label, item)  # type: ignore[attr-defined]
        widget.activated.connect(lambda _i: self.save_now(name, chosen(widget, choices)))
        self._loaders.append(
            lambda obj: widget.setCurrentIndex(max(0, widget.findData(getattr(obj, name))))
        )

    def yes_no(self, widget: QComboBox, name: str, unknown: str = "Not asked yet") -> None:
        for text, value in ((unknown, None), ("Yes", True), ("No", False)):
            widget.addItem(text, value)
        widget.activated.connect(lambda _i: self.save_now(name, widget.currentData()))
        self._loaders.append(
            lambda obj: widget.setCurrentIndex({None: 0, True: 1, False: 2}[getattr(obj, name)])
        )

    def save_now(self, name: str, value: Any) -> None:
        """A discrete choice or a tick is saved at once: there is no typing to wait for."""
        self._edit(name, lambda: value, None)
        if not self._loading:
            self._autosaver.flush()


@dataclass(frozen=True)
class _Typed:
    """A typed field's way to show a draft's text, and to send it on as if typed."""

    put: Callable[[str], None]
    edited: Callable[[], None]


class BoundSection(Section):
    """A form section whose fields autosave to one record through a `Binder`.

    Each method makes the control, names it, binds it and lays it out, so a form reads as the
    list of its fields.
    """

    def __init__(self, title: str, binder: Binder) -> None:
        super().__init__(title)
        self.binder = binder

    def line(
        self,
        label: str,
        name: str,
        parse: Parse = stripped,
        show: Show = show_text,
        placeholder: str = "",
        hint: str = "",
    ) -> QLineEdit:
        edit = line_edit(label, placeholder, SHORT_FIELDS.get(name, 0))
        self.add(label, edit, self.binder.line(edit, name, parse, show), hint)
        return edit

    def text(
        self, label: str, name: str, parse: Parse = keep, lines: int = 3, hint: str = ""
    ) -> QPlainTextEdit:
        edit = text_edit(label, lines)
        self.add(label, edit, self.binder.text(edit, name, parse), hint)
        return edit

    def choice(self, label: str, name: str, choices: type[StrEnum], hint: str = "") -> QComboBox:
        combo = named(QComboBox(), label)
        self.binder.choice(combo, name, choices)
        self.add(label, combo, hint=hint)
        return combo

    def yes_no(self, label: str, name: str) -> QComboBox:
        combo = named(QComboBox(), label)
        self.binder.yes_no(combo, name)
        self.add(label, combo)
        return combo
