"""The chosen person's workspace: who they are at a glance, page one, contacts, goals,
short-term help and their progression plan."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from assessor.record import Person
from assessor.search import PeopleIndex
from assessor.validation import age_on, format_date, format_nhs_number
from ui.autosave import Autosaver
from ui.contacts import ContactsTab
from ui.goals import GoalsTab
from ui.page_one import PageOne
from ui.progression import ProgressionTab
from ui.short_term import ShortTermTab

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

    def __init__(self, store: Store, autosaver: Autosaver, worker: str, index: PeopleIndex) -> None:
        super().__init__()
        self._store = store
        self.person_id = ""
        self.name = QLabel()
        self.name.setObjectName("personName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.quote = QLabel()
        self.quote.setObjectName("quote")
        self.quote.setWordWrap(True)
        self.page_one = PageOne(store, autosaver, index)
        self.page_one.people_who_matter.person_chosen.connect(self.person_chosen)
        self.page_one.people_who_matter.person_added.connect(self.person_added)
        self.contacts = ContactsTab(store, autosaver, worker)
        self.goals = GoalsTab(store, autosaver, worker)
        self.short_term = ShortTermTab(store, worker)
        self.progression = ProgressionTab(store)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Record sections")
        self.tabs.addTab(self.page_one, "Page one: about them")
        self.tabs.addTab(self.contacts, "Contacts and conversations")
        self.tabs.addTab(self.goals, "Goals")
        self.tabs.addTab(self.short_term, "Short-term help")
        self.tabs.addTab(self.progression, "Progression plan")
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.summary)
        layout.addWidget(self.quote)
        layout.addWidget(self.tabs, 1)
        self.page_one.person_saved.connect(self._refresh_header)
        self._stale: set[QWidget] = set()
        self.tabs.currentChanged.connect(lambda _index: self._fill_shown_tab())
        # Goals added on their tab belong in the plan and the weekly reviews at once.
        self.goals.goals_changed.connect(lambda _goal_id: self._refresh_goal_users())

    def show_person(self, person_id: str) -> None:
        person = self._store.person(person_id)
        self.person_id = person_id
        self.page_one.show_person(person)
        self.contacts.show_person(person_id)
        self._stale = {self.goals, self.short_term, self.progression}
        self._fill_shown_tab()
        self._show_header(person)

    def _fill_shown_tab(self) -> None:
        """Goals, short-term help and the plan are read when their tab is shown, so opening a
        person costs the same however many tabs there are."""
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

    def _refresh_goal_users(self) -> None:
        self._stale |= {self.short_term, self.progression}
