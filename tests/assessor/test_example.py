"""The fictional caseload people try the app with: safe to show, valid and loadable twice."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from itertools import pairwise

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
from assessor.goals import GoalKind, GoalStatus, Reviewer, due_for_review, status
from assessor.person_file import PersonFile
from assessor.progression import LADDER, planned_level
from assessor.prompts import TOPIC_CODES, TOPICS, topics_for
from assessor.record import ConversationKind
from assessor.search import Findable, PeopleIndex, possible_duplicates
from assessor.short_term import HelpKind, HelpOutcome, outcomes_due, within_48_hours
from assessor.validation import (
    nhs_check_digit,
    normalise_email,
    normalise_nhs_number,
    normalise_phone,
    normalise_postcode,
    parse_date_of_birth,
)

TODAY = date(2026, 11, 23)


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


# --- goals and their reviews ------------------------------------------------------------------


def _by_name(today: date = TODAY) -> dict[str, PersonFile]:
    return {f.person.preferred_name: f for f in example_caseload(today)}


def test_goal_and_review_ids_are_fixed() -> None:
    """Loading on another day gives the same goal and review ids, so nothing is added twice."""

    def ids(today: date) -> list[list[str]]:
        return [
            [g.id for g in f.goals] + [r.id for g in f.goals for r in f.reviews[g.id]]
            for f in example_caseload(today)
        ]

    assert ids(TODAY) == ids(date(2027, 5, 1))
    assert _by_name()["Peggy"].goals[0].id == example_id("peggy-goal-stairs")


def test_goals_and_reviews_belong_to_their_person_and_goal() -> None:
    """Goals point at their person; reviews are keyed by, and point at, a goal in the file."""
    for file in example_caseload(TODAY):
        goal_ids = [g.id for g in file.goals]
        assert all(g.person_id == file.person.id for g in file.goals)
        assert set(file.reviews) == set(goal_ids)
        for goal_id, reviews in file.reviews.items():
            assert all(r.goal_id == goal_id for r in reviews)


def test_goals_and_reviews_pass_the_checks_the_store_makes() -> None:
    """Every goal and review would be accepted from a worker's form."""
    checked = 0
    for file in example_caseload(TODAY):
        for goal in file.goals:
            goal.check()
            for review in file.reviews[goal.id]:
                review.check()
                checked += 1
    assert checked >= 15


def test_reviews_are_oldest_first_between_the_goal_being_set_and_today() -> None:
    for today in (TODAY, date(2030, 2, 1)):
        for file in example_caseload(today):
            for goal in file.goals:
                days = [r.on for r in file.reviews[goal.id]]
                assert days == sorted(days)
                assert all(goal.set_on <= day <= today for day in days)
                assert goal.set_on <= today


def test_peggy_has_three_goals_reviewed_by_everyone_involved() -> None:
    """Peggy's goals show a review history: several reviews each, from the OT, her carers,
    her worker and Peggy herself, with her own scores, rising from where she started."""
    peggy = _by_name()["Peggy"]
    assert len(peggy.goals) == 3
    assert peggy.goals[0].words == "Get up and down my stairs without being frightened."
    assert {g.kind for g in peggy.goals} >= {GoalKind.REABLEMENT, GoalKind.OWN}
    reviews = [r for g in peggy.goals for r in peggy.reviews[g.id]]
    assert {r.reviewer for r in reviews} == set(Reviewer)
    assert all(4 <= len(peggy.reviews[g.id]) <= 6 for g in peggy.goals)
    own_scores = [r.self_rating for r in reviews if r.self_rating is not None]
    assert own_scores and all(1 <= score <= 10 for score in own_scores)
    assert all(r.note for r in reviews)
    for goal in peggy.goals:
        ratings = [r.rating for r in peggy.reviews[goal.id]]
        assert ratings == sorted(ratings), goal.words
        assert ratings[-1] > goal.baseline, goal.words


def _states(file: PersonFile, today: date) -> list[tuple[GoalStatus, str | None]]:
    return [
        (status(g, file.reviews[g.id]), due_for_review(g, file.reviews[g.id], today))
        for g in file.goals
    ]


