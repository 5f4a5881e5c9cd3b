"""Needs attention: two versions of a record waiting for the worker's choice, and changes the
council's hub did not accept, each with the hub's reason and "Send again"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor.sync.conflicts import SyncConflict
from db.sync.laptop_side import HeldChange
from ui.kit.forms import failure_text, hint_label, named, problem_label
from ui.kit.runner import Runner
from ui.kit.screen_fit import refit_on_show
from ui.sync.engine import SyncEngine
from ui.sync.wording import field_label, kind_label, when

NameOf = Callable[[str], str]


def conflict_line(conflict: SyncConflict, name_of: NameOf) -> str:
    fields = ", ".join(field_label(name) for name in conflict.fields)
    return f"{name_of(conflict.person_id)}: {kind_label(conflict.kind)} ({fields})"


def held_line(held: HeldChange, name_of: NameOf) -> str:
    return (
        f"{name_of(held.person_id)}: {kind_label(held.kind)}, changed {when(held.at)}\n"
        f"The council’s hub said: {held.reason}"
    )


def _list(name: str) -> QListWidget:
    shown = named(QListWidget(), name)
    shown.setWordWrap(True)
    shown.setAlternatingRowColors(True)
    return shown


class NeedsAttention(QDialog):
    conflict_chosen = Signal(object)  # SyncConflict
    person_chosen = Signal(str)  # open their record, to put right what the hub said
    sent_again = Signal()

    def __init__(
        self, engine: SyncEngine, runner: Runner, name_of: NameOf, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Needs attention")
        self.setAccessibleName("Needs attention")
        self.resize(self.fontMetrics().averageCharWidth() * 90, 480)
        self._engine, self._runner, self._name_of = engine, runner, name_of
        self.conflicts = _list("Two versions to choose between")
        self.conflicts.itemActivated.connect(self._open)
        self.open_button = named(QPushButton("&Choose…"), "Choose between the two versions")
        self.open_button.clicked.connect(lambda: self._open(self.conflicts.currentItem()))
        self.held = _list("Changes the council did not accept")
        self.send_button = named(QPushButton("&Send again"), "Send the change again")
        self.send_button.clicked.connect(self._send_again)
        self.record_button = named(QPushButton("Open their &record"), "Open their record")
        self.record_button.clicked.connect(self._open_record)
        self.problem = problem_label()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.conflicts_heading = self._section(
            layout, "&Two versions to choose between", self.conflicts, self.open_button
        )
        self.held_heading = self._section(
            layout,
            "Changes the council did &not accept",
            self.held,
            self.record_button,
            self.send_button,
        )
        layout.addWidget(
            hint_label(
                "A change the council did not accept stays on this laptop. Put right what the "
                "hub says, then send it again."
            )
        )
        layout.addWidget(self.problem)
        layout.addWidget(close)
        refit_on_show(self)

    @staticmethod
    def _section(
        layout: QVBoxLayout, title: str, shown: QListWidget, *buttons: QPushButton
    ) -> QLabel:
        heading = QLabel(f"<b>{title}</b>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setBuddy(shown)
        row = QHBoxLayout()
        row.addWidget(shown, 1)
        column = QVBoxLayout()
        for button in buttons:
            column.addWidget(button)
        column.addStretch(1)
        row.addLayout(column)
        layout.addWidget(heading)
        layout.addLayout(row)
        return heading

    def refresh(self) -> None:
        """Read both lists afresh in the background."""
        engine = self._engine
        self._runner.read(
            lambda: (engine.conflicts(), engine.held()), self._fill, latest_of="needs attention"
        )

    def _fill(self, found: tuple[list[SyncConflict], list[HeldChange]]) -> None:
        conflicts, held = found
        self.conflicts.clear()
        for conflict in conflicts:
            item = QListWidgetItem(conflict_line(conflict, self._name_of))
            item.setData(Qt.ItemDataRole.UserRole, conflict)
            self.conflicts.addItem(item)
        self.held.clear()
        for change in held:
            item = QListWidgetItem(held_line(change, self._name_of))
            item.setData(Qt.ItemDataRole.UserRole, change)
            self.held.addItem(item)
        for shown, button, empty in (
            (self.conflicts, self.open_button, "Nothing to choose between."),
            (self.held, self.send_button, "Every change was accepted."),
        ):
            if shown.count() == 0:
                shown.addItem(empty)
                shown.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
            else:
                shown.setCurrentRow(0)
            button.setEnabled(shown.currentItem() is not None)
        self.record_button.setEnabled(self.send_button.isEnabled())
        (self.conflicts if conflicts or not held else self.held).setFocus()

    def _open(self, item: QListWidgetItem | None) -> None:
        conflict = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(conflict, SyncConflict):
            self.conflict_chosen.emit(conflict)

    def _open_record(self) -> None:
        item = self.held.currentItem()
        change = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(change, HeldChange) and change.person_id:
            self.person_chosen.emit(change.person_id)

    def _send_again(self) -> None:
        item = self.held.currentItem()
        change = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not isinstance(change, HeldChange):
            return
        self.problem.hide()
        self._runner.write(
            lambda: self._engine.send_again(change.kind, change.row_id),
            lambda _none: self._sent(),
            lambda problem: self._say(failure_text(problem)),
        )

    def _sent(self) -> None:
        self.sent_again.emit()
        self.refresh()

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
