"""Page one: why they came to us first, then what a visitor must know, who the person is, how
to reach them, how they communicate, consent and who matters to them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QScrollArea, QVBoxLayout, QWidget

from assessor.carers import CaringRole
from assessor.limits import RecordKind
from assessor.operations.people import update_person
from assessor.record import ConsentHow, ContactPreference, InformationFormat, Person, Route
from assessor.search import PeopleIndex
from assessor.validation import (
    normalise_email,
    normalise_nhs_number,
    normalise_phone,
    normalise_postcode,
)
from ui.kit.autosave import Autosaver, FormPlace
from ui.kit.binding import (
    Binder,
    BoundSection,
    optional,
    optional_date,
    optional_date_of_birth,
    required,
    show_date,
)
from ui.kit.clock import Today
from ui.kit.forms import named
from ui.record.people_who_matter import PeopleWhoMatterSection

if TYPE_CHECKING:
    from assessor.operations.store_port import StorePort
    from ui.kit.runner import Runner


class PageOne(QScrollArea):
    """The information page, autosaving field by field through the runner, whose report
    tells the header, search and the caseload of a new name."""

    def __init__(
        self,
        store: StorePort,
        runner: Runner,
        autosaver: Autosaver,
        index: PeopleIndex,
        today: Today,
    ) -> None:
        super().__init__()
        self._store = store
        self._today = today
        self._runner = runner
        self.binder = Binder(autosaver, RecordKind.PERSON)
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._why_they_came())
        layout.addWidget(self._before_a_visit())
        layout.addWidget(self._who_they_are())
        layout.addWidget(self._how_to_reach_them())
        layout.addWidget(self._communication())
        layout.addWidget(self._consent())
        self.people_who_matter = PeopleWhoMatterSection(store, runner, index)
        layout.addWidget(self.people_who_matter)
        layout.addStretch(1)
        self.setWidget(body)

    def show_person(self, person: Person, carers: list[CaringRole]) -> None:
        """The person's page, with `carers` (their carers' roles) naming carers' own records."""
        place = FormPlace(f"{person.display_name}, page one", person.id)
        self.binder.attach(
            ("person", person.id),
            lambda changes, based_on: self._write(person.id, changes, based_on),
            person,
            place,
        )
        self.people_who_matter.show_person(person, carers)

    def _write(self, person_id: str, changes: dict[str, object], based_on: int | None) -> int:
        """Autosave's writer, for the person whose page the edits were typed on (a retry may
        come after another person is shown): now, under the runner's lock, so nothing waits
        at closing."""
        return self._runner.write_now(
            lambda: update_person(self._store, person_id, changes, based_on), source=self
        )

    # --- sections -----------------------------------------------------------------------------

    def _why_they_came(self) -> BoundSection:
        """First, as the conversation starts: what they asked for, in their words."""
        section = BoundSection("Why they came to us", self.binder)
        self.presenting_problem = section.text(
            "What they asked for help with, in their words",
            "presenting_problem",
            required("What they asked for"),
            hint="Write it as they said it; it is kept exactly and shown as a quotation.",
        )
        self.presenting_problem.setObjectName("ownWords")
        self.route = section.choice("How they came to us", "route", Route)
        self.route_detail = section.line("Who got in touch, and how", "route_detail")
        return section

    def _before_a_visit(self) -> BoundSection:
        section = BoundSection("Before anyone visits", self.binder)
        self.alerts = section.text(
            "Alerts",
            "alerts",
            lines=2,
            hint="One to a line: do not visit alone, a dog, who holds the key safe code. "
            "Shown above every tab of their record.",
        )
        self.lives_alone = named(QComboBox(), "Lives alone")
        self.binder.yes_no(self.lives_alone, "lives_alone", unknown="Not known")
        section.add("Lives alone", self.lives_alone)
        return section

    def _who_they_are(self) -> BoundSection:
        section = BoundSection("Who they are", self.binder)
        self.preferred_name = section.line(
            "Preferred name",
            "preferred_name",
            required("A name"),
            placeholder="The name they like to be called",
        )
        self.first_names = section.line("First names", "first_names")
        self.family_name = section.line("Family name", "family_name")
        self.other_names = section.line(
            "Other names", "other_names", placeholder="Names they have been known by"
        )
        self.date_of_birth = section.line(
            "Date of birth",
            "date_of_birth",
            optional_date_of_birth(self._today),
            show_date,
            placeholder="For example 14/03/1941",
        )
        self.nhs_number = section.line(
            "NHS number",
            "nhs_number",
            optional(normalise_nhs_number),
            placeholder="10 digits, spaces are fine",
            hint="Optional. Leave it empty if they do not know it.",
        )
        self.gp_practice = section.line(
            "GP practice", "gp_practice", placeholder="For example Fernley Health Centre"
        )
        return section

    def _how_to_reach_them(self) -> BoundSection:
        section = BoundSection("How to reach them", self.binder)
        self.address = section.text("Address", "address", lines=2)
        self.postcode = section.line(
            "Postcode", "postcode", optional(normalise_postcode), placeholder="For example LS6 1AB"
        )
        self.phone = section.line("Phone", "phone", optional(normalise_phone))
        self.email = section.line("Email", "email", optional(normalise_email))
        self.contact_preference = section.choice(
            "How they like to be contacted", "contact_preference", ContactPreference
        )
        return section

    def _communication(self) -> BoundSection:
        section = BoundSection("Communication", self.binder)
        self.information_format = section.choice(
            "Format for information",
            "information_format",
            InformationFormat,
            hint="Accessible Information Standard: how they need letters and plans.",
        )
        self.interpreter_language = section.line("Interpreter language", "interpreter_language")
        self.format_arranged = section.line(
            "How it was arranged",
            "format_arranged",
            placeholder="For example Interpreter (Polish) booked through the council’s service",
            hint="For braille, audio, BSL or an interpreter: what was booked, and with whom.",
        )
        self.format_arranged_on = section.line(
            "Date it was arranged",
            "format_arranged_on",
            optional_date,
            show_date,
            placeholder="For example 1/12/2026",
        )
        self.communication_needs = section.text(
            "Communication needs",
            "communication_needs",
            lines=2,
            hint="Hearing, sight, speech, memory: what helps a conversation go well.",
        )
        return section

    def _consent(self) -> BoundSection:
        section = BoundSection("Consent", self.binder)
        self.consent_to_record = section.yes_no(
            "Agrees to us keeping a record", "consent_to_record"
        )
        self.consent_to_share = section.yes_no("Agrees to us sharing it", "consent_to_share")
        self.share_with = section.line("Who it may be shared with", "share_with")
        self.consent_date = section.line(
            "Date consent was given",
            "consent_date",
            optional_date,
            show_date,
            placeholder="For example 23/11/2026",
        )
        self.consent_how = section.choice("How consent was given", "consent_how", ConsentHow)
        self.attorney = section.line(
            "Power of attorney or deputy",
            "attorney",
            placeholder="Who holds it, and for what",
            hint="For example Grace Okafor, lasting power of attorney for health and welfare.",
        )
        return section