def test_example_goals_show_each_state_on_any_day() -> None:
    """Whatever day it is loaded, Peggy has an achieved goal and none due; Des's goal is near
    its target date and Eileen's has waited five weeks unreviewed, so both are due."""
    for today in (TODAY, date(2030, 2, 1)):
        people = _by_name(today)
        assert _states(people["Peggy"], today) == [
            (GoalStatus.ACHIEVED, None),
            (GoalStatus.IMPROVING, None),
            (GoalStatus.NO_CHANGE, None),
        ]
        (des_spell, (des_status, des_due)) = _states(people["Des"], today)
        assert des_spell == (GoalStatus.ACHIEVED, None)
        assert des_status is GoalStatus.IMPROVING
        assert des_due is not None and des_due.endswith("is near")
        assert len(people["Des"].reviews[people["Des"].goals[1].id]) == 2
        ((eileen_status, eileen_due),) = _states(people["Eileen"], today)
        assert eileen_status is GoalStatus.IN_PROGRESS
        assert eileen_due is not None and eileen_due.startswith("Set 5 weeks ago")


def test_only_peggy_des_eileen_and_bernie_have_goals() -> None:
    assert {name for name, f in _by_name().items() if f.goals} == {
        "Peggy",
        "Des",
        "Eileen",
        "Bernie",
    }


# --- short-term help and progression plans ----------------------------------------------------

DAYS = (TODAY, date(2027, 3, 31), date(2028, 2, 29), date(2030, 2, 1))


def test_only_des_has_short_term_help_and_only_tomek_a_progression_plan() -> None:
    people = _by_name()
    assert {name for name, f in people.items() if f.episodes} == {"Des"}
    assert {name for name, f in people.items() if f.plans} == {"Tomek"}
    for file in people.values():
        assert set(file.episode_reviews) == {e.id for e in file.episodes}
        assert set(file.plan_reviews) == {p.id for p in file.plans}
        assert all(e.person_id == file.person.id for e in file.episodes)
        assert all(p.person_id == file.person.id for p in file.plans)


def test_episode_and_plan_ids_are_fixed() -> None:
    """Loading on another day gives the same ids, so nothing is added twice."""

    def ids(today: date) -> list[str]:
        return [
            item.id
            for f in example_caseload(today)
            for item in [
                *f.episodes,
                *(r for reviews in f.episode_reviews.values() for r in reviews),
                *f.plans,
                *(r for reviews in f.plan_reviews.values() for r in reviews),
            ]
        ]

    assert ids(TODAY) == ids(date(2030, 2, 1))
    assert _by_name()["Des"].episodes[0].id == example_id("des-episode")
    assert _by_name()["Tomek"].plans[0].id == example_id("tomek-plan")


def test_des_had_reablement_arriving_within_48_hours_with_both_outcomes_on_time() -> None:
    """A finished spell: help arrived within 48 hours, and the two- and six-week outcomes were
    recorded on the days they fell due, both already past, so nothing of it is due."""
    for today in DAYS:
        des = _by_name(today)["Des"]
        (episode,) = des.episodes
        assert episode.kind is HelpKind.REABLEMENT
        assert episode.provider == "Fernley Reablement Team"
        assert episode.first_help_at is not None
        assert episode.asked_at < episode.first_help_at
        assert within_48_hours(episode) is True
        assert episode.outcome(2) == (HelpOutcome.REDUCED_SUPPORT, episode.due_on(2), "")
        assert episode.outcome(6) == (HelpOutcome.NO_FURTHER_HELP, episode.due_on(6), "")
        assert episode.due_on(6) < today
        assert timedelta(weeks=6) < today - episode.asked_at.date() <= timedelta(weeks=8)
        assert outcomes_due(des.episodes, today) == []
        episode.check()


def test_des_was_reviewed_weekly_by_his_ot_against_his_reablement_goal() -> None:
    for today in DAYS:
        des = _by_name(today)["Des"]
        (episode,) = des.episodes
        reviews = des.episode_reviews[episode.id]
        spell_goal = next(g for g in des.goals if g.id == example_id("des-goal-spell"))
        assert spell_goal.kind is GoalKind.REABLEMENT
        assert spell_goal.set_on <= episode.asked_at.date()
        assert len(reviews) >= 4
        assert {r.reviewer for r in reviews} == {Reviewer.OT}
        assert all(r.goal_ids == [spell_goal.id] for r in reviews)
        assert all(r.note for r in reviews)
        assert all(r.episode_id == episode.id for r in reviews)
        days = [r.on for r in reviews]
        assert {(later - earlier).days for earlier, later in pairwise(days)} == {7}
        assert episode.started_on() < days[0] and days[-1] <= episode.due_on(6) < today


