"""The subject-access export: everything about one person as JSON, words kept exactly.

Page one, contacts and their conversations, and the change history; goals, short-term help,
progression plans and carers are in the test_export_* files beside this one.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from assessor import example
from assessor.export import FORMAT, VERSION, export_person
from tests.assessor.export_helpers import NOW, OWN_WORDS, export_des


@pytest.fixture
def exported() -> dict[str, Any]:
    return export_des()


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


def test_every_example_file_exports_as_json() -> None:
    """Each person in the example caseload exports cleanly, with all their answers."""
    for file in example.example_caseload(date(2026, 11, 23)):
        data = json.loads(json.dumps(export_person(file, [], now=NOW), ensure_ascii=False))
        assert data["person"]["id"] == file.person.id
        exported_entries = sum(len(c["conversation"]) for c in data["contacts"])
        held_entries = sum(len(conv.entries) for conv in file.conversations.values())
        assert exported_entries == held_entries
