"""The Carers tab: who cares for the person, what those carers agreed to share, and whom the
person cares for themselves.

Carers are people in their own right (seed 003), so each carer here is a record of their own,
linked by a caring role. The privacy rule: of a carer's record, only their name, their caring
role and the conversations they agreed to share appear on the record of someone they care for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from assessor.carers import CaringRole, named_carers_without_record
from assessor.operations.carers import end_caring_role
from assessor.own_words import quoted
from assessor.person_file import SharedConversation
from assessor.prompts import TOPICS
from assessor.record import PersonWhoMatters
from assessor.search import PeopleIndex
from assessor.validation import MONTHS, format_date
from ui.carers.dialogs import (
    CARED_FOR,
    CARERS,
    ENTRY_SPACING,
    LinkDialog,
    RoleDialog,
    Side,
    fill_list,
    name_of,
)
from ui.kit.forms import Section, failure_text, hint_label, named, record_actions
from ui.progression.widgets import clear_layout
from ui.record.own_record import OwnRecordDialog

if TYPE_CHECKING:
    from assessor.operations.store_port import StorePort
    from ui.kit.runner import Runner


def role_line(name: str, role: CaringRole) -> str:
    """A list entry for a caring role: the name, then only what is recorded."""
    parts = []
    if role.what_they_do.strip():
        parts.append(role.what_they_do.strip())
    if role.hours_a_week is not None:
        hours = role.hours_a_week
        parts.append(f"about {hours} hour{'' if hours == 1 else 's'} a week")
    if role.since is not None:
        parts.append(f"since {MONTHS[role.since.month - 1]} {role.since.year}")
    if role.live_together is not None:
        parts.append("lives with them" if role.live_together else "does not live with them")
    return "\n".join([name, " · ".join(parts)] if parts else [name])


def named_line(who: PersonWhoMatters) -> str:
    """A list entry for a carer page one names who has no record of their own yet."""
    relation = who.relationship_detail or (who.relationship.label if who.relationship else "")
    said = f"{relation} · " if relation else ""
    return f"{who.name}\n{said}named as a carer on page one; no record of their own yet"


class RolesSection(Section):
    """One side's roles, one entry each with space between, with what can be done to the
    chosen one. Carers page one names who have no record yet follow the roles: they can only
    be offered a record of their own."""

    def __init__(self, side: Side) -> None:
        super().__init__(side.title)
        self.side = side
        self.roles: list[CaringRole] = []
        self.named: list[PersonWhoMatters] = []
        self.list = named(QListWidget(), side.title)
        self.list.setSpacing(ENTRY_SPACING)
        self.open_button = named(QPushButton("Open their record"), "Open their record")
        self.change_button = named(QPushButton("Change…"), "Change their caring")
        self.end_button = named(QPushButton("No longer caring…"), "No longer caring")
        self.add_button = named(QPushButton(side.add_text), side.add_text.rstrip("…"))
        actions, self.confirmation = record_actions(
            self.open_button, self.change_button, self.end_button, self.add_button
        )
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(actions)
        self.form.addRow(column)

    def show_roles(
        self, roles: list[tuple[str, CaringRole]], named: list[PersonWhoMatters] | None = None
    ) -> None:
        """Each role with the name of the other person in it, then the carers `named` on page
        one with no record of their own."""
        self.roles = [role for _name, role in roles]
        self.named = named or []
        lines = [(role_line(name, role), role.id) for name, role in roles]
        lines += [(named_line(who), who.id) for who in self.named]
        fill_list(self.list, lines, self.side.empty)
        self._enable()

    def chosen(self) -> CaringRole | None:
        row = self.list.currentRow()
        return self.roles[row] if 0 <= row < len(self.roles) else None

    def chosen_named(self) -> PersonWhoMatters | None:
        """The carer chosen, when they are named on page one with no record of their own."""
        row = self.list.currentRow() - len(self.roles)
        return self.named[row] if 0 <= row < len(self.named) else None

    def _enable(self) -> None:
        role, named = self.chosen(), self.chosen_named()
        for button in (self.change_button, self.end_button):
            button.setEnabled(role is not None)
        self.open_button.setEnabled(role is not None or named is not None)
        text = "Make their record…" if named is not None else "Open their record"
        self.open_button.setText(text)
        self.open_button.setAccessibleName(text.rstrip("…"))


class SharedSection(Section):
    """Carers' conversations shared with the person: read-only, own words as quotations."""

    def __init__(self) -> None:
        super().__init__("What their carers agreed to share")
        self.body = QVBoxLayout()
        column = QWidget()
        column.setLayout(self.body)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(column)

    def show_shared(self, shared: list[SharedConversation]) -> None:
        clear_layout(self.body)
        for conversation in shared:
            self._show_one(conversation)
        if not shared:
            self.body.addWidget(hint_label("Nothing shared by their carers."))

    def _show_one(self, shared: SharedConversation) -> None:
        heading = QLabel(
            f"{format_date(shared.contact.on)} · {shared.carer_name}’s conversation, "
            "shared with them"
        )
        heading.setObjectName("sectionTitle")
        self.body.addWidget(heading)
        for topic in TOPICS:
            entry = shared.conversation.entries.get(topic.code)
            if entry is None or not entry.text.strip():
                continue
            self.body.addWidget(QLabel(f"<b>{topic.heading}</b>"))
            if entry.own_words:
                self.body.addWidget(hint_label(f"In {shared.carer_name}’s own words:"))
            said = QLabel(quoted(entry.text) if entry.own_words else entry.text.strip())
            said.setTextFormat(Qt.TextFormat.PlainText)
            said.setWordWrap(True)
            if entry.own_words:
                said.setObjectName("quote")
            self.body.addWidget(said)


