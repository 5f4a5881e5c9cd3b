"""A fictional person's file to export, with goals, and the change history beside it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from assessor import example
from assessor.export import export_person
from assessor.goals import Goal, GoalKind, Review, Reviewer
from assessor.person_file import PersonFile
from assessor.record import (
    Contact,
    ContactPreference,
    Conversation,
    ConversationKind,
    Entry,
    Followed,
    InformationFormat,
    Person,
    PersonWhoMatters,
    Place,
    Relationship,
)
from assessor.stamps import Stamp

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
STAMP = Stamp(
    created_at=datetime(2026, 11, 1, 10, 0, tzinfo=UTC),
    updated_at=datetime(2026, 11, 2, 11, 0, tzinfo=UTC),
    updated_by="Sam Patel",
    revision=3,
)
OWN_WORDS = "  I'm not going in a home.\n  Not while I can still make a brew.  "


@dataclass(frozen=True)
class FakeChange:
    seq: int
    table: str
    row_id: str
    revision: int
    operation: str
    changes: dict[str, Any]
    changed_at: datetime
    changed_by: str


def des_file() -> PersonFile:
    person = Person(
        id="p1",
        preferred_name="Des",
        first_names="Desmond",
        family_name="Hartley",
        date_of_birth=date(1958, 11, 2),
        nhs_number=example.nhs_number_in_test_range(200),
        postcode="LS9 7QT",
        contact_preference=ContactPreference.TEXT_MESSAGE,
        information_format=InformationFormat.EASY_READ,
        consent_to_record=True,
        consent_to_share=False,
        presenting_problem="Going home on Friday with one arm in plaster.",
        people_who_matter=[
            PersonWhoMatters("Ray Hartley", Relationship.FAMILY, "Brother", id="w1", stamp=STAMP)
        ],
        stamp=STAMP,
    )
    newer = Contact(
        person_id="p1",
        on=date(2026, 11, 20),
        place=Place.HOME_VISIT,
        kind=ConversationKind.AT_RISK,
        worker="Jo Whitcombe",
        followed=frozenset({Followed.SHORT_TERM_HELP, Followed.ASSESSMENT}),
        id="c2",
        stamp=STAMP,
    )
    older = Contact(person_id="p1", on=date(2026, 11, 3), place=Place.HOSPITAL, id="c1")
    return PersonFile(
        person=person,
        contacts=[newer, older],
        conversations={
            "c2": Conversation(
                "c2",
                {
                    "what_matters": Entry(OWN_WORDS, own_words=True),
                    "emergency_plan": Entry("Ray is the first person to call."),
                },
            ),
        },
    )


def des_file_with_goals() -> PersonFile:
    file = des_file()
    breakfast = Goal(
        person_id="p1",
        words="Make my own breakfast with one hand.",
        set_on=date(2026, 11, 20),
        set_by="Jo Whitcombe",
        kind=GoalKind.REABLEMENT,
        target_date=date(2026, 11, 23),
        expected="Breakfast and a hot drink, safely, one-handed.",
        baseline=-2,
        id="g1",
        stamp=STAMP,
    )
    club = Goal(person_id="p1", words="Back to the bowls club.", set_on=date(2026, 11, 21), id="g2")
    file.goals = [breakfast, club]
    file.reviews = {
        "g1": [
            Review("g1", -2, date(2026, 11, 21), Reviewer.OT, 3, "Bread defeated him.", "r1"),
            Review("g1", -1, date(2026, 11, 22), Reviewer.PERSON, 6, OWN_WORDS, "r2", stamp=STAMP),
        ]
    }
    return file


def export_des() -> dict[str, Any]:
    """Des's file exported with two changes in its history."""
    history = [
        FakeChange(1, "people", "p1", 1, "insert", {"preferred_name": "Des"}, NOW, "Sam Patel"),
        FakeChange(2, "people", "p1", 2, "update", {"postcode": "LS9 7QT"}, NOW, "Jo Whitcombe"),
    ]
    return export_person(des_file(), history, now=NOW)
