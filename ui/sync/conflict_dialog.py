"""Two versions of a record: each field as it was, yours and theirs with who and when, and the
worker's choice of each (or their own words). Nothing is chosen for them: "Keep these" stays
off until every field has a choice, which is then stored as a new change and syncs as usual."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from assessor.sync.conflicts import SyncConflict
from assessor.sync.merging import FieldVersions
from ui.kit.forms import dialog_buttons, hint_label, named, not_saved, problem_label
from ui.kit.runner import Runner
from ui.kit.screen_fit import fit_dialog
from ui.sync.engine import SyncEngine
from ui.sync.wording import field_label, kind_label, value_text, when, whose

KEEP = "Keep these"
LONG = 80  # characters: a value longer, or of several lines, is shown in a box that scrolls
LINES_SHOWN = 5
OWN_WORDS = "Write it in your own words"


def _is_long(text: str) -> bool:
    return len(text) > LONG or "\n" in text


def _box(text: str, accessible: str) -> QPlainTextEdit:
    """Long text in a read-only box a few lines tall that scrolls to show the rest."""
    box = named(QPlainTextEdit(text), accessible)
    box.setReadOnly(True)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * LINES_SHOWN + 12)
    return box


def _view(name: str, value: Any, accessible: str) -> QWidget:
    """A version in full, read-only: a label for a short value, a scrolling box for long text."""
    text = value_text(name, value)
    if _is_long(text):
        return _box(text, accessible)
    label = named(QLabel(text), accessible)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FieldChoice(QGroupBox):
    """One field's versions and the worker's choice; `value()` is None until there is one.
    Text can also be written afresh: its box stays empty and read-only until that is chosen,
    and then starts from the worker's own version."""

    def __init__(
        self,
        name: str,
        versions: FieldVersions,
        sides: list[tuple[str, Any]],
        changed: Callable[[], None],
    ) -> None:
        super().__init__(field_label(name))
        label = field_label(name)
        self.setAccessibleName(label)
        self._values: dict[int, Any] = {}
        self.choices = QButtonGroup(self)
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.addWidget(QLabel("As it was"), 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(_view(name, versions.original, f"{label} as it was"), 0, 1)
        for row, (heading, value) in enumerate(sides, start=1):
            button = named(QRadioButton(heading), f"Keep {heading}: {label}")
            self.choices.addButton(button, row)
            self._values[row] = value
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(_view(name, value, f"{heading}: {label}"), row, 1)
        self.own: QPlainTextEdit | QLineEdit | None = None
        self._start = str(sides[0][1])
        if all(isinstance(value, str) for _, value in sides):
            button = named(QRadioButton(OWN_WORDS), f"{OWN_WORDS}: {label}")
            self.choices.addButton(button, 0)
            long = any(_is_long(str(value)) for _, value in sides)
            own_name = f"Your own words: {label}"
            self.own = _box("", own_name) if long else named(QLineEdit(), own_name)
            self.own.setReadOnly(True)
            self.own.setPlaceholderText("Choose “Write it in your own words” to write here")
            grid.addWidget(button, len(sides) + 1, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.own, len(sides) + 1, 1)
        self.choices.idToggled.connect(lambda _id, _on: self._chosen(changed))

    def _chosen(self, changed: Callable[[], None]) -> None:
        own = self.own
        if own is not None:
            writing = self.choices.checkedId() == 0
            own.setReadOnly(not writing)
            if writing and not _text(own):
                _put(own, self._start)
            if writing:
                own.setFocus()
        changed()

    def chosen(self) -> bool:
        return self.choices.checkedId() != -1

    def value(self) -> Any:
        choice = self.choices.checkedId()
        if choice == 0 and self.own is not None:
            return _text(self.own)
        return self._values.get(choice)


def _put(own: QPlainTextEdit | QLineEdit, text: str) -> None:
    if isinstance(own, QPlainTextEdit):
        own.setPlainText(text)
    else:
        own.setText(text)


def _text(own: QPlainTextEdit | QLineEdit) -> str:
    return own.toPlainText() if isinstance(own, QPlainTextEdit) else own.text()


class ConflictDialog(QDialog):
    def __init__(
        self,
        conflict: SyncConflict,
        person: str,
        engine: SyncEngine,
        runner: Runner,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._conflict, self._engine, self._runner = conflict, engine, runner
        what = kind_label(conflict.kind)
        self.setWindowTitle(f"Two versions of {what}: {person}")
        self.setAccessibleName(self.windowTitle())
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        heading = QLabel(f"<b>Two versions of {what} for {person} need your choice</b>")
        heading.setWordWrap(True)
        intro = hint_label(
            "The same fields were changed on two laptops before they synced, and nothing has "
            "been overwritten. For each field, choose the version to keep, or write it in your "
            "own words. Nothing is chosen for you."
        )
        mine, theirs = conflict.versions_by(engine.worker)
        self.fields: dict[str, FieldChoice] = {}
        self.progress = hint_label("")
        self.problem = problem_label()
        buttons, self.keep = dialog_buttons(self, KEEP)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        layout = QVBoxLayout(self)
        for widget in (heading, intro):
            layout.addWidget(widget)
        for name, versions in conflict.fields.items():
            sides = [self._side(side, versions) for side in (mine, theirs)]
            self.fields[name] = FieldChoice(name, versions, sides, self._changed)
            layout.addWidget(self.fields[name])
        layout.addStretch(1)  # on a tall screen the space is below the fields, not between
        for widget in (self.progress, self.problem, buttons):
            layout.addWidget(widget)
        # The fields scroll; what is left to choose, any problem and the buttons stay in view.
        wanted = QSize(self.fontMetrics().averageCharWidth() * 110, self.sizeHint().height())
        fit_dialog(self, outside=3, wanted=wanted)
        self._changed()

    def _side(self, side: str, versions: FieldVersions) -> tuple[str, Any]:
        conflict = self._conflict
        by, at = (
            (conflict.incoming_by, conflict.incoming_at)
            if side == "incoming"
            else (conflict.current_by, conflict.current_at)
        )
        return f"{whose(by, self._engine.worker)}, {when(at)}", getattr(versions, side)

    def _changed(self) -> None:
        left = sum(not choice.chosen() for choice in self.fields.values())
        self.keep.setEnabled(left == 0)
        self.progress.setText(
            "Every field has a choice: press Keep these to store it."
            if left == 0
            else f"Choose a version of {left} more field{'s' if left > 1 else ''}."
        )

    def choices(self) -> dict[str, Any]:
        return {name: choice.value() for name, choice in self.fields.items()}

    def accept(self) -> None:
        """Store the choices in the background; the dialog closes once they are stored."""
        if not all(choice.chosen() for choice in self.fields.values()):
            return
        chosen, conflict = self.choices(), self._conflict
        self.keep.setEnabled(False)
        self._runner.write(
            lambda: self._engine.resolve(conflict, chosen),
            lambda _none: super(ConflictDialog, self).accept(),
            self._failed,
            source=self,
        )

    def _failed(self, problem: Exception) -> None:
        not_saved(self.problem, problem)
        self.keep.setEnabled(True)
