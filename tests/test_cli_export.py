"""`assessor export`: everything about a person as JSON, their history, and what carers share."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from assessor.example import example_caseload, example_id
from assessor.record import Contact, ConversationKind, Entry
from db.store import Store
from tests.cli_helpers import cli, isolated_data_dir

PEGGY = example_id("peggy")


@pytest.fixture(autouse=True)
def env_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return isolated_data_dir(tmp_path, monkeypatch)


def test_export_writes_the_whole_file_as_json(tmp_path: Path) -> None:
    """The export file holds page one, the conversations (own words exact) and the history."""
    data_dir = tmp_path / "store"
    cli("example-caseload", "--data-dir", str(data_dir))
    target = tmp_path / "peggy.json"

    code, out, err = cli("export", PEGGY, "--data-dir", str(data_dir), "--out", str(target))

    assert (code, err) == (0, "")
    assert str(target) in out
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "assessor-export"
    assert data["person"]["id"] == PEGGY
    assert data["person"]["presenting_problem"] == (
        "Since my fall I'm frightened of the stairs and I've stopped going to chapel."
    )
    latest = data["contacts"][0]
    assert latest["id"] == example_id("peggy-2")
    assert latest["conversation"]["what_matters"] == {
        "heading": "What matters to them",
        "text": "Chapel, my garden, and not being a burden on Grace.",
        "own_words": True,
    }
    assert latest["record"]["updated_by"] == "CLI Test Worker"
    logged = {(h["table"], h["row_id"]) for h in data["history"]}
    assert ("people", PEGGY) in logged
    assert ("contacts", latest["id"]) in logged
    assert "conversation_entries" in {table for table, _ in logged}
    assert {h["changed_by"] for h in data["history"]} == {"CLI Test Worker"}


def test_export_holds_goals_with_reviews_statuses_and_their_history(tmp_path: Path) -> None:
    """Peggy's export carries her goals, each with its reviews oldest first, its status and
    FHIR codes; the history includes the goal and review rows."""
    cli("example-caseload", "--data-dir", str(tmp_path))
    code, out, err = cli("export", PEGGY, "--data-dir", str(tmp_path))
    assert (code, err) == (0, "")
    data = json.loads(out)

    goals = data["goals"]
    assert [g["id"] for g in goals] == [
        example_id("peggy-goal-stairs"),
        example_id("peggy-goal-choir"),
        example_id("peggy-goal-garden"),
    ]
    stairs = goals[0]
    assert stairs["words"] == "Get up and down my stairs without being frightened."
    assert stairs["kind"] == "reablement"
    assert stairs["record"]["updated_by"] == "CLI Test Worker"
    assert [(g["status"], g["fhir"]) for g in goals] == [
        ("achieved", {"achievementStatus": "achieved", "lifecycleStatus": "completed"}),
        ("improving", {"achievementStatus": "improving", "lifecycleStatus": "active"}),
        ("no_change", {"achievementStatus": "no-change", "lifecycleStatus": "active"}),
    ]
    assert [r["rating"] for r in stairs["reviews"]] == [-2, -2, -1, -1, 0]
    days = [r["on"] for r in stairs["reviews"]]
    assert days == sorted(days)
    assert stairs["reviews"][0]["id"] == example_id("peggy-goal-stairs-review-1")
    assert stairs["reviews"][0]["record"]["revision"] == 1

    logged = {(h["table"], h["row_id"], h["operation"]) for h in data["history"]}
    review_ids = [r["id"] for g in goals for r in g["reviews"]]
    assert len(review_ids) == 13
    for goal in goals:
        assert ("goals", goal["id"], "insert") in logged
    for review_id in review_ids:
        assert ("goal_reviews", review_id, "insert") in logged


def test_export_of_someone_without_goals_has_an_empty_goal_list(tmp_path: Path) -> None:
    cli("example-caseload", "--data-dir", str(tmp_path))
    code, out, _ = cli("export", example_id("priya"), "--data-dir", str(tmp_path))
    assert code == 0
    data = json.loads(out)
    assert data["goals"] == []
    assert data["short_term_help"] == data["progression_plans"] == []
    assert not {h["table"] for h in data["history"]} & {
        "goals",
        "goal_reviews",
        "short_term_episodes",
        "episode_reviews",
        "progression_plans",
        "plan_reviews",
    }


def test_export_holds_short_term_help_with_its_outcomes_reviews_and_history(
    tmp_path: Path,
) -> None:
    """Des's export carries his reablement episode with both outcomes and its weekly reviews,
    oldest first and linked to his goal; the history includes the episode and review rows."""
    cli("example-caseload", "--data-dir", str(tmp_path))
    code, out, err = cli("export", example_id("desmond"), "--data-dir", str(tmp_path))
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["version"] == 1

    (episode,) = data["short_term_help"]
    assert episode["id"] == example_id("des-episode")
    assert episode["kind"] == "reablement"
    assert episode["within_48_hours"] is True
    assert episode["outcome_2_weeks"] == "reduced_support"
    assert episode["outcome_6_weeks"] == "no_further_help"
    assert episode["outcome_2_weeks_on"] < episode["outcome_6_weeks_on"] < date.today().isoformat()
    assert episode["record"]["updated_by"] == "CLI Test Worker"
    reviews = episode["reviews"]
    assert [r["id"] for r in reviews] == [
        example_id(f"des-episode-review-{n}") for n in range(1, len(reviews) + 1)
    ]
    assert [r["on"] for r in reviews] == sorted(r["on"] for r in reviews)
    assert all(r["goal_ids"] == [example_id("des-goal-spell")] for r in reviews)
    assert data["progression_plans"] == []

    logged = {(h["table"], h["row_id"], h["operation"]) for h in data["history"]}
    assert ("short_term_episodes", episode["id"], "insert") in logged
    for review in reviews:
        assert ("episode_reviews", review["id"], "insert") in logged


def test_export_holds_a_progression_plan_with_its_reviews_and_history(tmp_path: Path) -> None:
    cli("example-caseload", "--data-dir", str(tmp_path))
    code, out, err = cli("export", example_id("tomasz"), "--data-dir", str(tmp_path))
    assert (code, err) == (0, "")
    data = json.loads(out)

    (plan,) = data["progression_plans"]
    assert plan["id"] == example_id("tomek-plan")
    assert (plan["start_level"], plan["target_level"]) == (2, 4)
    assert plan["starts_on"] < date.today().isoformat() < plan["ends_on"]
    assert len(plan["steps"]) == 3
    assert [r["level"] for r in plan["reviews"]] == [2, 3, 3]
    assert data["ladder"]["2"] == "I need help with many things, most days."
    assert data["short_term_help"] == []

    logged = {(h["table"], h["row_id"], h["operation"]) for h in data["history"]}
    assert ("progression_plans", plan["id"], "insert") in logged
    for review in plan["reviews"]:
        assert ("plan_reviews", review["id"], "insert") in logged


BERNIE = example_id("bernie")
CARER_TABLES = {"caring_roles", "carer_offers", "carer_plans", "carer_reviews"}


def _exported(data_dir: Path, person_id: str) -> tuple[str, dict[str, Any]]:
    code, out, err = cli("export", person_id, "--data-dir", str(data_dir))
    assert (code, err) == (0, "")
    return out, json.loads(out)


def test_a_carers_export_holds_her_roles_offer_plan_reviews_and_their_history(
    tmp_path: Path,
) -> None:
    """Bernie's export is everything her record holds as a carer, with codes, and the history
    of each of those rows; her conversation is there, marked private."""
    cli("example-caseload", "--data-dir", str(tmp_path))
    _, data = _exported(tmp_path, BERNIE)
    as_carer = data["as_carer"]
    assert [r["id"] for r in as_carer["cares_for"]] == [
        example_id("bernie-cares-for-eileen"),
        example_id("bernie-cares-for-peggy"),
    ]
    assert [r["named_as_id"] for r in as_carer["cares_for"]] == [
        example_id("eileen-named-bernie"),
        example_id("peggy-named-bernie"),
    ]
    assert [o["response"] for o in as_carer["offers"]] == ["wants_one"]
    assert [p["id"] for p in as_carer["plans"]] == [example_id("bernie-plan")]
    assert [r["supported"] for r in as_carer["reviews"]] == ["partly", "yes"]
    (contact,) = data["contacts"]
    assert (contact["kind"], contact["private_to_carer"]) == ("carer", True)
    assert data["carers"] == data["shared_by_carers"] == []

    logged = {(h["table"], h["row_id"], h["operation"]) for h in data["history"]}
    rows = [
        ("caring_roles", as_carer["cares_for"]),
        ("carer_offers", as_carer["offers"]),
        ("carer_plans", as_carer["plans"]),
        ("carer_reviews", as_carer["reviews"]),
    ]
    for table, exported in rows:
        for row in exported:
            assert (table, row["id"], "insert") in logged
    assert ("contacts", contact["id"], "insert") in logged


def test_the_people_cared_for_see_their_carer_but_none_of_her_private_conversation(
    tmp_path: Path,
) -> None:
    """Peggy's and Eileen's exports list Bernie's role with its history, and not a word of her
    conversation; once she shares another, it appears, still without her history."""
    cli("example-caseload", "--data-dir", str(tmp_path))
    own_text, _ = _exported(tmp_path, BERNIE)
    store = Store.open(tmp_path, "CLI Test Worker")
    try:
        (private,) = store.contacts(BERNIE)
        words = [e.text for e in store.conversation(private.id).entries.values()]
        shared = store.add_contact(
            Contact(BERNIE, date.today(), kind=ConversationKind.CARER, shared_with_cared_for=True)
        )
        store.set_entry(shared.id, "carer_what_would_help", Entry("Wednesdays off, please."))
    finally:
        store.close()
    assert all(json.dumps(said, ensure_ascii=False) in own_text for said in words)

    for person, role in (
        ("peggy", "bernie-cares-for-peggy"),
        ("eileen", "bernie-cares-for-eileen"),
    ):
        text, data = _exported(tmp_path, example_id(person))
        assert private.id not in text
        for said in words:
            assert json.dumps(said, ensure_ascii=False) not in text
        (carer,) = data["carers"]
        assert (carer["id"], carer["carer_id"]) == (example_id(role), BERNIE)
        (seen,) = data["shared_by_carers"]
        assert (seen["carer_name"], seen["contact"]["id"]) == ("Bernie Kelly", shared.id)
        assert seen["contact"]["conversation"]["carer_what_would_help"]["text"] == (
            "Wednesdays off, please."
        )
        assert all(c["private_to_carer"] is False for c in data["contacts"])
        logged = {(h["table"], h["row_id"]) for h in data["history"]}
        assert ("caring_roles", example_id(role)) in logged
        assert {row_id for _, row_id in logged}.isdisjoint({BERNIE, shared.id, private.id})
        assert not {table for table, _ in logged} & (CARER_TABLES - {"caring_roles"})


def test_export_to_standard_output(tmp_path: Path) -> None:
    """Without --out the JSON goes to standard output, so it can be piped."""
    cli("example-caseload", "--data-dir", str(tmp_path))
    code, out, err = cli("export", PEGGY, "--data-dir", str(tmp_path))
    assert (code, err) == (0, "")
    assert json.loads(out)["person"]["preferred_name"] == "Peggy"


def test_export_of_a_missing_person_fails_with_one_line(tmp_path: Path) -> None:
    """An unknown id gives a non-zero exit and a single plain line, not a traceback."""
    Store.open(tmp_path, "CLI Test Worker", create=True).close()
    code, out, err = cli("export", "no-such-person", "--data-dir", str(tmp_path))
    assert code != 0
    assert out == ""
    assert len(err.splitlines()) == 1
    assert "no-such-person" in err


def test_export_to_an_unwritable_path_fails_with_one_line(tmp_path: Path) -> None:
    """A folder that does not exist gives a non-zero exit and a single line naming the file."""
    data_dir = tmp_path / "store"
    cli("example-caseload", "--data-dir", str(data_dir))
    target = tmp_path / "missing-dir" / "x.json"
    code, out, err = cli("export", PEGGY, "--data-dir", str(data_dir), "--out", str(target))
    assert code != 0
    assert out == ""
    assert len(err.splitlines()) == 1
    assert str(target) in err
    assert not target.exists()


def test_the_export_is_stamped_with_the_current_utc_time(tmp_path: Path) -> None:
    """Without a clock given, the command line's own clock stamps the export, in UTC."""
    data_dir = tmp_path / "store"
    cli("example-caseload", "--data-dir", str(data_dir))
    before = datetime.now(UTC)
    code, out, _ = cli("export", PEGGY, "--data-dir", str(data_dir))
    stamped = datetime.fromisoformat(json.loads(out)["exported_at"])
    assert code == 0
    assert stamped.utcoffset() == timedelta(0)
    assert before <= stamped <= datetime.now(UTC)


def test_the_clock_the_command_line_is_given_dates_the_store_and_the_export(
    tmp_path: Path,
) -> None:
    """One clock, passed down: the example caseload is dated by its day, the store stamps
    changes with it, and the export says it was made then."""
    data_dir, given = tmp_path / "store", datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    assert cli("example-caseload", "--data-dir", str(data_dir), clock=lambda: given)[0] == 0
    code, out, _ = cli("export", PEGGY, "--data-dir", str(data_dir), clock=lambda: given)
    assert (code, json.loads(out)["exported_at"]) == (0, "2026-11-23T09:30:00+00:00")
    (expected,) = [f for f in example_caseload(given.date()) if f.person.id == PEGGY]
    store = Store.open(data_dir, "Sam Patel")
    try:
        file = store.person_file(PEGGY)
    finally:
        store.close()
    assert sorted(c.on for c in file.contacts) == sorted(c.on for c in expected.contacts)
    assert file.person.stamp is not None
    assert file.person.stamp.created_at == given
