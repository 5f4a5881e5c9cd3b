"""The Carers tab's dialogs: linking a carer, or someone they care for, and changing what a
caring role records.

They live apart from the tab so that the tab stays about showing the roles; the page for people
who matter reuses the role's fields and the list helpers from here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assessor.carers import CaringRole, person_from_name
from assessor.operations.carers import add_linked_person, change_caring_role, link_carer
from assessor.search import PeopleIndex
from assessor.validation import InvalidInput
from ui.kit.binding import ErrorLabel, optional_date, show_date
from ui.kit.forms import (
    DATE_CHARS,
    Section,
    attempt,
    dialog_buttons,
    line_edit,
    named,
    problem_label,
)
from ui.kit.screen_fit import fit_dialog
from ui.shell.caseload import list_line

if TYPE_CHECKING:
    from assessor.operations.store_port import CarerRecords, PeopleRecords, StorePort
    from ui.kit.runner import Runner


_ID = Qt.ItemDataRole.UserRole
# Whether they live together, as the choice lists it: not recorded, yes, no.
LIVE_TOGETHER: tuple[tuple[str, bool | None], ...] = (
    ("Not recorded", None),
    ("Yes, they live together", True),
    ("No, they live apart", False),
)
MATCHES_SHOWN = 8
ENTRY_SPACING = 4  # pixels around each entry of a list of people, so entries never run together


def name_of(person_id: str, index: PeopleIndex, store: PeopleRecords) -> str:
    """A person's name as search knows it, or as stored when search has not yet heard of them."""
    return (index.get(person_id) or store.findable(person_id)).display_name


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
    gap = 2 * shown.spacing()
    rows = sum(shown.sizeHintForRow(row) + gap for row in range(shown.count()))
    shown.setMaximumHeight(max(rows, (shown.sizeHintForRow(0) + gap) * 3) + 8)


class RoleFields(Section):
    """What a caring role holds: what they do, hours a week, since when, and whether they
    live together. Each problem is said beside its field."""

    def __init__(self) -> None:
        super().__init__("Their caring")
        self.what_they_do = line_edit("What they do", "For example shopping, meals, medicines")
        self.add("What they do", self.what_they_do)
        self.hours = line_edit("Hours a week", "About how many, for example 20", chars=4)
        self.hours_error = ErrorLabel(self.hours)
        self.add("Hours a week", self.hours, self.hours_error, hint="Optional: a whole number.")
        self.since = line_edit("Caring since", "For example 01/03/2024", chars=DATE_CHARS)
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

    def __init__(self, store: CarerRecords, runner: Runner, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change caring")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._store = store
        self._runner = runner
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
        fit_dialog(self, outside=2)

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
        return self._runner.write_now(
            lambda: change_caring_role(self._store, changed), source=self.parent()
        )


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

    def __init__(
        self, store: StorePort, runner: Runner, index: PeopleIndex, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._store = store
        self._runner = runner
        self._index = index
        self._side = CARERS
        self._person_id = ""
        self._linked: set[str] = set()
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
        fit_dialog(self, outside=2)

    def start(self, side: Side, person_id: str, linked: set[str]) -> None:
        """Empty, for `person_id`; `linked` are those already linked on this side."""
        self._side, self._person_id, self._linked = side, person_id, linked
        name = name_of(person_id, self._index, self._store)
        self.setWindowTitle(f"Someone {name} cares for" if side.as_carer else f"A carer for {name}")
        self.intro.setText(
            f"Who does {name} care for?" if side.as_carer else f"Who cares for {name}?"
        )
        self.role = None
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
        """Link them; a new record is made with its link, in one transaction. The runner's
        report tells search of it before the tab names it."""
        if self._side.other(role) != _NEW:
            return self._runner.write_now(
                lambda: link_carer(self._store, role), source=self.parent()
            )
        _made_id, linked = self._runner.write_now(
            lambda: add_linked_person(self._store, person_from_name(name), role),
            source=self.parent(),
        )
        return linked
