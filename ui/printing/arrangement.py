"""What must be arranged besides printing, for a person whose page one asks for braille, audio,
BSL or an interpreter, and the worker's record that it was: the Accessible Information Standard
asks that their format is acted on, not only recorded.

Hidden for everyone else. The record is written through the runner, in the background; the
words typed stay in the field until they are stored, and stay there if storing fails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from assessor.conflicts import revised
from assessor.documents.formats import to_arrange
from assessor.operations.arranged import record_arranged
from assessor.record import Person
from assessor.validation import format_date
from db.failures import explain
from ui.kit.forms import hint_label, named, problem_label

if TYPE_CHECKING:
    from assessor.operations.store_port import StorePort
    from ui.kit.runner import Runner


class ArrangementPanel(QWidget):
    """Says what to arrange, and records how and when it was. `arranged` is emitted with the
    person's id once that is stored."""

    arranged = Signal(str)

    def __init__(
        self, store: StorePort, runner: Runner, today: Callable[[], date], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self._today = today
        self._person: Person | None = None

        self.note = named(QLabel(), "What must be arranged")
        bold = self.note.font()
        bold.setBold(True)  # the one thing to act on in this window, in words, not colour
        self.note.setFont(bold)
        self.note.setWordWrap(True)
        self.how = named(QLineEdit(), "How it was arranged")
        self.how.setPlaceholderText("For example: ordered by phone, ready on Friday")
        how_label = QLabel("&How it was arranged")
        how_label.setBuddy(self.how)
        self.record_button = named(
            QPushButton("&Record that it is arranged"), "Record that it is arranged"
        )
        self.record_button.clicked.connect(self.record)
        self.how.returnPressed.connect(self.record)
        self.done = hint_label("")
        self.problem = problem_label()

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.note, how_label, self.how, self.record_button, self.done):
            column.addWidget(widget)
        column.addWidget(self.problem)
        self.hide()

    def show_person(self, person: Person) -> None:
        """Shown only if their format needs arranging; what was typed for this person stays."""
        if self._person is None or self._person.id != person.id:
            self.how.clear()
        self._person = person
        self.note.setText(to_arrange(person))
        self.problem.hide()
        self._show_done(person)
        self.setVisible(bool(self.note.text()))

    def _show_done(self, person: Person) -> None:
        if person.format_arranged_on is None:
            self.done.setText("Not yet recorded as arranged.")
            return
        how = person.format_arranged.strip()
        self.done.setText(
            f"Recorded as arranged on {format_date(person.format_arranged_on)}"
            + (f": {how}" if how else ".")
        )

    def record(self) -> None:
        """Store how it was arranged, dated today, on their page one."""
        person = self._person
        if person is None or not self.record_button.isEnabled():
            return
        how, today = self.how.text(), self._today()
        based_on = person.stamp.revision if person.stamp is not None else None
        store = self._store
        self.record_button.setEnabled(False)
        self.problem.hide()
        self._runner.write(
            lambda: record_arranged(store, person.id, how, today, based_on),
            lambda revision: self._recorded(person, how.strip(), today, revision),
            self._failed,
            source=self,
        )

    def _recorded(self, person: Person, how: str, on: date, revision: int) -> None:
        self.record_button.setEnabled(True)
        if self._person is None or self._person.id != person.id:
            return
        self._person = revised(
            replace(person, format_arranged=how, format_arranged_on=on), revision
        )
        self.how.clear()
        self._show_done(self._person)
        self.arranged.emit(person.id)

    def _failed(self, problem: Exception) -> None:
        self.record_button.setEnabled(True)
        self.problem.setText(explain(problem))
        self.problem.show()
