"""The subject-access export of short-term help and progression plans."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest

from assessor import example
from assessor.export import export_person
from assessor.goals import Reviewer
from assessor.person_file import PersonFile
from assessor.progression import LADDER, PlanReview, PlanStep, ProgressionPlan
from assessor.short_term import Episode, EpisodeReview, HelpKind, HelpOutcome
from tests.assessor.export_helpers import NOW, OWN_WORDS, STAMP, des_file_with_goals, export_des


def _file_with_help_and_plan() -> PersonFile:
    file = des_file_with_goals()
    quick = Episode(
        person_id="p1",
        kind=HelpKind.REABLEMENT,
        asked_at=datetime(2026, 9, 1, 10, 0),
        provider="Fernley Reablement Team",
        first_help_at=datetime(2026, 9, 3, 10, 0),
        outcome_2_weeks=HelpOutcome.HOSPITAL,
        outcome_2_weeks_on=date(2026, 9, 10),
        outcome_2_weeks_early_because=OWN_WORDS,
        id="e1",
        stamp=STAMP,
    )
    slow = Episode(
        "p1", HelpKind.RECOVERY, datetime(2026, 8, 1, 9, 0), "", datetime(2026, 8, 3, 10)
    )
    waiting = Episode("p1", HelpKind.OTHER, datetime(2026, 11, 22, 16, 45), id="e3")
    file.episodes = [waiting, quick, replace(slow, id="e2")]
    file.episode_reviews = {
        "e1": [
            EpisodeReview("e1", date(2026, 9, 8), Reviewer.OT, "Week one.", ["g1"], "er1"),
            EpisodeReview("e1", date(2026, 9, 9), Reviewer.PROVIDER, "", [], "er2", STAMP),
        ]
    }
    file.plans = [
        ProgressionPlan(
            person_id="p1",
            starts_on=date(2026, 8, 24),
            ends_on=date(2027, 5, 24),
            start_level=2,
            target_level=4,
            steps=[
                PlanStep("Walk to the shop with my stick.", date(2026, 10, 1), date(2026, 9, 28)),
                PlanStep("Take the bus on my own."),
            ],
            goal_ids=["g2"],
            id="pl1",
            stamp=STAMP,
        )
    ]
    file.plan_reviews = {
        "pl1": [
            PlanReview("pl1", date(2026, 9, 24), 2, "Tired after the shop.", "pr1"),
            PlanReview("pl1", date(2026, 10, 24), 3, OWN_WORDS, "pr2", STAMP),
        ]
    }
    return file


@pytest.fixture
def exported_help_and_plan() -> dict[str, Any]:
    return export_person(_file_with_help_and_plan(), [], now=NOW)


def test_a_file_without_help_or_plans_exports_empty_lists_and_the_ladder() -> None:
    """The keys are always there, so readers need not test for them."""
    exported = export_des()
    assert exported["short_term_help"] == []
    assert exported["progression_plans"] == []
    assert exported["ladder"] == {str(step): words for step, words in LADDER.items()}


def test_help_and_plans_survive_a_json_round_trip(exported_help_and_plan: dict[str, Any]) -> None:
    assert json.loads(json.dumps(exported_help_and_plan)) == exported_help_and_plan
    assert exported_help_and_plan["version"] == 1


def test_episodes_export_their_fields_stamp_and_the_48_hour_measure(
    exported_help_and_plan: dict[str, Any],
) -> None:
    """Episodes keep the order given (the store gives newest first); times are ISO without a
    zone, outcomes their codes, and an early outcome's reason exactly as written."""
    waiting, quick, slow = exported_help_and_plan["short_term_help"]
    assert [e["id"] for e in (waiting, quick, slow)] == ["e3", "e1", "e2"]
    assert quick == {
        "id": "e1",
        "kind": "reablement",
        "asked_at": "2026-09-01T10:00:00",
        "provider": "Fernley Reablement Team",
        "first_help_at": "2026-09-03T10:00:00",
        "outcome_2_weeks": "hospital",
        "outcome_2_weeks_on": "2026-09-10",
        "outcome_2_weeks_early_because": OWN_WORDS,
        "outcome_6_weeks": None,
        "outcome_6_weeks_on": None,
        "outcome_6_weeks_early_because": "",
        "outcome_2_weeks_in_error": "",
        "outcome_6_weeks_in_error": "",
        "record": {
            "created_at": "2026-11-01T10:00:00+00:00",
            "updated_at": "2026-11-02T11:00:00+00:00",
            "updated_by": "Sam Patel",
            "revision": 3,
        },
        "within_48_hours": True,
        "reviews": quick["reviews"],
    }
    assert "person_id" not in quick
    assert (slow["within_48_hours"], slow["record"], slow["reviews"]) == (False, None, [])
    assert waiting["within_48_hours"] is None
    assert waiting["first_help_at"] is None
    assert waiting["kind"] == "other"


