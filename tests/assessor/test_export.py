"""The subject-access export: everything about one person as JSON, words kept exactly."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from assessor import example
from assessor.carers import (
    CarerOffer,
    CarerPlan,
    CarerReview,
    CaringRole,
    OfferResponse,
    Supported,
)
from assessor.export import FORMAT, VERSION, export_person
from assessor.goals import Goal, GoalKind, GoalStatus, Review, Reviewer
from assessor.person_file import AsCarer, PersonFile, SharedConversation
from assessor.progression import LADDER, PlanReview, PlanStep, ProgressionPlan
from assessor.record import (
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
)
from assessor.short_term import Episode, EpisodeReview, HelpKind, HelpOutcome
from assessor.stamps import Stamp

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
STAMP = Stamp(
    created_at=datetime(2026, 11, 1, 10, 0, tzinfo=UTC),
    updated_at=datetime(2026, 11, 2, 11, 0, tzinfo=UTC),
    updated_by="Sam Patel",
    revision=3,
)
OWN_WORDS = "  I'm not going in a home.\n  Not while I can still make a brew.  "


@dataclass(frozen=True)
class FakeChange:
    seq: int
    table: str
    row_id: str
    revision: int
    operation: str
    changes: dict[str, Any]
    changed_at: datetime
    changed_by: str


def _file() -> PersonFile:
    person = Person(
        id="p1",
        preferred_name="Des",
        first_names="Desmond",
        family_name="Hartley",
        date_of_birth=date(1958, 11, 2),
        nhs_number=example.nhs_number_in_test_range(200),
        postcode="LS9 7QT",
        contact_preference=ContactPreference.TEXT_MESSAGE,
        information_format=InformationFormat.EASY_READ,
        consent_to_record=True,
        consent_to_share=False,
        presenting_problem="Going home on Friday with one arm in plaster.",
        people_who_matter=[
            PersonWhoMatters("Ray Hartley", Relationship.FAMILY, "Brother", id="w1", stamp=STAMP)
        ],
        stamp=STAMP,
    )
    newer = Contact(
        person_id="p1",
        on=date(2026, 11, 20),
        place=Place.HOME_VISIT,
        kind=ConversationKind.AT_RISK,
        worker="Jo Whitcombe",
        followed=frozenset({Followed.SHORT_TERM_HELP, Followed.ASSESSMENT}),
        id="c2",
        stamp=STAMP,
    )
    older = Contact(person_id="p1", on=date(2026, 11, 3), place=Place.HOSPITAL, id="c1")
    return PersonFile(
        person=person,
        contacts=[newer, older],
        conversations={
            "c2": Conversation(
                "c2",
                {
                    "what_matters": Entry(OWN_WORDS, own_words=True),
                    "emergency_plan": Entry("Ray is the first person to call."),
                },
            ),
        },
    )


@pytest.fixture
def exported() -> dict[str, Any]:
    history = [
        FakeChange(1, "people", "p1", 1, "insert", {"preferred_name": "Des"}, NOW, "Sam Patel"),
        FakeChange(2, "people", "p1", 2, "update", {"postcode": "LS9 7QT"}, NOW, "Jo Whitcombe"),
    ]
    return export_person(_file(), history, now=NOW)


def test_export_is_json_and_survives_a_round_trip(exported: dict[str, Any]) -> None:
    """The export can be written as JSON and read back unchanged."""
    assert json.loads(json.dumps(exported)) == exported


def test_export_names_its_format_and_version(exported: dict[str, Any]) -> None:
    """Readers can tell what the file is and which shape it has."""
    assert exported["format"] == FORMAT == "assessor-export"
    assert exported["version"] == VERSION == 1
    assert exported["exported_at"] == "2026-11-23T09:30:00+00:00"


def test_page_one_uses_stored_codes_and_iso_dates(exported: dict[str, Any]) -> None:
    """Choices appear as their codes, dates as ISO text, and false consent stays false."""
    person = exported["person"]
    assert person["id"] == "p1"
    assert person["presenting_problem"] == "Going home on Friday with one arm in plaster."
    assert person["date_of_birth"] == "1958-11-02"
    assert person["contact_preference"] == "text_message"
    assert person["information_format"] == "easy_read"
    assert person["consent_to_record"] is True
    assert person["consent_to_share"] is False
    assert person["consent_date"] is None
    assert person["nhs_number"] == "9990002002"


def test_record_stamps_say_who_changed_what_and_when(exported: dict[str, Any]) -> None:
    """Each part carries who last changed it, when, and its revision."""
    assert exported["person"]["record"] == {
        "created_at": "2026-11-01T10:00:00+00:00",
        "updated_at": "2026-11-02T11:00:00+00:00",
        "updated_by": "Sam Patel",
        "revision": 3,
    }
    assert "stamp" not in exported["person"]


def test_people_who_matter_are_included(exported: dict[str, Any]) -> None:
    """The people in the person's life are part of what is held about them."""
    (who,) = exported["person"]["people_who_matter"]
    assert who["name"] == "Ray Hartley"
    assert who["relationship"] == "family"
    assert who["relationship_detail"] == "Brother"
    assert who["id"] == "w1"
    assert who["record"]["updated_by"] == "Sam Patel"


