"""The chosen person's workspace: who they are at a glance, page one, contacts, goals,
short-term help, their progression plan, their carers, and, for a carer, their support."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from assessor.drafts import Draft
from assessor.operations.op_changes import OpChanges, RecordKind
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
    from assessor.operations.store_port import StorePort
    from ui.kit.runner import Runner


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
    """Header, then a tab for each part of the record. What the runner reports changed in the
    person's record is shown afresh: the header at once, a tab when it is next shown."""

    person_chosen = Signal(str)  # open another person's record, such as a carer's

    def __init__(
        self,
        store: StorePort,
        runner: Runner,
        autosaver: Autosaver,
        worker: str,
        index: PeopleIndex,
    ) -> None:
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
        self.page_one = PageOne(store, runner, autosaver, index)
        self.page_one.people_who_matter.person_chosen.connect(self.person_chosen)
        self.contacts = ContactsTab(store, runner, autosaver, worker)
        self.goals = GoalsTab(store, runner, autosaver, worker)
        self.short_term = ShortTermTab(store, runner, worker)
        self.progression = ProgressionTab(store, runner)
        self.carers = CarersTab(store, runner, index)
        self.carer_support = CarerSupportTab(store, runner, autosaver, worker)
        # The kinds of record each tab reads when shown: goals are named in the short-term
        # help's reviews and belong to progression plans, so those tabs show them too.
        self._shows: dict[QWidget, tuple[RecordKind, ...]] = {
            self.goals: (RecordKind.GOAL,),
            self.short_term: (RecordKind.SHORT_TERM_HELP, RecordKind.GOAL),
            self.progression: (RecordKind.PROGRESSION, RecordKind.GOAL),
            self.carers: (RecordKind.CARER,),
            self.carer_support: (RecordKind.CARER,),
        }
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
        self._stale: set[QWidget] = set()
        self.tabs.currentChanged.connect(lambda _index: self._fill_shown_tab())
        self.carers.person_chosen.connect(self.person_chosen)
        self.carer_support.conversation_started.connect(self._show_contact)
        runner.changes_applied.connect(self._changes_applied)

    def show_person(self, person_id: str) -> None:
        person = self._store.person(person_id)
        self.person_id = person_id
        self.page_one.show_person(person)
        self.contacts.show_person(person_id, person.display_name)
        self._stale = set(self._shows)
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

    def _changes_applied(self, changes: OpChanges, source: object) -> None:
        """The person's record changed: what shows it is read again, except by the tab that
        made the change, which shows it already."""
        if not self.person_id or not changes.touches_person(self.person_id):
            return
        if changes.touches(RecordKind.PERSON):
            self._show_header(self._store.person(self.person_id))
        self._stale |= {
            tab
            for tab, kinds in self._shows.items()
            if tab is not source and changes.touches(*kinds)
        }
        if changes.touches(RecordKind.CARER):
            self._show_carer_support()
        self._fill_shown_tab()

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

    def _show_contact(self, contact_id: str) -> None:
        """A carer's conversation just started: show it, ready to write."""
        self.contacts.show_person(self.person_id, self.name.text(), select_id=contact_id)
        self.tabs.setCurrentWidget(self.contacts)
