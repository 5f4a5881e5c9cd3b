"""Page one: who the person is, how to reach them, consent, who matters, why they came to us."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QScrollArea, QVBoxLayout, QWidget

from assessor.record import ConsentHow, ContactPreference, InformationFormat, Person, Route
from assessor.validation import (
    normalise_email,
    normalise_nhs_number,
    normalise_phone,
    normalise_postcode,
)
from db.store import Store
from ui.autosave import Autosaver
from ui.binding import (
    Binder,
    optional,
    optional_date,
    optional_date_of_birth,
    required,
    show_date,
)
from ui.forms import Section, line_edit, named, text_edit
from ui.people_who_matter import PeopleWhoMatterSection


class PageOne(QScrollArea):
    """The information page, autosaving field by field."""

    person_saved = Signal(str)

    def __init__(self, store: Store, autosaver: Autosaver) -> None:
        super().__init__()
        self._store = store
        self._person_id = ""
        self.binder = Binder(autosaver)
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._who_they_are())
        layout.addWidget(self._how_to_reach_them())
        layout.addWidget(self._communication())
        layout.addWidget(self._consent())
        self.people_who_matter = PeopleWhoMatterSection(store)
        layout.addWidget(self.people_who_matter)
        layout.addWidget(self._how_they_came())
        layout.addStretch(1)
        self.setWidget(body)

    def show_person(self, person: Person) -> None:
        self._person_id = person.id
        self.binder.attach(("person", person.id), self._write, person)
        self.people_who_matter.show_person(person)

    def _write(self, changes: dict[str, object]) -> None:
        self._store.update_person(self._person_id, changes)
        self.person_saved.emit(self._person_id)

    # --- sections -----------------------------------------------------------------------------

    def _who_they_are(self) -> Section:
        section = Section("Who they are")
        b = self.binder
        self.preferred_name = line_edit("Preferred name", "The name they like to be called")
        section.add(
            "Preferred name",
            self.preferred_name,
            b.line(self.preferred_name, "preferred_name", required("A name")),
        )
        self.first_names = line_edit("First names")
        section.add("First names", self.first_names, b.line(self.first_names, "first_names"))
        self.family_name = line_edit("Family name")
        section.add("Family name", self.family_name, b.line(self.family_name, "family_name"))
        self.other_names = line_edit("Other names", "Names they have been known by")
        section.add("Other names", self.other_names, b.line(self.other_names, "other_names"))
        self.date_of_birth = line_edit("Date of birth", "For example 14/03/1941")
        section.add(
            "Date of birth",
            self.date_of_birth,
            b.line(self.date_of_birth, "date_of_birth", optional_date_of_birth, show_date),
        )
        self.nhs_number = line_edit("NHS number", "10 digits, spaces are fine")
        section.add(
            "NHS number",
            self.nhs_number,
            b.line(self.nhs_number, "nhs_number", optional(normalise_nhs_number)),
            hint="Optional. Leave it empty if they do not know it.",
        )
        return section

    def _how_to_reach_them(self) -> Section:
        section = Section("How to reach them")
        b = self.binder
        self.address = text_edit("Address", lines=2)
        section.add("Address", self.address, b.text(self.address, "address"))
        self.postcode = line_edit("Postcode", "For example LS6 1AB")
        section.add(
            "Postcode",
            self.postcode,
            b.line(self.postcode, "postcode", optional(normalise_postcode)),
        )
        self.phone = line_edit("Phone")
        section.add("Phone", self.phone, b.line(self.phone, "phone", optional(normalise_phone)))
        self.email = line_edit("Email")
        section.add("Email", self.email, b.line(self.email, "email", optional(normalise_email)))
        self.contact_preference = named(QComboBox(), "How they like to be contacted")
        b.choice(self.contact_preference, "contact_preference", ContactPreference)
        section.add("How they like to be contacted", self.contact_preference)
        return section

    def _communication(self) -> Section:
        section = Section("Communication")
        b = self.binder
        self.information_format = named(QComboBox(), "Format for information")
        b.choice(self.information_format, "information_format", InformationFormat)
        section.add(
            "Format for information",
            self.information_format,
            hint="Accessible Information Standard: how they need letters and plans.",
        )
        self.interpreter_language = line_edit("Interpreter language")
        section.add(
            "Interpreter language",
            self.interpreter_language,
            b.line(self.interpreter_language, "interpreter_language"),
        )
        self.communication_needs = text_edit("Communication needs", lines=2)
        section.add(
            "Communication needs",
            self.communication_needs,
            b.text(self.communication_needs, "communication_needs"),
            hint="Hearing, sight, speech, memory: what helps a conversation go well.",
        )
        return section

    def _consent(self) -> Section:
        section = Section("Consent")
        b = self.binder
        self.consent_to_record = named(QComboBox(), "Agrees to us keeping a record")
        b.yes_no(self.consent_to_record, "consent_to_record")
        section.add("Agrees to us keeping a record", self.consent_to_record)
        self.consent_to_share = named(QComboBox(), "Agrees to us sharing it")
        b.yes_no(self.consent_to_share, "consent_to_share")
        section.add("Agrees to us sharing it", self.consent_to_share)
        self.share_with = line_edit("Who it may be shared with")
        section.add(
            "Who it may be shared with", self.share_with, b.line(self.share_with, "share_with")
        )
        self.consent_date = line_edit("Date consent was given", "For example 23/11/2026")
        section.add(
            "Date consent was given",
            self.consent_date,
            b.line(self.consent_date, "consent_date", optional_date, show_date),
        )
        self.consent_how = named(QComboBox(), "How consent was given")
        b.choice(self.consent_how, "consent_how", ConsentHow)
        section.add("How consent was given", self.consent_how)
        return section

    def _how_they_came(self) -> Section:
        section = Section("How they came to us")
        b = self.binder
        self.route = named(QComboBox(), "How they came to us")
        b.choice(self.route, "route", Route)
        section.add("How they came to us", self.route)
        self.route_detail = line_edit("Who got in touch, and how")
        section.add(
            "Who got in touch, and how",
            self.route_detail,
            b.line(self.route_detail, "route_detail"),
        )
        self.presenting_problem = text_edit("What they asked for help with, in their words")
        self.presenting_problem.setObjectName("ownWords")
        section.add(
            "What they asked for help with, in their words",
            self.presenting_problem,
            b.text(self.presenting_problem, "presenting_problem", required("What they asked for")),
            hint="Write it as they said it; it is kept exactly and shown as a quotation.",
        )
        return section