def test_contacts_keep_the_order_given_newest_first(exported: dict[str, Any]) -> None:
    """The store hands contacts newest first; the export keeps that order."""
    assert [c["id"] for c in exported["contacts"]] == ["c2", "c1"]
    assert [c["on"] for c in exported["contacts"]] == ["2026-11-20", "2026-11-03"]


def test_contact_details_use_codes(exported: dict[str, Any]) -> None:
    """Place, kind and what followed are codes; what followed is a sorted list."""
    contact = exported["contacts"][0]
    assert contact["place"] == "home_visit"
    assert contact["kind"] == "at_risk"
    assert contact["worker"] == "Jo Whitcombe"
    assert contact["followed"] == ["assessment", "short_term_help"]
    assert "person_id" not in contact
    older = exported["contacts"][1]
    assert older["kind"] is None
    assert older["followed"] == []
    assert older["record"] is None


def test_own_words_are_exported_exactly(exported: dict[str, Any]) -> None:
    """The person's own words keep their spaces and line breaks, and are marked as theirs."""
    entry = exported["contacts"][0]["conversation"]["what_matters"]
    assert entry == {"heading": "What matters to them", "text": OWN_WORDS, "own_words": True}


def test_worker_notes_are_marked_as_not_own_words(exported: dict[str, Any]) -> None:
    """Notes the worker wrote are told apart from the person's words."""
    entry = exported["contacts"][0]["conversation"]["emergency_plan"]
    assert entry == {
        "heading": "Emergency plan",
        "text": "Ray is the first person to call.",
        "own_words": False,
    }


def test_a_contact_without_a_conversation_has_an_empty_one(exported: dict[str, Any]) -> None:
    """A contact with nothing on page two exports an empty conversation, not an error."""
    assert exported["contacts"][1]["conversation"] == {}


def test_history_is_exported_in_the_order_given(exported: dict[str, Any]) -> None:
    """Every logged change is listed with who made it and when."""
    assert exported["history"] == [
        {
            "seq": 1,
            "table": "people",
            "row_id": "p1",
            "revision": 1,
            "operation": "insert",
            "changes": {"preferred_name": "Des"},
            "changed_at": "2026-11-23T09:30:00+00:00",
            "changed_by": "Sam Patel",
        },
        {
            "seq": 2,
            "table": "people",
            "row_id": "p1",
            "revision": 2,
            "operation": "update",
            "changes": {"postcode": "LS9 7QT"},
            "changed_at": "2026-11-23T09:30:00+00:00",
            "changed_by": "Jo Whitcombe",
        },
    ]


def test_exported_at_defaults_to_now_in_utc() -> None:
    """Without a given time the export is stamped with the current UTC time."""
    before = datetime.now(UTC)
    stamped = datetime.fromisoformat(export_person(_file(), [])["exported_at"])
    assert stamped.tzinfo is not None
    assert before <= stamped <= datetime.now(UTC)


def test_every_example_file_exports_as_json() -> None:
    """Each person in the example caseload exports cleanly, with all their answers."""
    for file in example.example_caseload(date(2026, 11, 23)):
        data = json.loads(json.dumps(export_person(file, [], now=NOW), ensure_ascii=False))
        assert data["person"]["id"] == file.person.id
        exported_entries = sum(len(c["conversation"]) for c in data["contacts"])
        held_entries = sum(len(conv.entries) for conv in file.conversations.values())
        assert exported_entries == held_entries


