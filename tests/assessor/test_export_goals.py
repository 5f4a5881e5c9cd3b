"""The subject-access export of goals: fields, stamps, statuses and reviews."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest

from assessor import example
from assessor.export import export_person
from assessor.goals import GoalStatus, Review
from tests.assessor.export_helpers import NOW, OWN_WORDS, des_file_with_goals, export_des


@pytest.fixture
def exported_goals() -> list[dict[str, Any]]:
    goals: list[dict[str, Any]] = export_person(des_file_with_goals(), [], now=NOW)["goals"]
    return goals


def test_a_file_without_goals_exports_an_empty_list() -> None:
    """The key is always there, so readers need not test for it."""
    exported = export_des()
    assert exported["goals"] == []


def test_goals_export_their_fields_stamp_status_and_reviews(
    exported_goals: list[dict[str, Any]],
) -> None:
    """A goal's own fields as codes and ISO dates, its stamp, how it is going, and its reviews."""
    first = exported_goals[0]
    assert first == {
        "id": "g1",
        "words": "Make my own breakfast with one hand.",
        "set_on": "2026-11-20",
        "set_by": "Jo Whitcombe",
        "kind": "reablement",
        "target_date": "2026-11-23",
        "expected": "Breakfast and a hot drink, safely, one-handed.",
        "baseline": -2,
        "record": {
            "created_at": "2026-11-01T10:00:00+00:00",
            "updated_at": "2026-11-02T11:00:00+00:00",
            "updated_by": "Sam Patel",
            "revision": 3,
        },
        "status": "improving",
        "fhir": {"achievementStatus": "improving", "lifecycleStatus": "active"},
        "reviews": first["reviews"],
    }
    assert "person_id" not in first


def test_reviews_are_exported_oldest_first_with_own_words_exact(
    exported_goals: list[dict[str, Any]],
) -> None:
    older, newer = exported_goals[0]["reviews"]
    assert older == {
        "id": "r1",
        "rating": -2,
        "on": "2026-11-21",
        "reviewer": "ot",
        "self_rating": 3,
        "note": "Bread defeated him.",
        "in_error_reason": "",
        "record": None,
    }
    assert newer["id"] == "r2"
    assert newer["reviewer"] == "person"
    assert newer["note"] == OWN_WORDS
    assert newer["record"]["revision"] == 3
    assert "goal_id" not in newer


def test_a_goal_with_no_reviews_is_in_progress(exported_goals: list[dict[str, Any]]) -> None:
    """A goal missing from the reviews map has no reviews, not an error."""
    club = exported_goals[1]
    assert (club["id"], club["kind"], club["target_date"]) == ("g2", "own", None)
    assert club["reviews"] == []
    assert club["status"] == "in_progress"
    assert club["fhir"] == {"achievementStatus": "in-progress", "lifecycleStatus": "active"}
    assert club["record"] is None


def test_a_goal_past_its_target_without_a_final_review_is_still_going() -> None:
    """Not achieved needs a review on or after the target date; until then it is due."""
    (breakfast, _) = export_person(des_file_with_goals(), [], now=NOW + timedelta(days=5))["goals"]
    assert breakfast["status"] == "improving"
    assert breakfast["fhir"] == {"achievementStatus": "improving", "lifecycleStatus": "active"}


def test_every_status_exports_its_fhir_pair() -> None:
    """The exported codes are exactly the status's code and its FHIR pair."""
    file = des_file_with_goals()
    for rating, reviewed_on, expected in (
        (0, date(2026, 11, 23), GoalStatus.ACHIEVED),
        (-2, date(2026, 11, 22), GoalStatus.WORSE),
        (-1, date(2026, 11, 22), GoalStatus.NO_CHANGE),
        (-1, date(2026, 11, 23), GoalStatus.NOT_ACHIEVED),
    ):
        file.reviews["g1"].append(Review("g1", rating, reviewed_on))
        (goal, _) = export_person(file, [], now=NOW)["goals"]
        file.reviews["g1"].pop()
        achievement, lifecycle = expected.fhir
        assert goal["status"] == expected.value
        assert goal["fhir"] == {"achievementStatus": achievement, "lifecycleStatus": lifecycle}


def test_example_export_holds_peggys_goals_with_reviews_and_statuses() -> None:
    """Peggy's three goals export with every review, oldest first, and their FHIR codes."""
    today = NOW.date()
    peggy = next(
        f for f in example.example_caseload(today) if f.person.id == example.example_id("peggy")
    )
    data = json.loads(json.dumps(export_person(peggy, [], now=NOW), ensure_ascii=False))
    goals = data["goals"]
    assert [g["id"] for g in goals] == [g.id for g in peggy.goals]
    assert goals[0]["words"] == "Get up and down my stairs without being frightened."
    assert [
        (g["status"], g["fhir"]["achievementStatus"], g["fhir"]["lifecycleStatus"]) for g in goals
    ] == [
        ("achieved", "achieved", "completed"),
        ("improving", "improving", "active"),
        ("no_change", "no-change", "active"),
    ]
    for exported_goal, goal in zip(goals, peggy.goals, strict=True):
        held = peggy.reviews[goal.id]
        assert [r["id"] for r in exported_goal["reviews"]] == [r.id for r in held]
        assert [r["on"] for r in exported_goal["reviews"]] == [r.on.isoformat() for r in held]
        assert [r["rating"] for r in exported_goal["reviews"]] == [r.rating for r in held]
    reviewers = {r["reviewer"] for g in goals for r in g["reviews"]}
    assert reviewers == {"ot", "provider", "worker", "person"}
