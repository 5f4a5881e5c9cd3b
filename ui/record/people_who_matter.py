"""People who matter to the person: a list on page one, each edited in a small dialog. Someone
named as a carer is offered a record of their own: carers are people in their own right."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor.carers import CaringRole
from assessor.operations.people import (
    add_person_who_matters,
    change_person_who_matters,
    remove_person_who_matters,
)
from assessor.record import Person, PersonWhoMatters, Relationship
from assessor.search import PeopleIndex
from assessor.validation import InvalidInput, normalise_email, normalise_phone
from ui.carers.dialogs import fill_list
from ui.kit.binding import chosen
from ui.kit.forms import (
    Section,
    dialog_buttons,
    line_edit,
    named,
    problem_label,
    text_edit,
)
from ui.kit.screen_fit import fit_dialog
from ui.record.own_record import OwnRecordDialog

if TYPE_CHECKING:
    from assessor.operations.store_port import StorePort
    from ui.kit.runner import Runner


def describe(who: PersonWhoMatters, has_record: bool = False) -> str:
    """One line for the list: name, relationship, carer, how to reach them."""
    parts = [who.name]
    relation = who.relationship_detail or (who.relationship.label if who.relationship else "")
    if relation:
        parts.append(relation)
    if who.is_carer:
        parts.append("carer, has their own record" if has_record else "carer")
    if who.phone or who.email:
        parts.append(who.phone or who.email)
    return " · ".join(parts)


class PersonWhoMattersDialog(QDialog):
    """Add or change one person who matters; checks phone and email before closing."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Someone who matters to them")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        section = Section("Someone who matters to them")
        self.name = line_edit("Name")
        section.add("Name", self.name)
        self.relationship = named(QComboBox(), "Who they are to the person")
        self.relationship.addItem("Not recorded", None)
        for item in Relationship:
            self.relationship.addItem(item.label, item)
        section.add("Who they are to the person", self.relationship)
        self.detail = line_edit("Relationship in their words", "For example daughter, GP")
        section.add("Relationship in their words", self.detail)
        self.is_carer = named(QCheckBox("They are a carer for the person"), "Is a carer")
        section.add("Carer", self.is_carer)
        self.phone = line_edit("Their phone")
        section.add("Phone", self.phone)
        self.email = line_edit("Their email")
        section.add("Email", self.email)
        self.notes = text_edit("Notes", lines=2)
        section.add("Notes", self.notes)
        self.message = problem_label()
        buttons, self.save_button = dialog_buttons(self, "Save")
        layout = QVBoxLayout(self)
        layout.addWidget(section)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_dialog(self, outside=2)
        self.result_value: PersonWhoMatters | None = None

    def start(self, who: PersonWhoMatters | None) -> None:
        """Show the dialog filled from `who`, or empty to add someone."""
        who = who or PersonWhoMatters(name="")
        self.name.setText(who.name)
        self.relationship.setCurrentIndex(max(0, self.relationship.findData(who.relationship)))
        self.detail.setText(who.relationship_detail)
        self.is_carer.setChecked(who.is_carer)
        self.phone.setText(who.phone)
        self.email.setText(who.email)
        self.notes.setPlainText(who.notes)
        self.message.hide()
        self.result_value = None
        self.open()
        self.name.setFocus()

    def accept(self) -> None:
        try:
            self.result_value = self._read()
        except InvalidInput as problem:
            self.message.setText(str(problem))
            self.message.show()
            return
        super().accept()

    def _read(self) -> PersonWhoMatters:
        if not self.name.text().strip():
            raise InvalidInput("Their name is needed.")
        phone = self.phone.text()
        email = self.email.text()
        return PersonWhoMatters(
            name=self.name.text().strip(),
            relationship=chosen(self.relationship, Relationship),
            relationship_detail=self.detail.text().strip(),
            phone=normalise_phone(phone) if phone.strip() else "",
            email=normalise_email(email) if email.strip() else "",
            is_carer=self.is_carer.isChecked(),
            notes=self.notes.toPlainText(),
        )


