"""The hub's rule for a change made from an older revision: fields merge when they do not
overlap; a field both changed keeps the hub's value and becomes a conflict with all three
versions; consent and alerts always ask; an edit meeting a deletion asks."""

from __future__ import annotations

from datetime import UTC, datetime

from assessor.changes import RecordChange
from assessor.sync.merging import FieldVersions, merge
from assessor.sync.wire import ChangeResult, Outcome, OutgoingChange, PulledPage, change_id

BASE = {"phone": "01632 960001", "email": "", "alerts": "", "deleted": False}


def test_fields_no_one_else_changed_are_applied() -> None:
    current = {**BASE, "email": "ann@example.org"}
    incoming = {**BASE, "phone": "01632 960002"}
    result = merge(current, incoming, {"phone": "01632 960001"}, {"email"})
    assert result.apply == {"phone": "01632 960002"}
    assert result.conflicts == {}


def test_a_field_both_changed_keeps_the_hubs_value_and_all_three_versions() -> None:
    current = {**BASE, "phone": "01632 960003"}
    incoming = {**BASE, "phone": "01632 960002"}
    result = merge(current, incoming, {"phone": "01632 960001"}, {"phone"})
    assert result.apply == {}
    assert result.conflicts == {
        "phone": FieldVersions("01632 960001", "01632 960002", "01632 960003")
    }


def test_both_reaching_the_same_words_is_no_conflict() -> None:
    same = {**BASE, "phone": "01632 960002"}
    assert merge(same, same, {"phone": "01632 960001"}, {"phone"}).conflicts == {}


def test_alerts_both_changed_always_ask_even_when_they_agree() -> None:
    same = {**BASE, "alerts": "Dog in the house"}
    result = merge(same, same, {"alerts": ""}, {"alerts"})
    assert set(result.conflicts) == {"alerts"}


def test_a_deletion_meeting_an_edit_keeps_the_record_and_asks() -> None:
    current = {**BASE, "phone": "01632 960003"}
    incoming = {**BASE, "deleted": True}
    result = merge(current, incoming, {"deleted": False}, {"phone"})
    assert "deleted" not in result.apply
    assert result.conflicts == {"deleted": FieldVersions(False, True, False)}


def test_an_edit_meeting_a_deletion_asks() -> None:
    current = {**BASE, "deleted": True}
    incoming = {**BASE, "phone": "01632 960002"}
    result = merge(current, incoming, {"phone": "01632 960001"}, {"deleted"})
    assert result.conflicts == {"deleted": FieldVersions(False, False, True)}


def test_a_change_and_its_answer_travel_as_json_unchanged() -> None:
    at = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    state = RecordChange("contacts", "c1", {"on": "2026-11-23"}, at, at, "Ann Example", 3, 1)
    change = OutgoingChange(change_id("d1", "contacts", "c1", 3), state, {"on": "2026-11-22"})
    assert OutgoingChange.from_json(change.to_json()) == change
    result = ChangeResult(change.change_id, Outcome.CONFLICT, "", state)
    assert ChangeResult.from_json(result.to_json()) == result
    page = PulledPage([state], "abc", True)
    assert PulledPage.from_json(page.to_json()) == page


def test_the_same_revision_sent_twice_has_the_same_change_id() -> None:
    assert change_id("d1", "people", "p1", 4) == change_id("d1", "people", "p1", 4)
    assert change_id("d1", "people", "p1", 4) != change_id("d2", "people", "p1", 4)
