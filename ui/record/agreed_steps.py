"""What we agreed, at the end of page two: the next steps, who will take each and by when,
and when we will next talk.

Each step is a row edited in place and autosaved like any other field. A new row is stored
with its first keystroke, never empty; Delete keeps the step in the history and offers Undo.
The follow-up date is the contact's own field, bound by the contact's details binder so the two
never write the contact from different revisions.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor.limits import RecordKind
from assessor.operations.contacts import add_step, change_step, remove_step
from assessor.record import AgreedStep
from assessor.validation import InvalidInput
from ui.kit.autosave import Autosaver, FormPlace
from ui.kit.binding import Binder, optional_date, show_date
from ui.kit.forms import hint_label, line_edit, named, set_shown

if TYPE_CHECKING:
    from assessor.operations.store_port import ContactRecords
    from ui.kit.runner import Runner

WHO_WIDTH_EM = 11  # columns line up row under row, so the steps read as a table
BY_WHEN_EM = 8


class StepRow(QWidget):
    """One step: what, who (typed, or one of the suggestions), by when, and Delete."""

    def __init__(self, number: int, suggestions: Sequence[str], autosaver: Autosaver) -> None:
        super().__init__()
        self.step_id = ""
        em = self.fontMetrics().horizontalAdvance("M")
        self.what = line_edit(f"Step {number}: what we agreed")
        self.who = named(QComboBox(), f"Step {number}: who will do it")
        self.who.setEditable(True)
        self.who.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Suggestions in a list below, never typed in for the worker: "A" stays "A".
        self.who.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.who.addItems(list(suggestions))
        self.who.setFixedWidth(WHO_WIDTH_EM * em)
        self.who.lineEdit().setAccessibleName(self.who.accessibleName())
        self.by_when = line_edit(f"Step {number}: by when, if agreed", "For example 30/11/2026")
        self.by_when.setFixedWidth(BY_WHEN_EM * em)
        self.delete = named(QPushButton("Delete"), f"Delete step {number}")
        self.binder = Binder(autosaver, RecordKind.AGREED_STEP)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setColumnStretch(0, 1)
        for column, (field, error) in enumerate(
            (
                (self.what, self.binder.line(self.what, "what")),
                (self.who, self.binder.line(self.who.lineEdit(), "who")),
                (self.by_when, self.binder.line(self.by_when, "by_when", optional_date, show_date)),
            )
        ):
            layout.addWidget(field, 0, column)
            layout.addWidget(error, 1, column)
        layout.addWidget(self.delete, 0, 3)
        self.who.activated.connect(lambda _i: self.binder.save_now("who", self.who.currentText()))

    def controls(self) -> list[QWidget]:
        """In the order Tab visits them."""
        return [self.what, self.who, self.by_when, self.delete]

    def values(self, contact_id: str) -> AgreedStep:
        """The step as the row shows it; a date that is not one yet is left out."""
        try:
            by_when = optional_date(self.by_when.text())
        except InvalidInput:
            by_when = None
        return AgreedStep(contact_id, self.what.text().strip(), self.who.currentText(), by_when)


class AgreedSection(QWidget):
    """The steps of one contact, Add step, Undo for the last delete, and the follow-up date."""

    def __init__(
        self, store: ContactRecords, runner: Runner, autosaver: Autosaver, contact_binder: Binder
    ) -> None:
        super().__init__()
        self._store, self._runner, self._autosaver = store, runner, autosaver
        self._contact_id = ""
        self._place = FormPlace()
        self._suggestions: Sequence[str] = ()
        self._removed: AgreedStep | None = None
        self.rows: list[StepRow] = []
        self.heading = QLabel("<b>What we agreed</b>")
        self.heading.setAccessibleName("What we agreed")
        self.columns = self._column_headings()
        self.steps = QVBoxLayout()
        self.steps.setContentsMargins(0, 0, 0, 0)
        self.add_button = named(QPushButton("Add step"), "Add a step we agreed")
        self.add_button.clicked.connect(self.add_row)
        self.undo_note = QLabel()
        self.undo_note.setWordWrap(True)
        self.undo_note.setAccessibleName("Step deleted")
        self.undo_button = named(QPushButton("Undo delete"), "Undo deleting the step")
        self.undo_button.clicked.connect(self.undo)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.undo_note, 1)
        actions.addWidget(self.undo_button)
        actions.addStretch(0)
        self.follow_up = line_edit("When we will next talk", "For example 07/12/2026")
        self.follow_up.setFixedWidth(BY_WHEN_EM * self.fontMetrics().horizontalAdvance("M"))
        follow_up_label = QLabel("When we will next talk")
        follow_up_label.setBuddy(self.follow_up)
        follow_up_error = contact_binder.line(
            self.follow_up, "follow_up_on", optional_date, show_date
        )
        follow_up = QGridLayout()
        follow_up.addWidget(follow_up_label, 0, 0)
        follow_up.addWidget(self.follow_up, 0, 1)
        # The hint has a row of its own, so a narrow page never wraps it a word to a line.
        follow_up.addWidget(hint_label("The follow-up: on your Due list from a week before."), 1, 1)
        follow_up.addWidget(follow_up_error, 2, 1)
        follow_up.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(
            hint_label(
                "The next steps, who will take each (them, you, a carer, anyone), and by when."
            )
        )
        layout.addWidget(self.columns)
        layout.addLayout(self.steps)
        layout.addLayout(actions)
        layout.addLayout(follow_up)
        self._show_undo(None)

    def _column_headings(self) -> QWidget:
        headings = QWidget()
        layout = QGridLayout(headings)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setColumnStretch(0, 1)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, (text, width) in enumerate(
            (("Step", 0), ("Who will do it", WHO_WIDTH_EM), ("By when", BY_WHEN_EM))
        ):
            label = QLabel(text)
            label.setObjectName("hint")
            if width:
                label.setFixedWidth(width * em)
            layout.addWidget(label, 0, column)
        layout.addWidget(QLabel(), 0, 3)  # above Delete
        layout.setColumnMinimumWidth(3, QPushButton("Delete").sizeHint().width())
        return headings

    def show_contact(
        self, contact_id: str, steps: Sequence[AgreedStep], place: FormPlace, who: Sequence[str]
    ) -> None:
        """The steps agreed at a contact, each bound to its record."""
        self._contact_id, self._place, self._suggestions = contact_id, place, who
        self._show_undo(None)
        for row in self.rows:
            self.steps.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for step in steps:
            self._new_row(step)
        self._order_tabs()

    def add_row(self) -> None:
        """A blank row with the cursor in it; stored once something is typed."""
        row = self._new_row(AgreedStep(self._contact_id, ""))
        self._order_tabs()
        row.what.setFocus()

    def _new_row(self, step: AgreedStep) -> StepRow:
        row = StepRow(len(self.rows) + 1, self._suggestions, self._autosaver)
        row.step_id = step.id
        key = step.id or str(uuid.uuid4())  # the id it will be stored under, so drafts find it
        person_id = self._place.person_id

        def write(changes: dict[str, Any], based_on: int | None) -> int:
            if row.step_id:
                return self._runner.write_now(
                    lambda: change_step(self._store, person_id, row.step_id, changes, based_on),
                    source=self,
                )
            new = AgreedStep(
                step.contact_id,
                changes.get("what", ""),
                changes.get("who", ""),
                changes.get("by_when"),
                id=key,
            )
            added = self._runner.write_now(
                lambda: add_step(self._store, person_id, new), source=self
            )
            row.step_id = added.id
            return added.stamp.revision if added.stamp else 1

        row.binder.attach(("agreed_step", key), write, step, self._place)
        row.who.setCurrentText(step.who)
        row.delete.clicked.connect(lambda: self.delete(row))
        self.rows.append(row)
        self.steps.addWidget(row)
        row.show()  # now, not when Qt gets round to it: the cursor may go straight in
        set_shown(self.columns, True)
        return row

    def delete(self, row: StepRow) -> None:
        """Remove a step, keeping it in the history; Undo puts it back."""
        self._autosaver.flush()  # a row typed in and not yet stored is stored first
        kept = row.values(self._contact_id)
        if row.step_id:
            self._runner.write_now(
                lambda: remove_step(self._store, self._place.person_id, row.step_id), source=self
            )
        at = self.rows.index(row)
        self.rows.remove(row)
        self.steps.removeWidget(row)
        row.deleteLater()
        self._show_undo(kept if row.step_id else None)
        self._order_tabs()
        later = self.rows[at] if at < len(self.rows) else None
        (later.what if later else self.add_button).setFocus()

    def undo(self) -> None:
        """Put the last deleted step back, as a step agreed again."""
        removed = self._removed
        if removed is None:
            return
        added = self._runner.write_now(
            lambda: add_step(self._store, self._place.person_id, removed), source=self
        )
        self._show_undo(None)
        self._new_row(added).what.setFocus()
        self._order_tabs()

    def _show_undo(self, removed: AgreedStep | None) -> None:
        self._removed = removed
        if removed is not None:
            self.undo_note.setText(f"Deleted the step “{removed.what or 'with no words'}”.")
        set_shown(self.undo_note, removed is not None)
        set_shown(self.undo_button, removed is not None)
        set_shown(self.columns, bool(self.rows))

    def _order_tabs(self) -> None:
        """Rows made after the page keep the page's order for Tab: row by row, then Add step,
        Undo and the follow-up date."""
        chain = [
            *(control for row in self.rows for control in row.controls()),
            self.add_button,
            self.undo_button,
            self.follow_up,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(self.heading, chain[0])
