"""What was entered in error is in the export, marked with its reason, and never printed."""

from __future__ import annotations

from datetime import UTC, date, datetime

from assessor.documents import DocumentKind, PrintContext, build
from assessor.documents.formats import STANDARD
from assessor.export import export_person
from assessor.goals import Goal, Review
from assessor.operations.contacts import add_contact, set_entry
from assessor.operations.goals import add_goal, review_goal
from assessor.operations.in_error import mark_contact, mark_goal_review
from assessor.record import Contact, Entry
from db.store import Store
from tests.assessor.documents_helpers import text_of

NOW = datetime(2026, 11, 23, 10, tzinfo=UTC)


def test_the_export_keeps_what_was_marked_with_its_reason(store: Store, person_id: str) -> None:
    wrong = add_contact(store, Contact(person_id, date(2026, 5, 1))).value
    mark_contact(store, wrong, "Recorded for the wrong person")
    goal = add_goal(store, Goal(person_id, "Walk to the shop", date(2026, 3, 2))).value
    review = review_goal(store, person_id, Review(goal.id, 2, date(2026, 4, 2))).value
    mark_goal_review(store, person_id, review, "Rated the wrong goal")
    file = store.person_file(person_id)
    rows = [wrong.id, review.id]
    exported = export_person(file, store.history(rows), NOW)
    (contact,) = exported["contacts"]
    assert contact["in_error_reason"] == "Recorded for the wrong person"
    (goal_out,) = exported["goals"]
    assert goal_out["reviews"][0]["in_error_reason"] == "Rated the wrong goal"
    assert goal_out["status"] == "in_progress", "the marked review does not count"
    logged = [entry["changes"].get("in_error_reason") for entry in exported["history"]]
    assert "Recorded for the wrong person" in logged and "Rated the wrong goal" in logged


def test_a_marked_contact_is_never_printed(store: Store, person_id: str) -> None:
    kept = add_contact(store, Contact(person_id, date(2026, 4, 1))).value
    set_entry(store, person_id, kept.id, "good_life", Entry("Seeing my grandson on Sundays"), 0)
    wrong = add_contact(store, Contact(person_id, date(2026, 5, 1))).value
    set_entry(store, person_id, wrong.id, "good_life", Entry("Someone else's words entirely"), 0)
    mark_contact(store, wrong, "Recorded for the wrong person")
    context = PrintContext(date(2026, 11, 23), "Sam Patel")
    file = store.person_file(person_id)
    for kind in (DocumentKind.MY_PLAN, DocumentKind.RECORD):
        printed = " ".join(text_of(build(kind, file, context, STANDARD)).split())
        assert "Seeing my grandson on Sundays" in printed
        assert "Someone else" not in printed
