"""The example caseload's short-term help and progression plan: Des's reablement, Tomek's plan."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from assessor.example import example_id
from assessor.goals import GoalKind, Reviewer
from assessor.person_file import PersonFile
from assessor.progression import LADDER, planned_level
from assessor.short_term import HelpKind, HelpOutcome, outcomes_due, within_48_hours
from tests.assessor.example_helpers import DAYS, TODAY, by_name, ids_on


def test_only_des_has_short_term_help_and_only_tomek_a_progression_plan() -> None:
    people = by_name()
    assert {name for name, f in people.items() if f.episodes} == {"Des"}
    assert {name for name, f in people.items() if f.plans} == {"Tomek"}
    for file in people.values():
        assert set(file.episode_reviews) == {e.id for e in file.episodes}
        assert set(file.plan_reviews) == {p.id for p in file.plans}
        assert all(e.person_id == file.person.id for e in file.episodes)
        assert all(p.person_id == file.person.id for p in file.plans)


def test_episode_and_plan_ids_are_fixed() -> None:
    """Loading on another day gives the same ids, so nothing is added twice."""

    def parts(f: PersonFile) -> list[Any]:
        return [
            *f.episodes,
            *(r for reviews in f.episode_reviews.values() for r in reviews),
            *f.plans,
            *(r for reviews in f.plan_reviews.values() for r in reviews),
        ]

    assert ids_on(TODAY, parts) == ids_on(date(2030, 2, 1), parts)
    assert by_name()["Des"].episodes[0].id == example_id("des-episode")
    assert by_name()["Tomek"].plans[0].id == example_id("tomek-plan")


def test_des_had_reablement_arriving_within_48_hours_with_both_outcomes_on_time() -> None:
    """A finished spell: help arrived within 48 hours, and the two- and six-week outcomes were
    recorded on the days they fell due, both already past, so nothing of it is due."""
    for today in DAYS:
        des = by_name(today)["Des"]
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
        des = by_name(today)["Des"]
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
        tomek = by_name(today)["Tomek"]
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
        (plan,) = by_name(today)["Tomek"].plans
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
        tomek = by_name(today)["Tomek"]
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
