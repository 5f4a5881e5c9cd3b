"""The example caseload's carers: Bernie, who cares for Eileen and Peggy, and Grace."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from assessor import example
from assessor.carers import (
    OfferResponse,
    Supported,
    carers_to_offer,
    feel_supported,
    is_carer_conversation,
    review_due,
    seen_by_cared_for,
)
from assessor.example import example_caseload, example_id
from assessor.goals import GoalKind, GoalStatus
from assessor.person_file import PersonFile
from assessor.prompts import topics_for
from assessor.record import ConversationKind
from tests.assessor.example_helpers import DAYS, TODAY, by_name, goal_states, ids_on


def test_only_bernie_is_a_carer_and_her_roles_come_from_her_own_file() -> None:
    """Store.add_files writes roles from the carer's file, so the cared-for files hold none."""
    people = by_name()
    assert {name for name, f in people.items() if f.as_carer.roles} == {"Bernie"}
    assert all(not f.carers and not f.shared_by_carers for f in people.values())
    assert {
        name
        for name, f in people.items()
        if f.as_carer.offers or f.as_carer.plans or f.as_carer.reviews
    } == {"Bernie"}


def test_bernie_cares_for_eileen_and_peggy_who_name_her_on_page_one() -> None:
    """Each role points at the page-one entry that named her: a carer, by her own name."""
    people = by_name()
    bernie = people["Bernie"]
    assert bernie.person.nhs_number == example.nhs_number_in_test_range(500)
    roles = bernie.as_carer.roles
    assert [r.cared_for_id for r in roles] == [example_id("eileen"), example_id("peggy")]
    for role, name in zip(roles, ("Eileen", "Peggy"), strict=True):
        role.check()
        assert role.carer_id == bernie.person.id
        assert role.what_they_do and role.hours_a_week and role.since is not None
        assert role.since < TODAY and role.live_together is False
        (entry,) = [w for w in people[name].person.people_who_matter if w.id == role.named_as_id]
        assert entry.is_carer and entry.name == bernie.person.display_name
        assert entry.phone == bernie.person.phone
    assert sum(r.hours_a_week or 0 for r in roles) == 19


def test_bernies_conversation_is_her_own_private_and_about_her() -> None:
    """A carer's conversation after the offer she took up, on carer topics only, some in her
    own words, and not shared with the people she cares for."""
    bernie = by_name()["Bernie"]
    (contact,) = bernie.contacts
    assert contact.kind is ConversationKind.CARER and is_carer_conversation(contact)
    assert contact.shared_with_cared_for is False and not seen_by_cared_for(contact)
    entries = bernie.conversations[contact.id].entries
    assert set(entries) == {topic.code for topic in topics_for(ConversationKind.CARER)}
    said = [entry.text for entry in entries.values() if entry.own_words]
    assert len(said) >= 4
    assert "I'd never want her to know that." in entries["carer_feelings"].text
    (offer,) = bernie.as_carer.offers
    assert offer.response is OfferResponse.WANTS_ONE
    assert offer.on < contact.on


def test_bernie_has_two_goals_of_her_own_reviewed_and_not_due() -> None:
    for today in DAYS:
        bernie = by_name(today)["Bernie"]
        assert len(bernie.goals) == 2
        assert {g.kind for g in bernie.goals} == {GoalKind.OWN}
        assert all(len(bernie.reviews[g.id]) == 1 for g in bernie.goals)
        assert goal_states(bernie, today) == [(GoalStatus.IMPROVING, None)] * 2


def test_bernies_plan_is_reviewed_already_though_its_day_is_within_the_week() -> None:
    """She answered "Do you feel supported?" three days ago: that was her plan's review."""
    for today in DAYS:
        bernie = by_name(today)["Bernie"]
        (plan,) = bernie.as_carer.plans
        plan.check()
        assert plan.what_will_help and plan.breaks and plan.contingency
        assert plan.review_on is not None and today < plan.review_on
        assert review_due(plan, today, []) is True
        assert review_due(plan, today, bernie.as_carer.reviews) is False


def test_bernie_has_come_to_feel_supported() -> None:
    """Her reviews over time: partly at her conversation, yes since, each in her own words."""
    for today in DAYS:
        bernie = by_name(today)["Bernie"]
        reviews = bernie.as_carer.reviews
        assert [r.supported for r in reviews] == [Supported.PARTLY, Supported.YES]
        assert [r.on for r in reviews] == sorted(r.on for r in reviews)
        assert reviews[0].on == bernie.contacts[0].on
        for review in reviews:
            review.check(today)
            assert review.words and review.carer_id == bernie.person.id
        count = feel_supported(reviews, today - timedelta(days=30), today)
        assert (count.yes, count.partly, count.no, count.percent_yes) == (1, 0, 0, 100)


def test_grace_is_the_carer_still_to_be_offered_a_conversation() -> None:
    """Bernie has been offered one; Grace, named as Peggy's carer, has no record yet."""
    files = example_caseload(TODAY)
    (grace,) = carers_to_offer(
        [(f.person.id, who) for f in files for who in f.person.people_who_matter],
        [role for f in files for role in f.as_carer.roles],
        {f.person.id: f.person.display_name for f in files},
        {offer.carer_id for f in files for offer in f.as_carer.offers},
    )
    assert (grace.name, grace.cared_for_ids, grace.carer_id) == (
        "Grace Okafor",
        (example_id("peggy"),),
        "",
    )


def test_carer_ids_are_fixed() -> None:
    def parts(f: PersonFile) -> list[Any]:
        return [
            *f.person.people_who_matter,
            *f.as_carer.roles,
            *f.as_carer.offers,
            *f.as_carer.plans,
            *f.as_carer.reviews,
        ]

    assert ids_on(TODAY, parts) == ids_on(date(2030, 2, 1), parts)
    assert example_id("bernie-plan") in ids_on(TODAY, parts)
