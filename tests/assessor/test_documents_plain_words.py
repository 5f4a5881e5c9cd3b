"""Plain English: the documents' own wording uses none of the service words listed in
resources/plain_words.tsv.

Each document is built for probe records whose every free-text field holds one neutral
placeholder word, between them choosing every option of every choice a document prints, so
every other word on the page comes from the templates and the domain's labels.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from assessor.carers import CarerPlan, CarerReview, CaringRole, Supported
from assessor.documents import DocumentKind, PrintContext, build
from assessor.documents.formats import LARGE, STANDARD
from assessor.documents.plain_words import plain_words, service_words_in
from assessor.example import nhs_number_in_test_range
from assessor.goals import Goal, Review
from assessor.person_file import AsCarer, PersonFile
from assessor.progression import PlanReview, PlanStep, ProgressionPlan
from assessor.prompts import TOPICS
from assessor.record import (
    ConsentHow,
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
    Route,
)
from assessor.team import Team
from assessor.validation import format_date_in_full
from tests.assessor.documents_helpers import TODAY, text_of

WORD = "Placeholder"
VARIANTS = max(len(choice) for choice in (Route, InformationFormat, ContactPreference, Place))


def nth(choices: type, number: int) -> object:
    members = list(choices)  # type: ignore[call-overload]
    return members[number % len(members)]


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def probe(number: int) -> PersonFile:
    """A record with something in every field, the choices being the number-th of each."""
    person_id = f"probe-{number}"
    person = Person(
        preferred_name=WORD,
        presenting_problem=WORD,
        first_names=WORD,
        family_name=WORD,
        other_names=WORD,
        date_of_birth=date(1950, 1, 1),
        nhs_number=nhs_number_in_test_range(number),
        address=WORD,
        postcode="LS6 1AB",
        phone="0113 496 0000",
        email="placeholder@example.org",
        contact_preference=nth(ContactPreference, number),  # type: ignore[arg-type]
        communication_needs=WORD,
        information_format=nth(InformationFormat, number),  # type: ignore[arg-type]
        interpreter_language=WORD,
        consent_to_record=number % 2 == 0,
        consent_to_share=number % 2 == 1,
        share_with=WORD,
        consent_date=ago(30),
        consent_how=nth(ConsentHow, number),  # type: ignore[arg-type]
        route=nth(Route, number),  # type: ignore[arg-type]
        route_detail=WORD,
        people_who_matter=[
            PersonWhoMatters(WORD, relationship, "", "0113 496 0000", is_carer=True)
            for relationship in Relationship
        ],
        id=person_id,
    )
    kinds = list(ConversationKind)
    newest_kind = kinds[number % len(kinds)]
    contacts = [
        Contact(
            person_id,
            ago(days),
            place=nth(Place, number),  # type: ignore[arg-type]
            kind=kind,
            worker=WORD,
            followed=frozenset(Followed),
            id=f"{person_id}-{kind.value}",
        )
        for days, kind in enumerate([newest_kind, *(k for k in kinds if k is not newest_kind)])
    ]
    conversations = {
        contact.id: Conversation(
            contact.id,
            {topic.code: Entry(WORD, own_words=n % 2 == 0) for n, topic in enumerate(TOPICS)},
        )
        for contact in contacts
    }
    # One goal for each way a goal can be going (see assessor.goals.status).
    ratings = [[], [-1], [-2, -2], [-1, -2], [0], [-1]]
    targets = [ago(-10)] * 5 + [ago(25)]  # the last reviewed after its target: not achieved
    goals = [
        Goal(person_id, WORD, ago(60), target_date=target, baseline=-2, id=f"goal-{n}")
        for n, target in enumerate(targets)
    ]
    reviews = {
        goal.id: [
            Review(goal.id, rating, ago(20 - day), self_rating=5)
            for day, rating in enumerate(rates)
        ]
        for goal, rates in zip(goals, ratings, strict=True)
    }
    plan = ProgressionPlan(
        person_id,
        ago(30),
        ago(-200),
        2,
        4,
        steps=[PlanStep(WORD, ago(5), ago(6)), PlanStep(WORD, ago(-20)), PlanStep(WORD)],
        id="plan",
    )
    return PersonFile(
        person,
        contacts,
        conversations,
        goals=goals,
        reviews=reviews,
        plans=[plan],
        plan_reviews={plan.id: [PlanReview(plan.id, ago(3), 1 + number % 6, WORD)]},
        carers=[CaringRole("carer", person_id, WORD, 10)],
        as_carer=AsCarer(
            roles=[CaringRole(person_id, "cared-for", WORD, 10, ago(400), number % 2 == 0)],
            plans=[CarerPlan(person_id, ago(20), WORD, WORD, WORD, ago(-5 + 10 * (number % 2)))],
            reviews=[CarerReview(person_id, ago(2), nth(Supported, number), WORD)],  # type: ignore[arg-type]
        ),
    )


CONTEXT = PrintContext(
    TODAY,
    WORD,
    Team(WORD, "0113 496 0000", "placeholder@example.org"),
    {"carer": WORD, "cared-for": WORD},
)


def test_the_plain_words_list_pairs_twenty_and_more_service_words() -> None:
    words = plain_words()
    assert len(words) >= 20
    assert words["service user"] == "person"
    assert words["referral"] == "introduction"
    assert words["domiciliary care"] == "help at home"


def test_service_words_are_found_whole_in_any_case_and_across_lines() -> None:
    found = service_words_in("Her Care\nPackage and two REFERRALS; clients, not a clientele.")
    assert found == ["Care Package", "REFERRALS", "clients"]
    assert service_words_in("The person’s own plan, and the help they asked for.") == []


@pytest.mark.parametrize("number", range(VARIANTS))
def test_the_documents_own_words_are_plain(number: int) -> None:
    file = probe(number)
    for kind in DocumentKind:
        text = text_of(build(kind, file, CONTEXT, LARGE if number == 0 else STANDARD))
        assert WORD in text
        assert service_words_in(text) == [], kind


def test_the_probe_prints_what_it_is_meant_to() -> None:
    """So the test above reads the labels and sections it means to check."""
    record = text_of(build(DocumentKind.RECORD, probe(1), CONTEXT, STANDARD))
    assert "Pointed to other help" in record
    assert "A fuller conversation about care and support" in record
    assert "If they could not care: what would happen" in text_of(
        build(DocumentKind.RECORD, probe(3), CONTEXT, STANDARD)
    )
    plan = text_of(build(DocumentKind.MY_PLAN, probe(0), CONTEXT, STANDARD))
    for status in ("In progress", "Improving", "No change", "Worse", "Achieved", "Not achieved"):
        assert f"How it is going: {status}." in plan
    assert "My progression plan" in plan and "Who have I been introduced to?" in plan


def test_dates_are_written_out_in_full() -> None:
    assert format_date_in_full(date(2026, 11, 23)) == "23 November 2026"
    assert format_date_in_full(date(2027, 1, 5)) == "5 January 2027"
