"""Carers as people in their own right: the checks, who is still to be offered a conversation,
when a carer's review is due, how many feel supported, and what a cared-for person may see."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from assessor.carers import (
    HOURS_IN_A_WEEK,
    CarerPlan,
    CarerReview,
    CarerToOffer,
    CaringRole,
    OfferResponse,
    Supported,
    carers_to_offer,
    feel_supported,
    is_carer_conversation,
    review_due,
    seen_by_cared_for,
)
from assessor.prompts import topics_for
from assessor.record import Contact, ConversationKind, PersonWhoMatters
from assessor.validation import InvalidInput

TODAY = date(2026, 11, 23)
CARER_TOPICS = {
    "carer_time",
    "carer_feelings",
    "carer_practical",
    "carer_health",
    "carer_work_money",
    "carer_life",
    "carer_what_would_help",
    "carer_going_on",
    "carer_emergency",
}


# --- checks -----------------------------------------------------------------------------------


def test_no_one_is_their_own_carer() -> None:
    with pytest.raises(InvalidInput, match="cannot be recorded as their own carer"):
        CaringRole("p1", "p1").check()


@pytest.mark.parametrize("hours", [-1, HOURS_IN_A_WEEK + 1, 1000])
def test_hours_a_week_outside_a_week_are_refused(hours: int) -> None:
    with pytest.raises(InvalidInput, match=f"between 0 and 168; {hours} is not"):
        CaringRole("carer", "p1", hours_a_week=hours).check()


@pytest.mark.parametrize("hours", [None, 0, 35, HOURS_IN_A_WEEK])
def test_hours_from_none_to_every_hour_of_the_week_are_accepted(hours: int | None) -> None:
    CaringRole("carer", "p1", hours_a_week=hours).check()


def test_a_carers_plan_cannot_be_reviewed_before_it_was_made() -> None:
    plan = CarerPlan("carer", TODAY, review_on=TODAY - timedelta(days=1))
    with pytest.raises(InvalidInput) as refused:
        plan.check()
    assert str(refused.value) == (
        "The review on 22 Nov 2026 would come before the plan was made (23 Nov 2026)."
    )


@pytest.mark.parametrize("review_on", [None, TODAY, TODAY + timedelta(weeks=6)])
def test_a_carers_plan_reviewed_on_or_after_the_day_it_was_made_is_accepted(
    review_on: date | None,
) -> None:
    CarerPlan("carer", TODAY, review_on=review_on).check()


def test_a_carers_review_cannot_be_for_a_day_still_to_come() -> None:
    review = CarerReview("carer", TODAY + timedelta(days=1), Supported.YES)
    with pytest.raises(InvalidInput, match="a day still to come \\(24 Nov 2026\\)"):
        review.check(TODAY)
    CarerReview("carer", TODAY, Supported.NO).check(TODAY)
    review.check()  # without a today, nothing to compare with


def test_choices_read_as_the_worker_would_say_them() -> None:
    assert ConversationKind.CARER.label == "Carer’s conversation"
    assert [s.label for s in Supported] == ["Yes", "Partly", "No"]
    assert OfferResponse.NOT_NOW.label == "Not now, perhaps later"


# --- carers still to be offered a conversation ------------------------------------------------


def _named(name: str, who_id: str, is_carer: bool = True) -> PersonWhoMatters:
    return PersonWhoMatters(name, is_carer=is_carer, id=who_id)


def test_a_carer_of_two_people_is_listed_once_with_both() -> None:
    roles = [
        CaringRole("bernie", "eileen", named_as_id="w-eileen"),
        CaringRole("bernie", "peggy", named_as_id="w-peggy"),
    ]
    named = [("eileen", _named("Bernie Kelly", "w-eileen")), ("peggy", _named("Bernie", "w-peggy"))]
    assert carers_to_offer(named, roles, {"bernie": "Bernie Kelly"}, set()) == [
        CarerToOffer("Bernie Kelly", ("eileen", "peggy"), carer_id="bernie")
    ]


def test_a_carer_offered_a_conversation_is_no_longer_listed() -> None:
    roles = [CaringRole("bernie", "eileen", named_as_id="w1")]
    named = [("eileen", _named("Bernie Kelly", "w1"))]
    assert carers_to_offer(named, roles, {"bernie": "Bernie Kelly"}, {"bernie"}) == []


def test_carers_named_on_page_one_without_a_record_are_listed_by_where_they_were_named() -> None:
    """Only entries marked as carers, and only those no role links to yet."""
    named = [
        ("peggy", _named("Grace Okafor", "w-grace")),
        ("peggy", _named("Len Pickering", "w-len", is_carer=False)),
        ("peggy", _named("Bernie Kelly", "w-bernie")),
    ]
    roles = [CaringRole("bernie", "peggy", named_as_id="w-bernie")]
    assert carers_to_offer(named, roles, {"bernie": "Bernie Kelly"}, {"bernie"}) == [
        CarerToOffer("Grace Okafor", ("peggy",), named_as_id="w-grace")
    ]


def test_one_person_with_two_carers_and_the_list_is_by_name() -> None:
    roles = [CaringRole("zak", "win"), CaringRole("ade", "win")]
    named = [("win", _named("colin ashby", "w-colin"))]
    found = carers_to_offer(named, roles, {"zak": "Zak Mills", "ade": "Ade Cole"}, set())
    assert [(c.name, c.cared_for_ids, c.carer_id) for c in found] == [
        ("Ade Cole", ("win",), "ade"),
        ("colin ashby", ("win",), ""),
        ("Zak Mills", ("win",), "zak"),
    ]


def test_no_carers_means_no_one_to_offer() -> None:
    assert carers_to_offer([], [], {}, set()) == []


# --- when a carer's review is due -------------------------------------------------------------


@pytest.mark.parametrize(
    ("days_ahead", "due"), [(8, False), (7, True), (1, True), (0, True), (-10, True)]
)
def test_a_carers_review_is_due_from_a_week_before_its_day(days_ahead: int, due: bool) -> None:
    plan = CarerPlan("carer", TODAY - timedelta(weeks=4), review_on=TODAY + timedelta(days_ahead))
    assert review_due(plan, TODAY, []) is due


def test_a_plan_with_no_review_day_is_never_due() -> None:
    assert review_due(CarerPlan("carer", TODAY), TODAY + timedelta(weeks=52), []) is False


@pytest.mark.parametrize(
    ("reviewed_days_ago", "due"),
    [(None, True), (3, False), (0, False), (10, False), (40, True), (60, True)],
)
def test_a_review_held_a_little_early_is_the_plans_review(
    reviewed_days_ago: int | None, due: bool
) -> None:
    """Bernie's case: the plan is reviewed in five days and she answered three days ago. A
    review on the day the plan was made (60 days ago) is what it was made from, and one more
    than four weeks before the planned day is an earlier review, not this one."""
    plan = CarerPlan("carer", TODAY - timedelta(days=60), review_on=TODAY + timedelta(days=5))
    reviews = [] if reviewed_days_ago is None else [_review(reviewed_days_ago)]
    assert review_due(plan, TODAY, reviews) is due


def test_only_the_carers_own_reviews_count_for_their_plan() -> None:
    plan = CarerPlan("carer", TODAY - timedelta(days=60), review_on=TODAY + timedelta(days=5))
    someone_else = CarerReview("another carer", TODAY - timedelta(days=3), Supported.YES)
    assert review_due(plan, TODAY, [someone_else]) is True


def _review(days_ago: int) -> CarerReview:
    return CarerReview("carer", TODAY - timedelta(days=days_ago), Supported.PARTLY)


# --- carers who feel supported ----------------------------------------------------------------

START, END = date(2026, 10, 1), date(2026, 12, 31)


def test_each_carer_counts_once_by_their_latest_answer_in_the_period() -> None:
    reviews = [
        CarerReview("bernie", date(2026, 10, 5), Supported.PARTLY),
        CarerReview("bernie", date(2026, 11, 20), Supported.YES),
        CarerReview("ray", date(2026, 11, 1), Supported.NO),
        CarerReview("ray", date(2027, 1, 2), Supported.YES),  # after the period
        CarerReview("dot", date(2026, 9, 30), Supported.YES),  # before it
        CarerReview("dot", date(2026, 10, 1), Supported.PARTLY),
    ]
    count = feel_supported(reviews, START, END)
    assert (count.yes, count.partly, count.no, count.asked) == (1, 1, 1, 3)
    assert count.percent_yes == pytest.approx(100 / 3)


def test_the_later_of_two_answers_on_one_day_counts() -> None:
    same_day = date(2026, 11, 2)
    reviews = [
        CarerReview("bernie", same_day, Supported.NO),
        CarerReview("bernie", same_day, Supported.YES),
    ]
    assert feel_supported(reviews, START, END).yes == 1


def test_all_carers_supported_is_a_hundred_percent_and_none_asked_is_no_figure() -> None:
    both = [
        CarerReview("bernie", date(2026, 11, 2), Supported.YES),
        CarerReview("ray", date(2026, 12, 31), Supported.YES),
    ]
    assert feel_supported(both, START, END).percent_yes == 100
    nobody = feel_supported(both, date(2025, 1, 1), date(2025, 12, 31))
    assert (nobody.asked, nobody.percent_yes) == (0, None)


# --- what the person cared for may see --------------------------------------------------------


def _contact(kind: ConversationKind | None, shared: bool) -> Contact:
    return Contact("carer", TODAY, kind=kind, shared_with_cared_for=shared)


def test_a_carers_conversation_is_seen_by_the_person_cared_for_only_when_shared() -> None:
    assert seen_by_cared_for(_contact(ConversationKind.CARER, shared=True)) is True
    assert seen_by_cared_for(_contact(ConversationKind.CARER, shared=False)) is False


@pytest.mark.parametrize(
    "kind", [ConversationKind.CONNECT, ConversationKind.AT_RISK, ConversationKind.LONG_TERM, None]
)
def test_no_other_contact_of_a_carer_is_seen_even_if_marked_shared(
    kind: ConversationKind | None,
) -> None:
    contact = _contact(kind, shared=True)
    assert is_carer_conversation(contact) is False
    assert seen_by_cared_for(contact) is False


def test_a_new_contact_is_not_shared() -> None:
    assert Contact("carer", TODAY, kind=ConversationKind.CARER).shared_with_cared_for is False


# --- the carer's topics on page two -----------------------------------------------------------


def test_a_carers_conversation_has_exactly_the_carer_topics() -> None:
    assert {topic.code for topic in topics_for(ConversationKind.CARER)} == CARER_TOPICS


@pytest.mark.parametrize(
    "kind", [ConversationKind.CONNECT, ConversationKind.AT_RISK, ConversationKind.LONG_TERM, None]
)
def test_the_three_conversations_have_none_of_the_carer_topics(
    kind: ConversationKind | None,
) -> None:
    codes = {topic.code for topic in topics_for(kind)}
    assert codes and not codes & CARER_TOPICS
    assert "what_matters" in codes
