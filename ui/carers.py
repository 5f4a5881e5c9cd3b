"""The Carers tab: who cares for the person, what those carers agreed to share, and whom the
person cares for themselves.

Carers are people in their own right (seed 003), so each carer here is a record of their own,
linked by a caring role. The privacy rule: of a carer's record, only their name, their caring
role and the conversations they agreed to share appear on the record of someone they care for.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from assessor.carers import CARING_ROLE_FIELDS, CaringRole, person_from_name
from assessor.conflicts import revised, revision_of
from assessor.prompts import TOPICS
from assessor.record import SharedConversation
from assessor.search import PeopleIndex
from assessor.validation import MONTHS, InvalidInput, format_date
from ui.binding import ErrorLabel, optional_date, show_date
from ui.caseload import list_line
from ui.forms import (
    Section,
    attempt,
    dialog_buttons,
    hint_label,
    line_edit,
    named,
    problem_label,
    record_actions,
)
from ui.goal_list import quoted
from ui.progression_words import clear_layout

if TYPE_CHECKING:
    from db.store import Store

_ID = Qt.ItemDataRole.UserRole
# Whether they live together, as the choice lists it: not recorded, yes, no.
LIVE_TOGETHER: tuple[tuple[str, bool | None], ...] = (
    ("Not recorded", None),
    ("Yes, they live together", True),
    ("No, they live apart", False),
)
MATCHES_SHOWN = 8


def name_of(person_id: str, index: PeopleIndex, store: Store) -> str:
    """A person's name as search knows it, or as stored when search has not yet heard of them."""
    return (index.get(person_id) or store.findable(person_id)).display_name


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


