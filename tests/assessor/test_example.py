"""The fictional caseload people try the app with: safe to show, valid and loadable twice."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from assessor import example
from assessor.example import example_caseload, example_id
from assessor.prompts import TOPIC_CODES, TOPICS
from assessor.search import Findable, PeopleIndex, possible_duplicates
from assessor.validation import (
    nhs_check_digit,
    normalise_email,
    normalise_nhs_number,
    normalise_phone,
    normalise_postcode,
    parse_date_of_birth,
)
from tests.assessor.example_helpers import TODAY


def test_seven_people_with_distinct_names() -> None:
    """The demonstration caseload has seven different people."""
    files = example_caseload(TODAY)
    assert len(files) == 7
    assert len({f.person.display_name for f in files}) == 7


def test_nhs_numbers_are_valid_and_from_the_test_range() -> None:
    """No real NHS number can appear: every one starts 999 and passes modulus 11."""
    numbers = [f.person.nhs_number for f in example_caseload(TODAY) if f.person.nhs_number]
    assert numbers, "some example people should have NHS numbers"
    assert len(set(numbers)) == len(numbers)
    for number in numbers:
        assert number.startswith("999")
        assert normalise_nhs_number(number) == number


def test_test_nhs_number_skips_serials_with_no_valid_check_digit() -> None:
    """A serial whose check digit would be 10 moves on to the next usable one."""
    assert nhs_check_digit("999000014") is None
    assert example.nhs_number_in_test_range(14) == "9990000158"
    assert normalise_nhs_number(example.nhs_number_in_test_range(14)) == "9990000158"


def test_ids_are_fixed_so_loading_twice_adds_nothing() -> None:
    """Ids do not depend on the day or the call, so the store can skip people already there."""
    first = example_caseload(TODAY)
    second = example_caseload(date(2027, 5, 1))
    assert [f.person.id for f in first] == [f.person.id for f in second]
    assert [[c.id for c in f.contacts] for f in first] == [
        [c.id for c in f.contacts] for f in second
    ]
    assert first[0].person.id == example_id("peggy")


def test_ids_are_uuids_and_unique() -> None:
    """Example ids are UUIDs like every other id in the store."""
    files = example_caseload(TODAY)
    all_ids = (
        [f.person.id for f in files]
        + [c.id for f in files for c in f.contacts]
        + [g.id for f in files for g in f.goals]
        + [r.id for f in files for reviews in f.reviews.values() for r in reviews]
        + [e.id for f in files for e in f.episodes]
        + [r.id for f in files for reviews in f.episode_reviews.values() for r in reviews]
        + [p.id for f in files for p in f.plans]
        + [r.id for f in files for reviews in f.plan_reviews.values() for r in reviews]
        + [w.id for f in files for w in f.person.people_who_matter if w.id]
        + [r.id for f in files for r in f.as_carer.roles]
        + [o.id for f in files for o in f.as_carer.offers]
        + [p.id for f in files for p in f.as_carer.plans]
        + [r.id for f in files for r in f.as_carer.reviews]
    )
    assert len(set(all_ids)) == len(all_ids)
    for value in all_ids:
        assert str(uuid.UUID(value)) == value


def test_each_conversation_belongs_to_its_contact_and_person() -> None:
    """Contacts point at their person and every conversation at a contact in the same file."""
    for file in example_caseload(TODAY):
        contact_ids = {c.id for c in file.contacts}
        assert all(c.person_id == file.person.id for c in file.contacts)
        assert set(file.conversations) == contact_ids
        assert all(conv.contact_id == key for key, conv in file.conversations.items())


def test_every_entry_topic_is_a_known_topic_for_its_kind_of_conversation() -> None:
    """Page two only holds topics the app knows, and only those shown for that conversation."""
    by_code = {topic.code: topic for topic in TOPICS}
    entries = 0
    for file in example_caseload(TODAY):
        for contact in file.contacts:
            for topic in file.conversations[contact.id].entries:
                entries += 1
                assert topic in TOPIC_CODES
                assert by_code[topic].applies_to(contact.kind), (topic, contact.kind)
    assert entries > 10


def test_contact_dates_follow_today() -> None:
    """Dates are relative to the day it is loaded, so the timeline always looks recent."""
    for today in (TODAY, date(2030, 2, 1)):
        days = [c.on for f in example_caseload(today) for c in f.contacts]
        assert all(today - day <= timedelta(days=60) for day in days)
        assert all(day <= today for day in days)
        assert today - timedelta(days=1) in days


def test_page_one_details_pass_the_checks_a_worker_would_face() -> None:
    """Example data is what the forms would accept: postcodes, birthdays, phones, emails."""
    for file in example_caseload(TODAY):
        person = file.person
        assert person.preferred_name
        assert person.presenting_problem
        if person.postcode:
            assert normalise_postcode(person.postcode) == person.postcode
        if person.date_of_birth:
            assert parse_date_of_birth(person.date_of_birth.isoformat(), TODAY)
        if person.phone:
            normalise_phone(person.phone)
        if person.email:
            assert person.email.endswith("@example.org")
            normalise_email(person.email)


def test_the_example_people_are_not_duplicates_of_each_other() -> None:
    """Loading the example caseload raises no duplicate warnings among its own people."""
    people = [
        Findable(
            id=f.person.id,
            preferred_name=f.person.preferred_name,
            first_names=f.person.first_names,
            family_name=f.person.family_name,
            nhs_number=f.person.nhs_number,
            date_of_birth=f.person.date_of_birth,
        )
        for f in example_caseload(TODAY)
    ]
    index = PeopleIndex(people)
    for person in people:
        assert possible_duplicates(index, person) == []
