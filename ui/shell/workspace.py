"""The chosen person's workspace: who they are at a glance, page one, contacts, goals,
short-term help, their progression plan, their carers, and, for a carer, their support."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from assessor.drafts import Draft
from assessor.record import Person
from assessor.search import PeopleIndex
from assessor.validation import age_on, format_date, format_nhs_number
from ui.carers.support_tab import CarerSupportTab
from ui.carers.tab import CarersTab
from ui.goals.tab import GoalsTab
from ui.kit.autosave import Autosaver
from ui.kit.forms import set_shown
from ui.progression.tab import ProgressionTab
from ui.record.contacts import ContactsTab
from ui.record.page_one import PageOne
from ui.short_term.tab import ShortTermTab

if TYPE_CHECKING:
    from db.store import Store


def summary_line(person: Person, today: date) -> str:
    parts = []
    if person.date_of_birth:
        born = person.date_of_birth
        parts.append(f"Born {format_date(born)} (age {age_on(born, today)})")
    if person.nhs_number:
        parts.append(f"NHS number {format_nhs_number(person.nhs_number)}")
    if person.postcode:
        parts.append(person.postcode)
    if person.information_format:
        parts.append(f"Information: {person.information_format.label}")
    return " · ".join(parts)


class PersonWorkspace(QWidget):
    """Header, then a tab for each part of the record."""

    person_chosen = Signal(str)  # open another person's record, such as a carer's
    person_added = Signal(str)  # a record was made from here: search must learn of it
    carers_changed = Signal()  # caring roles, offers, carers' plans or reviews changed

    def __init__(self, store: Store, autosaver: Autosaver, worker: str, index: PeopleIndex) -> None:
        super().__init__()
        self._store = store
        self._index = index
        self.person_id = ""
        self.name = QLabel()
        self.name.setObjectName("personName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.cares_for = QLabel()
        self.cares_for.setWordWrap(True)
        self.quote = QLabel()
        self.quote.setObjectName("quote")
        self.quote.setWordWrap(True)
        self.page_one = PageOne(store, autosaver, index)
        self.page_one.people_who_matter.person_chosen.connect(self.person_chosen)
        self.page_one.people_who_matter.person_added.connect(self.person_added)
        self.page_one.people_who_matter.roles_changed.connect(self._roles_changed)
        self.contacts = ContactsTab(store, autosaver, worker)
        self.goals = GoalsTab(store, autosaver, worker)
        self.short_term = ShortTermTab(store, worker)
        self.progression = ProgressionTab(store)
        self.carers = CarersTab(store, index)
        self.carer_support = CarerSupportTab(store, autosaver, worker)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Record sections")
        self.tabs.addTab(self.page_one, "Page one: about them")
        self.tabs.addTab(self.contacts, "Contacts and conversations")
        self.tabs.addTab(self.goals, "Goals")
        self.tabs.addTab(self.short_term, "Short-term help")
        self.tabs.addTab(self.progression, "Progression plan")
        self.tabs.addTab(self.carers, "Carers")
        self.tabs.addTab(self.carer_support, "Support as a carer")
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.summary)
        layout.addWidget(self.cares_for)
        layout.addWidget(self.quote)
        layout.addWidget(self.tabs, 1)
        self.page_one.person_saved.connect(self._refresh_header)
        self._stale: set[QWidget] = set()
        self.tabs.currentChanged.connect(lambda _index: self._fill_shown_tab())
        # Goals added on their tab belong in the plan and the weekly reviews at once.
        self.goals.goals_changed.connect(lambda _goal_id: self._refresh_goal_users())
        self.carers.person_chosen.connect(self.person_chosen)
        self.carers.person_added.connect(self.person_added)
        self.carers.roles_changed.connect(self._roles_changed)
        self.carer_support.changed.connect(self.carers_changed)
        self.carer_support.conversation_started.connect(self._show_contact)

    def show_person(self, person_id: str) -> None:
        person = self._store.person(person_id)
        self.person_id = person_id
        self.page_one.show_person(person)
        self.contacts.show_person(person_id, person.display_name)
        self._stale = {
            self.goals,
            self.short_term,
            self.progression,
            self.carers,
            self.carer_support,
        }
        self._show_carer_support()
        self._fill_shown_tab()
        self._show_header(person)

    def show_draft(self, draft: Draft) -> None:
        """The tab and field a draft belongs to, with the cursor in the field."""
        kind, _, rest = draft.record.partition("/")
        if kind == "person":
            self.tabs.setCurrentWidget(self.page_one)
            self.page_one.binder.focus(draft.field)
        elif kind in ("contact", "entry"):
            contact_id, _, topic = rest.partition("/")
            self.tabs.setCurrentWidget(self.contacts)
            self.contacts.select_contact(contact_id)
            if topic in self.contacts.conversation.fields:
                self.contacts.conversation.fields[topic].text.setFocus()
            else:
                self.contacts.details.binder.focus(draft.field)
        elif kind == "carer_plan":
            self.tabs.setCurrentWidget(self.carer_support)
            self.carer_support.binder.focus(draft.field)

    def _fill_shown_tab(self) -> None:
        """Tabs after the contacts are read when shown, so opening a person costs the same
        however many tabs there are."""
        tab = self.tabs.currentWidget()
        if tab in self._stale:
            self._stale.discard(tab)
            tab.show_person(self.person_id)

    def _refresh_header(self, person_id: str) -> None:
        self._show_header(self._store.person(person_id))

    def _show_header(self, person: Person) -> None:
        self.name.setText(person.display_name)
        self.summary.setText(summary_line(person, date.today()))
        problem = person.presenting_problem.strip()
        self.quote.setText(f"In {person.preferred_name}’s words: “{problem}”" if problem else "")

    def _show_carer_support(self) -> None:
        """Support as a carer is offered only for people who care for someone, whom the header
        names."""
        roles = self._store.roles_as_carer(self.person_id)
        cared_for = [self._index.name_of(role.cared_for_id) for role in roles]
        self.tabs.setTabVisible(self.tabs.indexOf(self.carer_support), bool(cared_for))
        self.cares_for.setText(f"Carer for {' and '.join(cared_for)}" if cared_for else "")
        set_shown(self.cares_for, bool(cared_for))

    def _roles_changed(self) -> None:
        self._stale |= {self.carers, self.carer_support}
        self._fill_shown_tab()
        self._show_carer_support()
        self.carers_changed.emit()

    def _show_contact(self, contact_id: str) -> None:
        """A carer's conversation just started: show it, ready to write."""
        self.contacts.show_person(self.person_id, self.name.text(), select_id=contact_id)
        self.tabs.setCurrentWidget(self.contacts)
        self.carers_changed.emit()

    def _refresh_goal_users(self) -> None:
        self._stale |= {self.short_term, self.progression}