def parse_hours(text: str) -> int | None:
    """Hours a week as typed; empty is not recorded. The role's own check says how many."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if not cleaned.isdigit():
        raise InvalidInput(
            f"Hours a week should be a whole number, such as 20; “{cleaned}” is not."
        )
    return int(cleaned)


def fill_list(shown: QListWidget, lines: list[tuple[str, str]], empty: str) -> None:
    """Show (text, id) lines, or one line saying there are none; sized to fit them."""
    shown.clear()
    for text, item_id in lines:
        item = QListWidgetItem(text)
        item.setData(_ID, item_id)
        shown.addItem(item)
    if not lines:
        shown.addItem(QListWidgetItem(empty))
        shown.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
    shown.setWordWrap(True)
    shown.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    rows = sum(shown.sizeHintForRow(row) for row in range(shown.count()))
    shown.setMaximumHeight(max(rows, shown.sizeHintForRow(0) * 3) + 8)


class RoleFields(Section):
    """What a caring role holds: what they do, hours a week, since when, and whether they
    live together. Each problem is said beside its field."""

    def __init__(self) -> None:
        super().__init__("Their caring")
        self.what_they_do = line_edit("What they do", "For example shopping, meals, medicines")
        self.add("What they do", self.what_they_do)
        self.hours = line_edit("Hours a week", "About how many, for example 20")
        self.hours_error = ErrorLabel(self.hours)
        self.add("Hours a week", self.hours, self.hours_error, hint="Optional: a whole number.")
        self.since = line_edit("Caring since", "For example 01/03/2024")
        self.since_error = ErrorLabel(self.since)
        self.add("Caring since", self.since, self.since_error, hint="Optional: leave it empty.")
        self.live_together = named(QComboBox(), "Do they live together")
        for label, _value in LIVE_TOGETHER:
            self.live_together.addItem(label)
        self.add("Live together", self.live_together)

    def load(self, role: CaringRole | None) -> None:
        """Fill from `role`, or empty for a new one."""
        role = role or CaringRole(carer_id="", cared_for_id="")
        self.what_they_do.setText(role.what_they_do)
        self.hours.setText("" if role.hours_a_week is None else str(role.hours_a_week))
        self.since.setText(show_date(role.since))
        values = [value for _label, value in LIVE_TOGETHER]
        self.live_together.setCurrentIndex(values.index(role.live_together))
        for label in (self.hours_error, self.since_error):
            label.show_message(None)

    def read(self, role: CaringRole) -> CaringRole | None:
        """`role` with what is typed, checked; None with the problem beside its field."""
        for label in (self.hours_error, self.since_error):
            label.show_message(None)
        try:
            hours = parse_hours(self.hours.text())
            changed = replace(role, hours_a_week=hours)
            changed.check()
        except InvalidInput as problem:
            self.hours_error.show_message(str(problem))
            self.hours.setFocus()
            return None
        try:
            since = optional_date(self.since.text())
        except InvalidInput as problem:
            self.since_error.show_message(str(problem))
            self.since.setFocus()
            return None
        return replace(
            changed,
            what_they_do=self.what_they_do.text().strip(),
            since=since,
            live_together=LIVE_TOGETHER[self.live_together.currentIndex()][1],
        )


class RoleDialog(QDialog):
    """Change what a carer does, their hours, since when, or whether they live together."""

    def __init__(self, store: Store, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change caring")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._store = store
        self.role = CaringRole(carer_id="", cared_for_id="")
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.fields = RoleFields()
        self.message = problem_label()
        buttons, self.save_button = dialog_buttons(self, "Save changes")
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(self.fields)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def start(self, role: CaringRole, who: str) -> None:
        self.role = role
        self.who.setText(who)
        self.fields.load(role)
        self.message.hide()
        self.open()
        self.fields.what_they_do.setFocus()

    def accept(self) -> None:
        changed = self.fields.read(self.role)
        if changed is None:
            return
        saved = attempt(lambda: self._save(changed), self.message)
        if saved is not None:
            self.role = saved
            super().accept()

    def _save(self, changed: CaringRole) -> CaringRole:
        changes = {name: getattr(changed, name) for name in CARING_ROLE_FIELDS}
        revision = self._store.update_caring_role(changed.id, changes, revision_of(changed))
        return revised(changed, revision)


@dataclass(frozen=True)
class Side:
    """One direction of caring, as the tab shows it: the person's carers, or the people the
    person cares for. `as_carer` says the person is the carer in these roles."""

    as_carer: bool
    title: str
    add_text: str
    empty: str

    def other(self, role: CaringRole) -> str:
        return role.cared_for_id if self.as_carer else role.carer_id

    def role(self, person_id: str, other_id: str) -> CaringRole:
        if self.as_carer:
            return CaringRole(carer_id=person_id, cared_for_id=other_id)
        return CaringRole(carer_id=other_id, cared_for_id=person_id)


CARERS = Side(False, "Who cares for them", "Add a carer…", "No carers recorded.")
CARED_FOR = Side(
    True, "Who they care for", "Add someone they care for…", "They care for no one recorded."
)
_NEW = ""  # the link dialog's "Make a new record" entry


class LinkDialog(QDialog):
    """Link a carer, or someone they care for: someone already on the caseload, found as the
    worker types their name, or a new record made here."""

    def __init__(self, store: Store, index: PeopleIndex, parent: QWidget) -> None:
        super().__init__(parent)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._store = store
        self._index = index
        self._side = CARERS
        self._person_id = ""
        self._linked: set[str] = set()
        self.made_id = ""  # a record made here, for search to learn of
        self.role: CaringRole | None = None  # the role stored
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        who = Section("Who")
        self.name = line_edit("Their name", "Type their name to find them")
        self.name.textChanged.connect(self._find)
        who.add("Name", self.name)
        self.matches = named(QListWidget(), "Who they are: someone on the caseload, or new")
        who.add(
            "Who they are",
            self.matches,
            hint="Choose them if they are already on the caseload; otherwise make a new record.",
        )
        self.fields = RoleFields()
        self.message = problem_label()
        buttons, self.save_button = dialog_buttons(self, "Save")
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(who)
        layout.addWidget(self.fields)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def start(self, side: Side, person_id: str, linked: set[str]) -> None:
        """Empty, for `person_id`; `linked` are those already linked on this side."""
        self._side, self._person_id, self._linked = side, person_id, linked
        name = name_of(person_id, self._index, self._store)
        self.setWindowTitle(f"Someone {name} cares for" if side.as_carer else f"A carer for {name}")
        self.intro.setText(
            f"Who does {name} care for?" if side.as_carer else f"Who cares for {name}?"
        )
        self.made_id, self.role = "", None
        self.name.clear()
        self._find("")
        self.fields.load(None)
        self.message.hide()
        self.open()
        self.name.setFocus()

    def _find(self, text: str) -> None:
        """A new record for the name as typed, then the closest people on the caseload."""
        chosen = self._chosen_id()
        self.matches.clear()
        name = " ".join(text.split())
        if not name:
            return
        skip = self._linked | {self._person_id}
        found = self._index.search(name, limit=MATCHES_SHOWN + len(skip)).people
        people = [person for person in found if person.id not in skip][:MATCHES_SHOWN]
        for text_shown, person_id in [
            (f"Make a new record for {name}", _NEW),
            *((list_line(person), person.id) for person in people),
        ]:
            item = QListWidgetItem(text_shown)
            item.setData(_ID, person_id)
            self.matches.addItem(item)
            if person_id == chosen:
                self.matches.setCurrentItem(item)

    def _chosen_id(self) -> str | None:
        item = self.matches.currentItem()
        return None if item is None else str(item.data(_ID))

    def accept(self) -> None:
        self.message.hide()
        name = " ".join(self.name.text().split())
        chosen = self._chosen_id()
        if not name:
            self._problem("Type their name, then choose who they are.", self.name)
            return
        if chosen is None:
            self._problem(
                "Choose who they are: someone on the caseload, or a new record.", self.matches
            )
            return
        role = self.fields.read(self._side.role(self._person_id, chosen))
        if role is None:
            return
        self.role = attempt(lambda: self._save(role, name), self.message)
        if self.role is not None:
            super().accept()

    def _problem(self, text: str, field: QWidget) -> None:
        self.message.setText(text)
        self.message.show()
        field.setFocus()

    def _save(self, role: CaringRole, name: str) -> CaringRole:
        """Link them; a new record is made with its link, in one transaction."""
        if self._side.other(role) != _NEW:
            return self._store.add_caring_role(role)
        self.made_id, role = self._store.add_linked_person(person_from_name(name), role)
        return role


class RolesSection(Section):
    """One side's roles, one line each, with what can be done to the chosen one."""

    def __init__(self, side: Side) -> None:
        super().__init__(side.title)
        self.side = side
        self.roles: list[CaringRole] = []
        self.list = named(QListWidget(), side.title)
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

    def show_roles(self, roles: list[tuple[str, CaringRole]]) -> None:
        """Each role with the name of the other person in it."""
        self.roles = [role for _name, role in roles]
        lines = [(role_line(name, role), role.id) for name, role in roles]
        fill_list(self.list, lines, self.side.empty)
        self._enable()

    def chosen(self) -> CaringRole | None:
        row = self.list.currentRow()
        return self.roles[row] if 0 <= row < len(self.roles) else None

    def _enable(self) -> None:
        for button in (self.open_button, self.change_button, self.end_button):
            button.setEnabled(self.chosen() is not None)


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
    """The person's carers, what they shared, and whom the person cares for."""

    person_chosen = Signal(str)  # open this person's record
    person_added = Signal(str)  # a record was made here: search must learn of it
    roles_changed = Signal()

    def __init__(self, store: Store, index: PeopleIndex) -> None:
        super().__init__()
        self._store = store
        self._index = index
        self.person_id = ""
        self.setWidgetResizable(True)
        self.carers = RolesSection(CARERS)
        self.shared = SharedSection()
        self.cared_for = RolesSection(CARED_FOR)
        self.role_dialog = RoleDialog(store, self)
        self.role_dialog.accepted.connect(
            lambda: self._changed(f"Saved the changes: {self._who(self.role_dialog.role)}.")
        )
        self.link_dialog = LinkDialog(store, index, self)
        self.link_dialog.accepted.connect(self._linked)
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
        for section, roles in (
            (self.carers, self._store.carers_of(self.person_id)),
            (self.cared_for, self._store.roles_as_carer(self.person_id)),
        ):
            section.show_roles([(self._name(section.side.other(role)), role) for role in roles])
        self.shared.show_shared(self._store.shared_by_carers(self.person_id))

    def _name(self, person_id: str) -> str:
        return name_of(person_id, self._index, self._store)

    def _who(self, role: CaringRole) -> str:
        return f"{self._name(role.carer_id)} caring for {self._name(role.cared_for_id)}"

    def open_record(self, section: RolesSection) -> None:
        role = section.chosen()
        if role is not None:
            self.person_chosen.emit(section.side.other(role))

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
        if self._ending is not None:
            who = self._who(self._ending)
            self._store.end_caring_role(self._ending.id)
            self._ending = None
            self._changed(f"Ended: {who}.")

    def _linked(self) -> None:
        """Search learns of a record made here before the lines name it."""
        if self.link_dialog.made_id:
            self.person_added.emit(self.link_dialog.made_id)
        if self.link_dialog.role is not None:
            self._changed(f"Added: {self._who(self.link_dialog.role)}.")

    def _changed(self, done: str) -> None:
        self._refresh()
        self._section.confirmation.setText(done)
        self.roles_changed.emit()