def test_tomek_is_part_way_through_a_nine_month_plan_from_step_2_to_4() -> None:
    for today in DAYS:
        tomek = _by_name(today)["Tomek"]
        (plan,) = tomek.plans
        plan.check()
        assert (plan.start_level, plan.target_level) == (2, 4)
        assert timedelta(days=80) <= today - plan.starts_on <= timedelta(days=100)
        assert 8.5 <= (plan.ends_on - plan.starts_on).days / 30.44 <= 9.5
        assert plan.starts_on < today < plan.ends_on
        assert 2 < planned_level(plan, today) < 4
        assert plan.goal_ids == [g.id for g in tomek.goals]


def test_tomeks_steps_are_in_his_words_and_some_are_done() -> None:
    for today in DAYS:
        (plan,) = _by_name(today)["Tomek"].plans
        assert 2 <= len(plan.steps) <= 3
        done = [step for step in plan.steps if step.done_on is not None]
        assert 1 <= len(done) < len(plan.steps)
        for step in plan.steps:
            assert step.words.strip()
            assert step.due_on is not None and plan.starts_on < step.due_on <= plan.ends_on
            if step.done_on is not None:
                assert plan.starts_on < step.done_on <= today


def test_tomeks_reviews_show_him_moving_up_the_ladder() -> None:
    for today in DAYS:
        tomek = _by_name(today)["Tomek"]
        (plan,) = tomek.plans
        reviews = tomek.plan_reviews[plan.id]
        assert 2 <= len(reviews) <= 3
        for review in reviews:
            review.check(plan)
            assert review.note and review.plan_id == plan.id
            assert plan.starts_on <= review.on <= today
        assert [r.on for r in reviews] == sorted(r.on for r in reviews)
        levels = [r.level for r in reviews]
        assert levels == sorted(levels)
        assert levels[0] == plan.start_level < levels[-1] < plan.target_level
        assert all(level in LADDER for level in levels)


# --- a carer caring for two people ------------------------------------------------------------


def test_only_bernie_is_a_carer_and_her_roles_come_from_her_own_file() -> None:
    """Store.add_files writes roles from the carer's file, so the cared-for files hold none."""
    people = _by_name()
    assert {name for name, f in people.items() if f.as_carer.roles} == {"Bernie"}
    assert all(not f.carers and not f.shared_by_carers for f in people.values())
    assert {
        name
        for name, f in people.items()
        if f.as_carer.offers or f.as_carer.plans or f.as_carer.reviews
    } == {"Bernie"}


def test_bernie_cares_for_eileen_and_peggy_who_name_her_on_page_one() -> None:
    """Each role points at the page-one entry that named her: a carer, by her own name."""
    people = _by_name()
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
    bernie = _by_name()["Bernie"]
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
        bernie = _by_name(today)["Bernie"]
        assert len(bernie.goals) == 2
        assert {g.kind for g in bernie.goals} == {GoalKind.OWN}
        assert all(len(bernie.reviews[g.id]) == 1 for g in bernie.goals)
        assert _states(bernie, today) == [(GoalStatus.IMPROVING, None)] * 2


def test_bernies_plan_is_due_for_review_within_the_week() -> None:
    for today in DAYS:
        (plan,) = _by_name(today)["Bernie"].as_carer.plans
        plan.check()
        assert plan.what_will_help and plan.breaks and plan.contingency
        assert plan.review_on is not None and today < plan.review_on
        assert review_due(plan, today)


def test_bernie_has_come_to_feel_supported() -> None:
    """Her reviews over time: partly at her conversation, yes since, each in her own words."""
    for today in DAYS:
        bernie = _by_name(today)["Bernie"]
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
    def ids(today: date) -> list[str]:
        return [
            item.id
            for f in example_caseload(today)
            for item in [
                *f.person.people_who_matter,
                *f.as_carer.roles,
                *f.as_carer.offers,
                *f.as_carer.plans,
                *f.as_carer.reviews,
            ]
        ]

    assert ids(TODAY) == ids(date(2030, 2, 1))
    assert example_id("bernie-plan") in ids(TODAY)
