"""The example caseload's goals and reviews: fixed ids, valid, and every state on any day."""

from __future__ import annotations

from datetime import date

from assessor.example import example_caseload, example_id
from assessor.goals import GoalKind, GoalStatus, Reviewer
from tests.assessor.example_helpers import TODAY, by_name, goal_states


def test_goal_and_review_ids_are_fixed() -> None:
    """Loading on another day gives the same goal and review ids, so nothing is added twice."""

    def ids(today: date) -> list[list[str]]:
        return [
            [g.id for g in f.goals] + [r.id for g in f.goals for r in f.reviews[g.id]]
            for f in example_caseload(today)
        ]

    assert ids(TODAY) == ids(date(2027, 5, 1))
    assert by_name()["Peggy"].goals[0].id == example_id("peggy-goal-stairs")


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
    peggy = by_name()["Peggy"]
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


def test_example_goals_show_each_state_on_any_day() -> None:
    """Whatever day it is loaded, Peggy has an achieved goal and none due; Des's goal is near
    its target date and Eileen's has waited five weeks unreviewed, so both are due."""
    for today in (TODAY, date(2030, 2, 1)):
        people = by_name(today)
        assert goal_states(people["Peggy"], today) == [
            (GoalStatus.ACHIEVED, None),
            (GoalStatus.IMPROVING, None),
            (GoalStatus.NO_CHANGE, None),
        ]
        (des_spell, (des_status, des_due)) = goal_states(people["Des"], today)
        assert des_spell == (GoalStatus.ACHIEVED, None)
        assert des_status is GoalStatus.IMPROVING
        assert des_due is not None and des_due.endswith("is near")
        assert len(people["Des"].reviews[people["Des"].goals[1].id]) == 2
        ((eileen_status, eileen_due),) = goal_states(people["Eileen"], today)
        assert eileen_status is GoalStatus.IN_PROGRESS
        assert eileen_due is not None and eileen_due.startswith("Set 5 weeks ago")


def test_only_peggy_des_eileen_and_bernie_have_goals() -> None:
    assert {name for name, f in by_name().items() if f.goals} == {
        "Peggy",
        "Des",
        "Eileen",
        "Bernie",
    }
