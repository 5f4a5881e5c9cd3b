"""The offer of a record of their own to someone page one names as a carer: made here with
their link, or linked to someone already on the caseload who may be them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
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

from assessor.carers import CaringRole
from assessor.operations.carers import add_carer_record, link_carer
from assessor.record import PersonWhoMatters
from assessor.search import PeopleIndex
from ui.carers.dialogs import RoleFields, name_of
from ui.kit.forms import (
    Section,
    attempt,
    dialog_buttons,
    hint_label,
    named,
    problem_label,
    set_shown,
)
from ui.kit.screen_fit import fit_dialog
from ui.shell.caseload import list_line

if TYPE_CHECKING:
    from assessor.operations.store_port import StorePort
    from ui.kit.runner import Runner

POSSIBLE_MATCHES = 5


class OwnRecordDialog(QDialog):
    """Offers someone page one names as a carer a record of their own: made here, or linked
    to someone already on the caseload who may be them."""

    def __init__(
        self, store: StorePort, runner: Runner, index: PeopleIndex, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("A record of their own")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._store = store
        self._runner = runner
        self._index = index
        self._person_id = ""
        self._who = PersonWhoMatters(name="")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.maybe = Section("Already on the caseload?")
        self.matches = named(QListWidget(), "People on the caseload who may be them")
        self.matches.itemActivated.connect(lambda _item: self.link())
        self.link_button = named(QPushButton(), "Link to the chosen person")
        self.link_button.clicked.connect(self.link)
        self.maybe_hint = hint_label("")
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.maybe_hint)
        layout.addWidget(self.matches)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_button)
        link_row.addStretch(1)
        layout.addLayout(link_row)
        self.maybe.form.addRow(column)
        self.fields = RoleFields()
        self.message = problem_label()
        buttons, self.make_button = dialog_buttons(self, "Make a record")
        self.not_now_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        named(self.not_now_button, "Not now").setText("Not now")
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.maybe, self.fields, self.message, buttons):
            layout.addWidget(widget)
        fit_dialog(self, outside=2)

    def start(self, person_id: str, who: PersonWhoMatters) -> None:
        """Offer `who`, named on `person_id`'s page one as their carer, a record of their own."""
        self._person_id, self._who = person_id, who
        self.intro.setText(
            f"{who.name} is a carer for {name_of(person_id, self._index, self._store)}. "
            "Carers are people in their own right: a record of their own lets them have a "
            "conversation, goals and a plan of their own."
        )
        self.make_button.setText(f"Make a record for {who.name}")
        self.make_button.setAccessibleName(self.make_button.text())
        self.maybe_hint.setText(f"Perhaps one of these is {who.name}:")
        self.link_button.setText(f"Link {who.name} to the chosen person")
        self._show_matches()
        self.fields.load(None)
        self.message.hide()
        self.open()
        (self.matches if self.matches.count() else self.fields.what_they_do).setFocus()

    def _show_matches(self) -> None:
        """The few people on the caseload whose names are closest, who do not already care
        for the person."""
        skip = {role.carer_id for role in self._store.carers_of(self._person_id)}
        skip.add(self._person_id)
        found = self._index.search(self._who.name, limit=POSSIBLE_MATCHES + len(skip)).people
        self.matches.clear()
        for person in [person for person in found if person.id not in skip][:POSSIBLE_MATCHES]:
            item = QListWidgetItem(list_line(person))
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.matches.addItem(item)
        rows = self.matches.count()
        self.matches.setMaximumHeight(self.matches.sizeHintForRow(0) * max(2, rows) + 8)
        set_shown(self.maybe, rows > 0)

    def accept(self) -> None:
        self._store_role("")

    def link(self) -> None:
        item = self.matches.currentItem()
        if item is None:
            self.message.setText(f"Choose who {self._who.name} is from the list first.")
            self.message.show()
            self.matches.setFocus()
            return
        self._store_role(str(item.data(Qt.ItemDataRole.UserRole)))

    def _store_role(self, carer_id: str) -> None:
        """Link them to `carer_id`'s record, or to a new one when it is empty."""
        self.message.hide()
        role = self.fields.read(
            CaringRole(carer_id=carer_id, cared_for_id=self._person_id, named_as_id=self._who.id)
        )
        if role is not None and attempt(lambda: self._save(role), self.message) is not None:
            super().accept()

    def _save(self, role: CaringRole) -> CaringRole:
        """Linked, or a record made with its link; the runner's report tells search of it."""
        section = self.parent()
        if role.carer_id:
            return self._runner.write_now(lambda: link_carer(self._store, role), source=section)
        named_as_id = self._who.id
        _made_id, role = self._runner.write_now(
            lambda: add_carer_record(self._store, named_as_id, role), source=section
        )
        return role
