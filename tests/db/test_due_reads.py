"""What the due list reads of the whole caseload: only each goal's latest review and the
short-term help still waiting for an outcome, giving the same due list as every goal with
every review and every episode."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from assessor.example import example_caseload
from assessor.goals import GoalToDate, Review, goals_due
from assessor.record import Person
from assessor.short_term import Episode, HelpKind, HelpOutcome, outcomes_due
from db.store import Store
from tests.db.store_kit import goal_for
from tests.kit.raw_sql import StoreSQL

TODAY = date(2026, 11, 23)


def every_review_way(store: Store) -> list[GoalToDate]:
    """Each goal as far as its latest review, worked out from every review it has."""
    return [GoalToDate.of(goal, reviews) for goal, reviews in store.all_goals()]


def by_id(goals: list[GoalToDate]) -> list[GoalToDate]:
    return sorted(goals, key=lambda goal: goal.id)


def assert_same_due(store: Store, today: date) -> None:
    latest_only = store.goals_to_date()
    assert by_id(latest_only) == by_id(every_review_way(store))
    assert goals_due(by_id(latest_only), today) == goals_due(by_id(every_review_way(store)), today)
    assert outcomes_due(store.episodes_awaiting_outcome(), today) == outcomes_due(
        store.episodes(), today
    )


@pytest.fixture
def person(store: Store) -> str:
    return store.add_person(Person(preferred_name="Peggy", presenting_problem="Stairs")).id


@pytest.mark.parametrize("weeks_on", [0, 3, 5, 9])
def test_the_example_caseload_gives_the_same_due_list(store: Store, weeks_on: int) -> None:
    """Read weeks after the example caseload was made, as goals and outcomes come due."""
    store.add_files(example_caseload(TODAY))
    today = TODAY + timedelta(weeks=weeks_on)
    assert store.goals_to_date(), "the example caseload has goals"
    assert_same_due(store, today)
    if weeks_on == 5:
        assert goals_due(store.goals_to_date(), today), "some are due by then"


def test_a_goal_never_reviewed_has_no_latest_review(store: Store, person: str) -> None:
    goal = store.add_goal(goal_for(person, set_on=TODAY - timedelta(weeks=6)))
    (held,) = store.goals_to_date()
    assert held == GoalToDate(goal.id, person, goal.words, goal.set_on, None)
    assert [due.reason for due in goals_due([held], TODAY)] == ["Set 6 weeks ago, not reviewed"]
    assert_same_due(store, TODAY)


def test_a_goal_carries_only_its_latest_review(store: Store, person: str) -> None:
    once = store.add_goal(goal_for(person, "Once", set_on=TODAY - timedelta(weeks=9)))
    thrice = store.add_goal(goal_for(person, "Thrice", set_on=TODAY - timedelta(weeks=9)))
    store.add_review(Review(once.id, -1, TODAY - timedelta(weeks=5)))
    for rating, weeks_ago in ((-2, 8), (0, 6), (-1, 4)):
        store.add_review(Review(thrice.id, rating, TODAY - timedelta(weeks=weeks_ago)))
    found = {goal.words: goal for goal in store.goals_to_date()}
    assert (found["Once"].latest_rating, found["Once"].latest_on) == (-1, TODAY - timedelta(5 * 7))
    assert (found["Thrice"].latest_rating, found["Thrice"].latest_on) == (
        -1,
        TODAY - timedelta(weeks=4),
    )
    assert_same_due(store, TODAY)


def test_two_reviews_on_one_day_count_the_one_made_last(store: Store, person: str) -> None:
    goal = store.add_goal(goal_for(person, set_on=TODAY - timedelta(weeks=6)))
    store.add_review(Review(goal.id, -2, TODAY - timedelta(weeks=5)))
    store.add_review(Review(goal.id, 0, TODAY - timedelta(weeks=5)))
    (held,) = store.goals_to_date()
    assert held.latest_rating == 0
    assert goals_due([held], TODAY) == [], "achieved by its later review that day"
    assert_same_due(store, TODAY)


def test_tombstoned_goals_reviews_and_people_are_left_out(
    store: Store, person: str, raw: StoreSQL
) -> None:
    kept = store.add_goal(goal_for(person, "Kept", set_on=TODAY - timedelta(weeks=9)))
    gone = store.add_goal(goal_for(person, "Gone", set_on=TODAY - timedelta(weeks=9)))
    store.add_review(Review(kept.id, -2, TODAY - timedelta(weeks=6)))
    withdrawn = store.add_review(Review(kept.id, 0, TODAY - timedelta(weeks=1)))
    other = store.add_person(Person(preferred_name="Des", presenting_problem="Arm")).id
    store.add_goal(goal_for(other, "Theirs", set_on=TODAY - timedelta(weeks=9)))
    raw.execute("UPDATE goals SET deleted = :yes WHERE id = :id", yes=True, id=gone.id)
    raw.execute("UPDATE goal_reviews SET deleted = :yes WHERE id = :id", yes=True, id=withdrawn.id)
    raw.execute("UPDATE people SET deleted = :yes WHERE id = :id", yes=True, id=other)
    (held,) = store.goals_to_date()
    assert (held.words, held.latest_rating) == ("Kept", -2)
    assert [due.reason for due in goals_due([held], TODAY)] == ["Not reviewed for 6 weeks"]
    assert_same_due(store, TODAY)


def test_only_episodes_with_an_outcome_to_record_are_read(store: Store, person: str) -> None:
    asked = datetime.combine(TODAY - timedelta(weeks=7), time(10))
    open_ = store.add_episode(Episode(person, HelpKind.REABLEMENT, asked, "Fernley", asked))
    half = store.add_episode(
        Episode(
            person,
            HelpKind.REHABILITATION,
            asked,
            "Fernley",
            asked,
            outcome_2_weeks=HelpOutcome.REDUCED_SUPPORT,
            outcome_2_weeks_on=TODAY - timedelta(weeks=5),
        )
    )
    store.add_episode(
        Episode(
            person,
            HelpKind.RECUPERATION,
            asked,
            "Fernley",
            asked,
            outcome_2_weeks=HelpOutcome.REDUCED_SUPPORT,
            outcome_2_weeks_on=TODAY - timedelta(weeks=5),
            outcome_6_weeks=HelpOutcome.NO_FURTHER_HELP,
            outcome_6_weeks_on=TODAY - timedelta(weeks=1),
        )
    )
    assert {episode.id for episode in store.episodes_awaiting_outcome()} == {open_.id, half.id}
    assert_same_due(store, TODAY)
