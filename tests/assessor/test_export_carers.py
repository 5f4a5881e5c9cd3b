"""The subject-access export for carers: theirs as a carer, and only what they shared."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from assessor import example
from assessor.carers import CarerOffer, CarerPlan, CarerReview, CaringRole, OfferResponse, Supported
from assessor.export import export_person
from assessor.person_file import AsCarer, PersonFile, SharedConversation
from assessor.record import Contact, Conversation, ConversationKind, Entry, Person
from tests.assessor.export_helpers import NOW, STAMP, des_file, export_des

PRIVATE = "Some nights I sit in the car outside for ten minutes before I go in."
SHARED = "We agreed Wednesday evenings are mine."


def _carer_contact(contact_id: str, shared: bool) -> Contact:
    return Contact(
        person_id="carer",
        on=date(2026, 11, 10),
        kind=ConversationKind.CARER,
        shared_with_cared_for=shared,
        id=contact_id,
    )


def _carer_file() -> PersonFile:
    """A carer's own file: a private and a shared conversation, and what is hers as a carer."""
    private, shared = _carer_contact("cc1", False), _carer_contact("cc2", True)
    return PersonFile(
        person=Person(id="carer", preferred_name="Bernie", presenting_problem="Tired"),
        contacts=[shared, private],
        conversations={
            "cc1": Conversation("cc1", {"carer_feelings": Entry(PRIVATE, own_words=True)}),
            "cc2": Conversation("cc2", {"carer_what_would_help": Entry(SHARED, own_words=True)}),
        },
        as_carer=AsCarer(
            roles=[
                CaringRole(
                    "carer",
                    "p1",
                    what_they_do="Signs for him",
                    hours_a_week=15,
                    since=date(2024, 9, 1),
                    live_together=False,
                    named_as_id="w1",
                    id="role1",
                    stamp=STAMP,
                )
            ],
            offers=[CarerOffer("carer", date(2026, 11, 3), OfferResponse.NOT_NOW, "", "o1")],
            plans=[
                CarerPlan(
                    "carer",
                    date(2026, 11, 10),
                    what_will_help="A befriender",
                    review_on=date(2026, 11, 28),
                    id="cp1",
                )
            ],
            reviews=[
                CarerReview("carer", date(2026, 11, 10), Supported.PARTLY, "Partly.", id="cr1")
            ],
        ),
    )


def test_a_file_with_no_carers_exports_empty_carer_keys() -> None:
    exported = export_des()
    assert exported["carers"] == []
    assert exported["shared_by_carers"] == []
    assert exported["as_carer"] == {"cares_for": [], "offers": [], "plans": [], "reviews": []}
    assert {c["private_to_carer"] for c in exported["contacts"]} == {False}
    assert {c["shared_with_cared_for"] for c in exported["contacts"]} == {False}


def test_a_carers_own_export_marks_the_conversation_not_shared_as_private() -> None:
    data = export_person(_carer_file(), [], now=NOW)
    shared, private = data["contacts"]
    assert (private["id"], private["kind"], private["private_to_carer"]) == ("cc1", "carer", True)
    assert private["conversation"]["carer_feelings"]["text"] == PRIVATE
    assert (shared["private_to_carer"], shared["shared_with_cared_for"]) == (False, True)


def test_what_is_theirs_as_a_carer_is_exported_with_codes() -> None:
    as_carer = export_person(_carer_file(), [], now=NOW)["as_carer"]
    assert as_carer["cares_for"] == [
        {
            "cared_for_id": "p1",
            "what_they_do": "Signs for him",
            "hours_a_week": 15,
            "since": "2024-09-01",
            "live_together": False,
            "named_as_id": "w1",
            "id": "role1",
            "record": as_carer["cares_for"][0]["record"],
        }
    ]
    assert as_carer["cares_for"][0]["record"]["revision"] == 3
    assert as_carer["offers"] == [
        {"on": "2026-11-03", "response": "not_now", "note": "", "id": "o1", "record": None}
    ]
    (plan,) = as_carer["plans"]
    assert (plan["id"], plan["made_on"], plan["review_on"]) == ("cp1", "2026-11-10", "2026-11-28")
    assert (plan["what_will_help"], plan["breaks"], plan["contingency"]) == ("A befriender", "", "")
    assert as_carer["reviews"] == [
        {
            "on": "2026-11-10",
            "supported": "partly",
            "words": "Partly.",
            "note": "",
            "id": "cr1",
            "record": None,
        }
    ]


def test_the_person_cared_for_gets_their_carers_and_only_what_was_shared() -> None:
    """Roles as the person cared for, and shared conversations with the carer's name. A
    conversation the carer did not share is left out even if handed to the export."""
    carer = _carer_file()
    file = des_file()
    file.carers = [replace(role, stamp=None) for role in carer.as_carer.roles]
    file.shared_by_carers = [
        SharedConversation("carer", "Bernie Kelly", contact, carer.conversations[contact.id])
        for contact in carer.contacts
    ]
    data = export_person(file, [], now=NOW)
    (role,) = data["carers"]
    assert (role["id"], role["carer_id"], role["named_as_id"]) == ("role1", "carer", "w1")
    assert "cared_for_id" not in role
    (shared,) = data["shared_by_carers"]
    assert (shared["carer_id"], shared["carer_name"]) == ("carer", "Bernie Kelly")
    assert shared["contact"]["id"] == "cc2"
    assert shared["contact"]["private_to_carer"] is False
    assert shared["contact"]["conversation"]["carer_what_would_help"]["text"] == SHARED
    assert PRIVATE not in json.dumps(data, ensure_ascii=False)


def test_the_example_carers_private_words_never_reach_the_people_she_cares_for() -> None:
    """Bernie's conversation is in her own export, marked private; neither Peggy's nor
    Eileen's export holds a word of it."""
    files = {f.person.id: f for f in example.example_caseload(NOW.date())}
    bernie = files[example.example_id("bernie")]
    (contact,) = bernie.contacts
    words = [entry.text for entry in bernie.conversations[contact.id].entries.values()]

    def text(person: str) -> str:
        return json.dumps(export_person(files[example.example_id(person)], [], now=NOW))

    own = json.loads(text("bernie"))
    (exported_contact,) = own["contacts"]
    assert exported_contact["private_to_carer"] is True
    assert [r["cared_for_id"] for r in own["as_carer"]["cares_for"]] == [
        example.example_id("eileen"),
        example.example_id("peggy"),
    ]
    for person in ("peggy", "eileen"):
        exported_text = text(person)
        assert json.loads(exported_text)["shared_by_carers"] == []
        for said in words:
            assert json.dumps(said) in text("bernie")
            assert json.dumps(said) not in exported_text
