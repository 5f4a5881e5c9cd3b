"""The chosen person's workspace: who they are at a glance, page one, contacts, goals,
short-term help, their progression plan, their carers, and, for a carer, their support."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from assessor.at_a_glance import current_kind
from assessor.carers import CaringRole
from assessor.drafts import Draft
from assessor.operations.op_changes import OpChanges, RecordKind
from assessor.record import Contact, Person
from assessor.search import PeopleIndex
from assessor.validation import age_on, format_date, format_nhs_number
from ui.kit.autosave import Autosaver
from ui.kit.clock import Now, Today, local_time
from ui.kit.forms import set_shown
from ui.record.at_a_glance import AlertBanner, ConversationBadge
from ui.record.contacts import ContactsTab
from ui.record.page_one import PageOne
from ui.shell.later_tabs import LaterTabs

# The tabs after the contacts, and their modules, are made when first shown or asked for.

if TYPE_CHECKING:
    from assessor.operations.store_port import StorePort
    from ui.carers.support_tab import CarerSupportTab
    from ui.carers.tab import CarersTab
    from ui.goals.tab import GoalsTab
    from ui.kit.runner import Runner
    from ui.progression.tab import ProgressionTab
    from ui.short_term.tab import ShortTermTab


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
        today: Today,
        now: Now,
    ) -> None:
        super().__init__()
        self._store = store
        self._today = today
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
        self.conversation_kind = ConversationBadge()
        self.alerts = AlertBanner()
        self.page_one = PageOne(store, runner, autosaver, index, today)
        self.page_one.people_who_matter.person_chosen.connect(self.person_chosen)
        self.contacts = ContactsTab(store, runner, autosaver, worker, today)
        # The kinds of record each later tab reads when shown: goals are named in the
        # short-term help's reviews and belong to progression plans, so those tabs show them.
        self._shows: dict[str, tuple[RecordKind, ...]] = {
            "goals": (RecordKind.GOAL,),
            "short_term": (RecordKind.SHORT_TERM_HELP, RecordKind.GOAL),
            "progression": (RecordKind.PROGRESSION, RecordKind.GOAL),
            "carers": (RecordKind.CARER, RecordKind.PERSON),  # page one names carers too
            "carer_support": (RecordKind.CARER,),
        }
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Record sections")
        # Every tab in view on a small screen, its title cut if need be (whole in its tooltip),
        # rather than some hidden behind scroll arrows or the window made wider than the screen.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.addTab(self.page_one, "Page one")
        self.tabs.setTabToolTip(0, "Page one: about them")
        self.tabs.addTab(self.contacts, "Contacts")
        self.tabs.setTabToolTip(1, "Contacts and their conversations")
        self._later = LaterTabs(self.tabs)
        self._later.add("goals", "Goals", lambda: _goals(store, runner, autosaver, worker, today))
        self._later.add(
            "short_term",
            "Short-term help",
            lambda: _short_term(store, runner, worker, today, local_time(now)),
        )
        self._later.add(
            "progression", "Progression plan", lambda: _progression(store, runner, today)
        )
        self._later.add("carers", "Carers", lambda: self._carers(store, runner, index))
        self._later.add(
            "carer_support",
            "Support as a carer",
            lambda: self._carer_support(store, runner, autosaver, worker),
        )
        for tab in range(2, self.tabs.count()):
            self.tabs.setTabToolTip(tab, self.tabs.tabText(tab))
        layout = QVBoxLayout(self)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name)
        name_row.addWidget(self.conversation_kind)
        name_row.addStretch(1)
        layout.addLayout(name_row)
        layout.addWidget(self.alerts)
        layout.addWidget(self.summary)
        layout.addWidget(self.cares_for)
        layout.addWidget(self.quote)
        layout.addWidget(self.tabs, 1)
        self._stale: set[str] = set()
        self.tabs.currentChanged.connect(lambda _index: self._fill_shown_tab())
        runner.changes_applied.connect(self._changes_applied)

    @property
    def goals(self) -> GoalsTab:
        return self._later.get("goals")  # type: ignore[return-value]

    @property
    def short_term(self) -> ShortTermTab:
        return self._later.get("short_term")  # type: ignore[return-value]

    @property
    def progression(self) -> ProgressionTab:
        return self._later.get("progression")  # type: ignore[return-value]

    @property
    def carers(self) -> CarersTab:
        return self._later.get("carers")  # type: ignore[return-value]

    @property
    def carer_support(self) -> CarerSupportTab:
        return self._later.get("carer_support")  # type: ignore[return-value]

    def _carers(self, store: StorePort, runner: Runner, index: PeopleIndex) -> CarersTab:
        from ui.carers.tab import CarersTab

        tab = CarersTab(store, runner, index)
        tab.person_chosen.connect(self.person_chosen)
        return tab

    def _carer_support(
        self, store: StorePort, runner: Runner, autosaver: Autosaver, worker: str
    ) -> CarerSupportTab:
        from ui.carers.support_tab import CarerSupportTab

        tab = CarerSupportTab(store, runner, autosaver, worker, self._today)
        tab.conversation_started.connect(self._show_contact)
        return tab

    def show_person(self, person_id: str) -> None:
        """Header, page one and contacts from one read; a later tab is read if it is shown."""
        opened = self._store.opened(person_id)
        self.person_id = person_id
        self.page_one.show_person(opened.person, opened.carers)
        self.contacts.show_opened(opened)
        self._stale = set(self._shows)
        self._show_carer_support(opened.cares_for)
        self._fill_shown_tab()
        self._show_header(opened.person)
        self._show_conversation_kind(opened.contacts)
        for area in self.tabs.findChildren(QScrollArea):  # nothing of the last person's place
            area.verticalScrollBar().setValue(0)
            area.horizontalScrollBar().setValue(0)

    def read_again(self) -> None:
        """The person shown, read afresh where the worker is: the same tab, the same place in
        it and the cursor in the same field (their records came from the council's hub)."""
        places = {
            area: (area.verticalScrollBar().value(), area.horizontalScrollBar().value())
            for area in self.tabs.findChildren(QScrollArea)
        }
        self.show_person(self.person_id)
        for area in self.tabs.findChildren(QScrollArea):
            down, across = places.get(area, (0, 0))
            area.verticalScrollBar().setValue(down)
            area.horizontalScrollBar().setValue(across)

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
        QTimer.singleShot(0, self._focus_into_view)  # once the tab shown is laid out

    def _focus_into_view(self) -> None:
        """Scroll the field with the cursor into view: a scroll area does so itself only when
        the worker moves into a field with Tab."""
        focused = self.focusWidget()
        area = focused.parentWidget() if focused is not None else None
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None:
            area.ensureWidgetVisible(focused)

    def _fill_shown_tab(self) -> None:
        """Tabs after the contacts are read when shown, so opening a person costs the same
        however many tabs there are."""
        name = self._later.name_of(self.tabs.currentWidget())
        if name is None:
            return
        tab = self._later.get(name)
        if name in self._stale:
            self._stale.discard(name)
            tab.show_person(self.person_id)

    def _changes_applied(self, changes: OpChanges, source: object) -> None:
        """The person's record changed: what shows it is read again, except by the tab that
        made the change, which shows it already."""
        if not self.person_id or not changes.touches_person(self.person_id):
            return
        if changes.touches(RecordKind.PERSON):
            self._show_header(self._store.person(self.person_id))
        if changes.touches(RecordKind.CONTACT):
            self._show_conversation_kind(self._store.contacts(self.person_id))
        self._stale |= {
            name
            for name, kinds in self._shows.items()
            if self._later.page(name) is not source and changes.touches(*kinds)
        }
        if changes.touches(RecordKind.CARER):
            self._show_carer_support(self._store.roles_as_carer(self.person_id))
        self._fill_shown_tab()

    def _show_header(self, person: Person) -> None:
        self.name.setText(person.display_name)
        self.summary.setText(summary_line(person, self._today()))
        problem = person.presenting_problem.strip()
        self.quote.setText(f"In {person.preferred_name}’s words: “{problem}”" if problem else "")
        self.alerts.show_person(person)

    def _show_conversation_kind(self, contacts: list[Contact]) -> None:
        """The kind of the conversation going on now, from the contacts newest first."""
        self.conversation_kind.show_kind(current_kind(contacts))

    def _show_carer_support(self, roles: list[CaringRole]) -> None:
        """Support as a carer is offered only for people who care for someone (`roles`), whom
        the header names."""
        cared_for = [self._index.name_of(role.cared_for_id) for role in roles]
        support = self.tabs.indexOf(self._later.page("carer_support"))
        self.tabs.setTabVisible(support, bool(cared_for))
        self.cares_for.setText(f"Carer for {' and '.join(cared_for)}" if cared_for else "")
        set_shown(self.cares_for, bool(cared_for))

    def _show_contact(self, contact_id: str) -> None:
        """A carer's conversation just started: show it, ready to write."""
        self.contacts.show_person(self.person_id, self.name.text(), select_id=contact_id)
        self.tabs.setCurrentWidget(self.contacts)


def _goals(
    store: StorePort, runner: Runner, autosaver: Autosaver, worker: str, today: Today
) -> GoalsTab:
    from ui.goals.tab import GoalsTab

    return GoalsTab(store, runner, autosaver, worker, today)


def _short_term(
    store: StorePort, runner: Runner, worker: str, today: Today, now: Now
) -> ShortTermTab:
    from ui.short_term.tab import ShortTermTab

    return ShortTermTab(store, runner, worker, today, now)


def _progression(store: StorePort, runner: Runner, today: Today) -> ProgressionTab:
    from ui.progression.tab import ProgressionTab

    return ProgressionTab(store, runner, today)
