"""Records the store tests share: a page one with every field answered, a contact, a goal."""

from __future__ import annotations

from datetime import date, timedelta

from assessor import example
from assessor.goals import Goal
from assessor.record import (
    ConsentHow,
    Contact,
    ContactPreference,
    InformationFormat,
    Person,
    PersonWhoMatters,
    Relationship,
    Route,
)
from db.store import Store

TODAY = date(2026, 11, 23)


def every_field_person() -> Person:
    return Person(
        preferred_name="Peggy",
        presenting_problem="Since my fall I'm frightened of the stairs.",
        first_names="Margaret Ann",
        family_name="Okafor",
        other_names="Maggie",
        date_of_birth=date(1941, 3, 14),
        nhs_number=example.nhs_number_in_test_range(100),
        address="14 Larkspur Row, Fernley",
        postcode="LS6 9ZX",
        phone="0113 496 0101",
        email="peggy@example.org",
        contact_preference=ContactPreference.PHONE,
        communication_needs="Hard of hearing in her left ear.",
        information_format=InformationFormat.INTERPRETER,
        interpreter_language="Yoruba",
        consent_to_record=True,
        consent_to_share=False,
        share_with="Her GP",
        consent_date=date(2026, 11, 11),
        consent_how=ConsentHow.BY_PHONE,
        route=Route.FAMILY_OR_FRIEND,
        route_detail="Her daughter rang the contact centre.",
        people_who_matter=[
            PersonWhoMatters(
                "Grace Okafor",
                Relationship.FAMILY,
                "Daughter",
                phone="07700 900101",
                email="grace@example.org",
                is_carer=True,
                notes="Visits twice a week.",
            )
        ],
    )


def add_contact(store: Store, person_id: str, on: date, **kw: object) -> Contact:
    return store.add_contact(Contact(person_id=person_id, on=on, **kw))  # type: ignore[arg-type]


def goal_for(person_id: str, words: str = "Sing in the chapel choir again", **kw: object) -> Goal:
    """A goal set two weeks before TODAY, unless told otherwise."""
    values: dict[str, object] = {"set_on": TODAY - timedelta(days=14), **kw}
    return Goal(person_id=person_id, words=words, **values)  # type: ignore[arg-type]