# --- goals ------------------------------------------------------------------------------------


def _file_with_goals() -> PersonFile:
    file = _file()
    breakfast = Goal(
        person_id="p1",
        words="Make my own breakfast with one hand.",
        set_on=date(2026, 11, 20),
        set_by="Jo Whitcombe",
        kind=GoalKind.REABLEMENT,
        target_date=date(2026, 11, 23),
        expected="Breakfast and a hot drink, safely, one-handed.",
        baseline=-2,
        id="g1",
        stamp=STAMP,
    )
    club = Goal(person_id="p1", words="Back to the bowls club.", set_on=date(2026, 11, 21), id="g2")
    file.goals = [breakfast, club]
    file.reviews = {
        "g1": [
            Review("g1", -2, date(2026, 11, 21), Reviewer.OT, 3, "Bread defeated him.", "r1"),
            Review("g1", -1, date(2026, 11, 22), Reviewer.PERSON, 6, OWN_WORDS, "r2", stamp=STAMP),
        ]
    }
    return file


@pytest.fixture
def exported_goals() -> list[dict[str, Any]]:
    goals: list[dict[str, Any]] = export_person(_file_with_goals(), [], now=NOW)["goals"]
    return goals


def test_a_file_without_goals_exports_an_empty_list(exported: dict[str, Any]) -> None:
    """The key is always there, so readers need not test for it."""
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
    (breakfast, _) = export_person(_file_with_goals(), [], now=NOW + timedelta(days=5))["goals"]
    assert breakfast["status"] == "improving"
    assert breakfast["fhir"] == {"achievementStatus": "improving", "lifecycleStatus": "active"}


def test_every_status_exports_its_fhir_pair() -> None:
    """The exported codes are exactly the status's code and its FHIR pair."""
    file = _file_with_goals()
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


# --- short-term help and progression plans ----------------------------------------------------


def _file_with_help_and_plan() -> PersonFile:
    file = _file_with_goals()
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


def test_a_file_without_help_or_plans_exports_empty_lists_and_the_ladder(
    exported: dict[str, Any],
) -> None:
    """The keys are always there, so readers need not test for them."""
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


# --- carers -----------------------------------------------------------------------------------

PRIVATE = "Some nights I sit in the car outside for ten minutes before I go in."
SHARED = "We agreed Wednesday evenings are mine."


def _carer_contact(contact_id: str, shared: bool) -> Contact:
    return Contact(
        person_id="carer",
        on=date(2026, 11, 10),
        kind=ConversationKind.CARER,
        shared_with_cared_for=shared,
        id=contact_id,
    )


def _carer_file() -> PersonFile:
    """A carer's own file: a private and a shared conversation, and what is hers as a carer."""
    private, shared = _carer_contact("cc1", False), _carer_contact("cc2", True)
    return PersonFile(
        person=Person(id="carer", preferred_name="Bernie", presenting_problem="Tired"),
        contacts=[shared, private],
        conversations={
            "cc1": Conversation("cc1", {"carer_feelings": Entry(PRIVATE, own_words=True)}),
            "cc2": Conversation("cc2", {"carer_what_would_help": Entry(SHARED, own_words=True)}),
        },
        as_carer=AsCarer(
            roles=[
                CaringRole(
                    "carer",
                    "p1",
                    what_they_do="Signs for him",
                    hours_a_week=15,
                    since=date(2024, 9, 1),
                    live_together=False,
                    named_as_id="w1",
                    id="role1",
                    stamp=STAMP,
                )
            ],
            offers=[CarerOffer("carer", date(2026, 11, 3), OfferResponse.NOT_NOW, "", "o1")],
            plans=[
                CarerPlan(
                    "carer",
                    date(2026, 11, 10),
                    what_will_help="A befriender",
                    review_on=date(2026, 11, 28),
                    id="cp1",
                )
            ],
            reviews=[
                CarerReview("carer", date(2026, 11, 10), Supported.PARTLY, "Partly.", id="cr1")
            ],
        ),
    )