class PeopleWhoMatterSection(Section):
    """The list with Add, Change and Remove; each change is stored as soon as it is made,
    through the runner, whose report tells search and the Carers tab."""

    person_chosen = Signal(str)  # open this person's record

    def __init__(self, store: StorePort, runner: Runner, index: PeopleIndex) -> None:
        super().__init__("People who matter to them")
        self._store = store
        self._runner = runner
        self._index = index
        self._person_id = ""
        self._people: list[PersonWhoMatters] = []
        self._records: dict[str, str] = {}  # a carer's own record by the entry naming them
        self.dialog = PersonWhoMattersDialog(self)
        self.dialog.accepted.connect(self._answered)
        self.offer = OwnRecordDialog(store, runner, index, self)
        self.offer.accepted.connect(self._record_made)
        self._then: Callable[[PersonWhoMatters], None] = self._added
        self.list = named(QListWidget(), "People who matter to them")
        self.list.itemActivated.connect(lambda _item: self.change())
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.add_button = named(QPushButton("Add someone…"), "Add someone who matters")
        self.change_button = named(QPushButton("Change…"), "Change the chosen person")
        self.remove_button = named(QPushButton("Remove"), "Remove the chosen person")
        self.record_button = named(
            QPushButton("Carer’s record…"), "Open or make the chosen carer’s own record"
        )
        self.add_button.clicked.connect(self.add_someone)
        self.change_button.clicked.connect(self.change)
        self.remove_button.clicked.connect(self.remove)
        self.record_button.clicked.connect(self.carer_record)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.change_button,
            self.remove_button,
            self.record_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.form.addRow(column)

    def show_person(self, person: Person, carers: list[CaringRole]) -> None:
        self._person_id = person.id
        self._people = list(person.people_who_matter)
        self._show(carers)

    def _refresh(self) -> None:
        self._show(self._store.carers_of(self._person_id))

    def _show(self, carers: list[CaringRole]) -> None:
        """The list, each carer with a record of their own (one of `carers`) said to have it."""
        self._records = {role.named_as_id: role.carer_id for role in carers if role.named_as_id}
        fill_list(
            self.list,
            [(describe(who, who.id in self._records), who.id) for who in self._people],
            "No one recorded yet.",
        )
        self._enable()

    def _enable(self) -> None:
        who = self._chosen()
        self.change_button.setEnabled(who is not None)
        self.remove_button.setEnabled(who is not None)
        self.record_button.setEnabled(who is not None and who.is_carer)

    def _chosen(self) -> PersonWhoMatters | None:
        row = self.list.currentRow()
        return self._people[row] if 0 <= row < len(self._people) else None

    def add_someone(self) -> None:
        self._ask(None, self._added)

    def change(self) -> None:
        who = self._chosen()
        if who is not None:
            self._ask(who, lambda new: self._changed(who, new))

    def _ask(self, who: PersonWhoMatters | None, then: Callable[[PersonWhoMatters], None]) -> None:
        self._then = then
        self.dialog.start(who)

    def _answered(self) -> None:
        if self.dialog.result_value is not None:
            self._then(self.dialog.result_value)

    def _added(self, new: PersonWhoMatters) -> None:
        person_id = self._person_id
        added = self._runner.write_now(
            lambda: add_person_who_matters(self._store, person_id, new), source=self
        )
        self._people.append(added)
        self._refresh()
        self._offer_record(added)

    def _changed(self, who: PersonWhoMatters, new: PersonWhoMatters) -> None:
        person_id = self._person_id
        new = self._runner.write_now(
            lambda: change_person_who_matters(self._store, person_id, who, new), source=self
        )
        self._people[self._people.index(who)] = new
        self._refresh()
        self._offer_record(new)

    def _offer_record(self, who: PersonWhoMatters) -> None:
        """A carer with no record of their own yet is offered one."""
        if who.is_carer and who.id not in self._records:
            self.offer.start(self._person_id, who)

    def carer_record(self) -> None:
        """The chosen carer's own record if they have one; otherwise the offer of one."""
        who = self._chosen()
        if who is None or not who.is_carer:
            return
        if who.id in self._records:
            self.person_chosen.emit(self._records[who.id])
        else:
            self.offer.start(self._person_id, who)

    def _record_made(self) -> None:
        """Search has learnt of a record made here (from the runner's report) already."""
        self._refresh()

    def remove(self) -> None:
        """Ask first; the answer arrives without blocking the window."""
        who = self._chosen()
        if who is None:
            return
        question = QMessageBox(
            QMessageBox.Icon.Question,
            "Remove",
            f"Remove {who.name} from the people who matter to them?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        question.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        question.accepted.connect(lambda: self._removed(who))
        question.open()

    def _removed(self, who: PersonWhoMatters) -> None:
        person_id = self._person_id
        self._runner.write_now(
            lambda: remove_person_who_matters(self._store, person_id, who.id), source=self
        )
        self._people.remove(who)
        self._refresh()