def test_episode_reviews_are_oldest_first_with_the_goals_they_worked_on(
    exported_help_and_plan: dict[str, Any],
) -> None:
    older, newer = exported_help_and_plan["short_term_help"][1]["reviews"]
    assert older == {
        "id": "er1",
        "on": "2026-09-08",
        "reviewer": "ot",
        "note": "Week one.",
        "goal_ids": ["g1"],
        "in_error_reason": "",
        "record": None,
    }
    assert (newer["id"], newer["reviewer"], newer["goal_ids"]) == ("er2", "provider", [])
    assert newer["record"]["revision"] == 3
    assert "episode_id" not in newer


def test_plans_export_their_fields_steps_goals_and_reviews(
    exported_help_and_plan: dict[str, Any],
) -> None:
    (plan,) = exported_help_and_plan["progression_plans"]
    assert plan == {
        "id": "pl1",
        "starts_on": "2026-08-24",
        "ends_on": "2027-05-24",
        "start_level": 2,
        "target_level": 4,
        "steps": [
            {
                "words": "Walk to the shop with my stick.",
                "due_on": "2026-10-01",
                "done_on": "2026-09-28",
            },
            {"words": "Take the bus on my own.", "due_on": None, "done_on": None},
        ],
        "goal_ids": ["g2"],
        "record": plan["record"],
        "reviews": [
            {
                "id": "pr1",
                "on": "2026-09-24",
                "level": 2,
                "note": "Tired after the shop.",
                "record": None,
            },
            {
                "id": "pr2",
                "on": "2026-10-24",
                "level": 3,
                "note": OWN_WORDS,
                "record": plan["record"],
            },
        ],
    }
    assert plan["record"]["updated_by"] == "Sam Patel"


def test_the_ladder_is_given_once_so_every_level_can_be_read(
    exported_help_and_plan: dict[str, Any],
) -> None:
    """Start, target and each review's level are keys of the top-level ladder."""
    ladder = exported_help_and_plan["ladder"]
    assert list(ladder) == ["1", "2", "3", "4", "5", "6"]
    assert ladder["4"] == "I need help now and then, a few times a week."
    (plan,) = exported_help_and_plan["progression_plans"]
    levels = [plan["start_level"], plan["target_level"], *(r["level"] for r in plan["reviews"])]
    assert all(str(level) in ladder for level in levels)
    assert "ladder" not in plan


def test_example_export_holds_des_s_reablement_with_both_outcomes() -> None:
    today = NOW.date()
    des = next(
        f for f in example.example_caseload(today) if f.person.id == example.example_id("desmond")
    )
    data = json.loads(json.dumps(export_person(des, [], now=NOW), ensure_ascii=False))
    (episode,) = data["short_term_help"]
    assert episode["id"] == example.example_id("des-episode")
    assert episode["provider"] == "Fernley Reablement Team"
    assert episode["within_48_hours"] is True
    assert (episode["outcome_2_weeks"], episode["outcome_6_weeks"]) == (
        "reduced_support",
        "no_further_help",
    )
    held = des.episodes[0]
    assert episode["outcome_2_weeks_on"] == held.due_on(2).isoformat()
    assert episode["outcome_6_weeks_on"] == held.due_on(6).isoformat()
    days = [r["on"] for r in episode["reviews"]]
    assert days == sorted(days) and len(days) >= 4
    assert {tuple(r["goal_ids"]) for r in episode["reviews"]} == {
        (example.example_id("des-goal-spell"),)
    }
    assert data["progression_plans"] == []


def test_example_export_holds_tomeks_plan_with_its_reviews() -> None:
    today = NOW.date()
    tomek = next(
        f for f in example.example_caseload(today) if f.person.id == example.example_id("tomasz")
    )
    data = json.loads(json.dumps(export_person(tomek, [], now=NOW), ensure_ascii=False))
    (plan,) = data["progression_plans"]
    assert plan["id"] == example.example_id("tomek-plan")
    assert (plan["start_level"], plan["target_level"]) == (2, 4)
    assert [s["words"] for s in plan["steps"]] == [s.words for s in tomek.plans[0].steps]
    assert any(s["done_on"] for s in plan["steps"])
    assert [r["level"] for r in plan["reviews"]] == [2, 3, 3]
    assert [r["id"] for r in plan["reviews"]] == [
        example.example_id(f"tomek-plan-review-{n}") for n in (1, 2, 3)
    ]
    assert data["short_term_help"] == []