def test_a_file_with_no_carers_exports_empty_carer_keys(exported: dict[str, Any]) -> None:
    assert exported["carers"] == []
    assert exported["shared_by_carers"] == []
    assert exported["as_carer"] == {"cares_for": [], "offers": [], "plans": [], "reviews": []}
    assert {c["private_to_carer"] for c in exported["contacts"]} == {False}
    assert {c["shared_with_cared_for"] for c in exported["contacts"]} == {False}


def test_a_carers_own_export_marks_the_conversation_not_shared_as_private() -> None:
    data = export_person(_carer_file(), [], now=NOW)
    shared, private = data["contacts"]
    assert (private["id"], private["kind"], private["private_to_carer"]) == ("cc1", "carer", True)
    assert private["conversation"]["carer_feelings"]["text"] == PRIVATE
    assert (shared["private_to_carer"], shared["shared_with_cared_for"]) == (False, True)


def test_what_is_theirs_as_a_carer_is_exported_with_codes() -> None:
    as_carer = export_person(_carer_file(), [], now=NOW)["as_carer"]
    assert as_carer["cares_for"] == [
        {
            "cared_for_id": "p1",
            "what_they_do": "Signs for him",
            "hours_a_week": 15,
            "since": "2024-09-01",
            "live_together": False,
            "named_as_id": "w1",
            "id": "role1",
            "record": as_carer["cares_for"][0]["record"],
        }
    ]
    assert as_carer["cares_for"][0]["record"]["revision"] == 3
    assert as_carer["offers"] == [
        {"on": "2026-11-03", "response": "not_now", "note": "", "id": "o1", "record": None}
    ]
    (plan,) = as_carer["plans"]
    assert (plan["id"], plan["made_on"], plan["review_on"]) == ("cp1", "2026-11-10", "2026-11-28")
    assert (plan["what_will_help"], plan["breaks"], plan["contingency"]) == ("A befriender", "", "")
    assert as_carer["reviews"] == [
        {
            "on": "2026-11-10",
            "supported": "partly",
            "words": "Partly.",
            "note": "",
            "id": "cr1",
            "record": None,
        }
    ]


def test_the_person_cared_for_gets_their_carers_and_only_what_was_shared() -> None:
    """Roles as the person cared for, and shared conversations with the carer's name. A
    conversation the carer did not share is left out even if handed to the export."""
    carer = _carer_file()
    file = _file()
    file.carers = [replace(role, stamp=None) for role in carer.as_carer.roles]
    file.shared_by_carers = [
        SharedConversation("carer", "Bernie Kelly", contact, carer.conversations[contact.id])
        for contact in carer.contacts
    ]
    data = export_person(file, [], now=NOW)
    (role,) = data["carers"]
    assert (role["id"], role["carer_id"], role["named_as_id"]) == ("role1", "carer", "w1")
    assert "cared_for_id" not in role
    (shared,) = data["shared_by_carers"]
    assert (shared["carer_id"], shared["carer_name"]) == ("carer", "Bernie Kelly")
    assert shared["contact"]["id"] == "cc2"
    assert shared["contact"]["private_to_carer"] is False
    assert shared["contact"]["conversation"]["carer_what_would_help"]["text"] == SHARED
    assert PRIVATE not in json.dumps(data, ensure_ascii=False)


def test_the_example_carers_private_words_never_reach_the_people_she_cares_for() -> None:
    """Bernie's conversation is in her own export, marked private; neither Peggy's nor
    Eileen's export holds a word of it."""
    files = {f.person.id: f for f in example.example_caseload(NOW.date())}
    bernie = files[example.example_id("bernie")]
    (contact,) = bernie.contacts
    words = [entry.text for entry in bernie.conversations[contact.id].entries.values()]

    def text(person: str) -> str:
        return json.dumps(export_person(files[example.example_id(person)], [], now=NOW))

    own = json.loads(text("bernie"))
    (exported_contact,) = own["contacts"]
    assert exported_contact["private_to_carer"] is True
    assert [r["cared_for_id"] for r in own["as_carer"]["cares_for"]] == [
        example.example_id("eileen"),
        example.example_id("peggy"),
    ]
    for person in ("peggy", "eileen"):
        exported_text = text(person)
        assert json.loads(exported_text)["shared_by_carers"] == []
        for said in words:
            assert json.dumps(said) in text("bernie")
            assert json.dumps(said) not in exported_text
