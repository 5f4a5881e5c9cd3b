"""Adding a person: only what a first phone call gives, and a look for them before adding."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor.record import Person
from assessor.search import Findable, PeopleIndex, possible_duplicates
from assessor.validation import InvalidInput, normalise_nhs_number, normalise_postcode
from ui.kit.binding import ErrorLabel, Parse, optional, optional_date_of_birth, required
from ui.kit.clock import Today
from ui.kit.forms import Section, dialog_buttons, line_edit, named, text_edit
from ui.kit.screen_fit import fit_dialog
from ui.shell.caseload import list_line


class NewPersonDialog(QDialog):
    """Name and what they asked for are needed; everything else can wait for page one."""

    open_existing = Signal(str)

    def __init__(self, index: PeopleIndex, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date_of_birth = optional_date_of_birth(today)
        self.setWindowTitle("New person")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self._index = index
        self.person: Person | None = None
        section = Section("Who is this?")
        self.preferred_name = line_edit(
            "Preferred name (needed)", "The name they like to be called"
        )
        self.name_error = ErrorLabel(self.preferred_name)
        section.add("Preferred name (needed)", self.preferred_name, self.name_error)
        self.family_name = line_edit("Family name")
        section.add("Family name", self.family_name)
        self.first_names = line_edit("First names")
        section.add("First names", self.first_names)
        self.date_of_birth = line_edit("Date of birth", "For example 14/03/1941")
        self.dob_error = ErrorLabel(self.date_of_birth)
        section.add("Date of birth", self.date_of_birth, self.dob_error)
        self.nhs_number = line_edit("NHS number", "10 digits, if they know it")
        self.nhs_error = ErrorLabel(self.nhs_number)
        section.add("NHS number", self.nhs_number, self.nhs_error)
        self.postcode = line_edit("Postcode")
        self.postcode_error = ErrorLabel(self.postcode)
        section.add("Postcode", self.postcode, self.postcode_error)
        self.presenting_problem = text_edit("What they are asking for help with (needed)", lines=4)
        self.presenting_problem.setObjectName("ownWords")
        self.problem_error = ErrorLabel(self.presenting_problem)
        section.add(
            "What they are asking for help with, in their words (needed)",
            self.presenting_problem,
            self.problem_error,
        )

        self.duplicates_heading = QLabel(
            "<b>This may be someone already recorded.</b> Open their record instead, or add a "
            "new person if it is not them."
        )
        self.duplicates_heading.setWordWrap(True)
        self.duplicates = named(QListWidget(), "People who may be the same person")
        self.duplicates.setWordWrap(True)
        self.open_button = named(QPushButton("Open their record"), "Open their record")
        self.open_button.clicked.connect(self._open_chosen)
        self.duplicates.itemActivated.connect(lambda _i: self._open_chosen())

        buttons, self.add_button = dialog_buttons(self, "Add person")

        layout = QVBoxLayout(self)
        layout.addWidget(section)
        layout.addWidget(self.duplicates_heading)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.open_button)
        layout.addWidget(buttons)
        fit_dialog(self)
        self._lines = (
            self.preferred_name,
            self.family_name,
            self.first_names,
            self.date_of_birth,
            self.nhs_number,
            self.postcode,
        )
        for edit in self._lines:
            edit.textChanged.connect(self._look_for_duplicates)
        self._messages = (
            self.name_error,
            self.dob_error,
            self.nhs_error,
            self.postcode_error,
            self.problem_error,
        )
        self._show_duplicates([])

    def start(self) -> None:
        """Show the dialog empty, with the cursor in the name."""
        for edit in self._lines:
            edit.clear()
        self.presenting_problem.clear()
        for label in self._messages:
            label.show_message(None)
        self.person = None
        self.open()
        self.preferred_name.setFocus()

    def accept(self) -> None:
        """Add the person only when what was typed passes its checks; keep it all otherwise."""
        person = self._read()
        if person is None:
            return
        self.person = person
        super().accept()

    def _read(self) -> Person | None:
        """The new person, or None after showing a message beside each field to fix."""
        problems = 0

        def check(label: ErrorLabel, parse: Parse, text: str) -> Any:
            nonlocal problems
            try:
                value = parse(text)
            except InvalidInput as problem:
                label.show_message(str(problem))
                problems += 1
                return None
            label.show_message(None)
            return value

        person = Person(
            preferred_name=check(self.name_error, required("A name"), self.preferred_name.text()),
            presenting_problem=check(
                self.problem_error,
                required("What they asked for"),
                self.presenting_problem.toPlainText(),
            ),
            family_name=self.family_name.text().strip(),
            first_names=self.first_names.text().strip(),
            date_of_birth=check(self.dob_error, self._date_of_birth, self.date_of_birth.text()),
            nhs_number=check(
                self.nhs_error, optional(normalise_nhs_number), self.nhs_number.text()
            ),
            postcode=check(self.postcode_error, optional(normalise_postcode), self.postcode.text()),
        )
        if problems:
            return None
        person.preferred_name = person.preferred_name.strip()
        return person

    def _candidate(self) -> Findable:
        """Who is being typed, as far as it can be read yet."""
        try:
            born = self._date_of_birth(self.date_of_birth.text())
        except InvalidInput:
            born = None
        try:
            nhs = optional(normalise_nhs_number)(self.nhs_number.text())
        except InvalidInput:
            nhs = ""
        return Findable(
            id="",
            preferred_name=self.preferred_name.text(),
            first_names=self.first_names.text(),
            family_name=self.family_name.text(),
            nhs_number=nhs,
            date_of_birth=born,
        )

    def _look_for_duplicates(self) -> None:
        self._show_duplicates(possible_duplicates(self._index, self._candidate()))

    def _show_duplicates(self, people: list[Findable]) -> None:
        self.duplicates.clear()
        for person in people:
            item = QListWidgetItem(list_line(person).replace("\n", " · "))
            item.setData(256, person.id)
            self.duplicates.addItem(item)
        for widget in (self.duplicates_heading, self.duplicates, self.open_button):
            widget.setVisible(bool(people))
        if people:
            self.duplicates.setCurrentRow(0)
            self.add_button.setText("Add as a new person")
        else:
            self.add_button.setText("Add person")

    def _open_chosen(self) -> None:
        item = self.duplicates.currentItem()
        if item is not None:
            self.open_existing.emit(item.data(256))
            self.reject()