class CarersTab(QScrollArea):
    """The person's carers, what they shared, and whom the person cares for. Each change is
    stored through the runner, whose report tells search of a record made here."""

    person_chosen = Signal(str)  # open this person's record

    def __init__(self, store: StorePort, runner: Runner, index: PeopleIndex) -> None:
        super().__init__()
        self._store = store
        self._runner = runner
        self._index = index
        self.person_id = ""
        self.setWidgetResizable(True)
        self.carers = RolesSection(CARERS)
        self.shared = SharedSection()
        self.cared_for = RolesSection(CARED_FOR)
        self.role_dialog = RoleDialog(store, runner, self)
        self.role_dialog.accepted.connect(
            lambda: self._changed(f"Saved the changes: {self._who(self.role_dialog.role)}.")
        )
        self.link_dialog = LinkDialog(store, runner, index, self)
        self.link_dialog.accepted.connect(self._linked)
        self.own_record = OwnRecordDialog(store, runner, index, self)
        self.own_record.accepted.connect(self._record_made)
        self.ask_end = QMessageBox(
            QMessageBox.Icon.Question,
            "No longer caring",
            "",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        self.ask_end.accepted.connect(self._end)
        self._section = self.carers  # the section the open dialog or question is about
        self._ending: CaringRole | None = None
        self._offered = PersonWhoMatters(name="")  # the named carer offered a record
        body = QWidget()
        layout = QVBoxLayout(body)
        for section in (self.carers, self.cared_for):
            self._connect(section)
        layout.addWidget(self.carers)
        layout.addWidget(self.shared)
        layout.addWidget(self.cared_for)
        layout.addStretch(1)
        self.setWidget(body)

    def _connect(self, section: RolesSection) -> None:
        section.open_button.clicked.connect(lambda: self.open_record(section))
        section.change_button.clicked.connect(lambda: self.change(section))
        section.list.itemActivated.connect(lambda _item: self.change(section))
        section.end_button.clicked.connect(lambda: self.end(section))
        section.add_button.clicked.connect(lambda: self.add(section))

    def show_person(self, person_id: str) -> None:
        self.person_id = person_id
        for section in (self.carers, self.cared_for):
            section.confirmation.clear()
        self._refresh()

    def _refresh(self) -> None:
        """Their carers with records, then those page one names who have none yet, as the
        Carers list counts them; then whom they care for."""
        carers = self._store.carers_of(self.person_id)
        named = self._store.person(self.person_id).people_who_matter
        self.carers.show_roles(
            self._named_roles(self.carers, carers), named_carers_without_record(named, carers)
        )
        as_carer = self._store.roles_as_carer(self.person_id)
        self.cared_for.show_roles(self._named_roles(self.cared_for, as_carer))
        self.shared.show_shared(self._store.shared_by_carers(self.person_id))

    def _named_roles(
        self, section: RolesSection, roles: list[CaringRole]
    ) -> list[tuple[str, CaringRole]]:
        return [(self._name(section.side.other(role)), role) for role in roles]

    def _name(self, person_id: str) -> str:
        return name_of(person_id, self._index, self._store)

    def _who(self, role: CaringRole) -> str:
        return f"{self._name(role.carer_id)} caring for {self._name(role.cared_for_id)}"

    def open_record(self, section: RolesSection) -> None:
        """Their record; for a carer page one names with none yet, the offer of one."""
        role, named = section.chosen(), section.chosen_named()
        if role is not None:
            self.person_chosen.emit(section.side.other(role))
        elif named is not None:
            self._section, self._offered = section, named
            self.own_record.start(self.person_id, named)

    def _record_made(self) -> None:
        """Search has learnt of the record made (from the runner's report) already."""
        self._changed(f"{self._offered.name} has a record of their own.")

    def change(self, section: RolesSection) -> None:
        role = section.chosen()
        if role is not None:
            self._section = section
            self.role_dialog.start(role, self._who(role))

    def add(self, section: RolesSection) -> None:
        self._section = section
        linked = {section.side.other(role) for role in section.roles}
        self.link_dialog.start(section.side, self.person_id, linked)

    def end(self, section: RolesSection) -> None:
        """Ask first; the answer arrives without blocking the window."""
        role = section.chosen()
        if role is None:
            return
        self._section, self._ending = section, role
        self.ask_end.setText(
            f"{self._name(role.carer_id)} no longer cares for {self._name(role.cared_for_id)}?"
        )
        self.ask_end.open()

    def _end(self) -> None:
        ending, self._ending = self._ending, None
        if ending is None:
            return
        who = self._who(ending)
        try:
            self._runner.write_now(lambda: end_caring_role(self._store, ending), source=self)
        except Exception as problem:
            self._section.confirmation.setText(f"Not ended. {failure_text(problem)} Try again.")
            return
        self._changed(f"Ended: {who}.")

    def _linked(self) -> None:
        """Search has learnt of a record made here (from the runner's report) before the
        lines name it."""
        if self.link_dialog.role is not None:
            self._changed(f"Added: {self._who(self.link_dialog.role)}.")

    def _changed(self, done: str) -> None:
        self._refresh()
        self._section.confirmation.setText(done)
