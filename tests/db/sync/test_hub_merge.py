"""A change made from an older revision: applied when clean, merged when the fields do not
overlap, kept beside a conflict when they do (docs/sync-protocol.md, "Conflict rules")."""

from __future__ import annotations

from sqlalchemy import select

from assessor.changes import natural_id
from assessor.sync.wire import Outcome
from db.models import SyncConflictRow
from db.store import Store
from tests.db.sync.hub_kit import EDITED, HUB_NOW, MADE, NORTH, Laptop, contact, count, person


def conflicts(store: Store) -> list[SyncConflictRow]:
    with store.unit() as unit:
        return list(unit.session.scalars(select(SyncConflictRow)))


def test_a_lost_answer_then_a_later_edit_is_not_a_conflict_with_itself(ann: Laptop) -> None:
    new = ann.new("people", person("Dee Example"))
    ann.push_one(new)  # its answer lost: the laptop still thinks the row is new to the hub

    result = ann.push_one(ann.edit(new.state, new_to_hub=True, phone="01632 960000"))

    assert result.outcome is Outcome.APPLIED
    assert result.state is not None
    assert (result.state.revision, result.state.fields["phone"]) == (2, "01632 960000")


def test_edits_after_a_lost_answer_to_an_edit_apply_as_they_are(ann: Laptop) -> None:
    base = ann.settled(ann.new("people", person("Dee Example")))
    ann.push_one(ann.edit(base, phone="01632 960000"))  # applied, its answer lost

    result = ann.push_one(ann.edit(base, revision=3, phone="01632 960001", address="1 Mill Lane"))

    assert result.outcome is Outcome.APPLIED
    assert result.state is not None
    assert result.state.revision == 3  # the laptop's own, kept
    assert result.state.updated_by == "Ann Example"


def test_edits_of_different_fields_from_two_laptops_merge(ann: Laptop, bob: Laptop) -> None:
    base = ann.settled(ann.new("people", person("Dee Example")))
    ann.settled(ann.edit(base, phone="01632 960000"))

    merged = bob.push_one(bob.edit(base, address="1 Mill Lane"))

    assert merged.outcome is Outcome.APPLIED
    assert merged.state is not None
    assert merged.state.fields["phone"] == "01632 960000"
    assert merged.state.fields["address"] == "1 Mill Lane"
    assert merged.state.revision == 3  # after both laptops' revision 2
    assert merged.state.updated_by == "Bob Example"
    assert merged.state.updated_at.replace(tzinfo=None) == HUB_NOW


def test_the_same_field_changed_apart_keeps_the_hubs_value_and_one_conflict(
    ann: Laptop, bob: Laptop, hub_store: Store
) -> None:
    base = ann.settled(ann.new("people", person("Dee Example")))
    ann.settled(ann.edit(base, presenting_problem="Lonely since moving"))
    late = bob.edit(base, presenting_problem="Needs help with meals", phone="01632 960000")

    result = bob.push_one(late)
    retried = bob.push_one(late)

    assert result.outcome is Outcome.CONFLICT
    assert "Both versions are kept" in result.reason
    assert result.state is not None
    assert result.state.fields["presenting_problem"] == "Lonely since moving"
    assert result.state.fields["phone"] == "01632 960000"  # what did not overlap is applied
    (conflict,) = conflicts(hub_store)
    assert conflict.id == natural_id("sync_conflicts", late.change_id)
    assert (conflict.person_id, conflict.kind, conflict.row_id) == (base.id, "people", base.id)
    assert conflict.fields == {
        "presenting_problem": {
            "original": "Finding the stairs hard since a fall",
            "incoming": "Needs help with meals",
            "current": "Lonely since moving",
        }
    }
    assert (conflict.incoming_by, conflict.incoming_at) == (
        "Bob Example",
        EDITED.replace(tzinfo=None),
    )
    assert (conflict.current_by, conflict.current_at) == (
        "Ann Example",
        EDITED.replace(tzinfo=None),
    )
    assert not conflict.resolved
    assert retried.outcome is Outcome.ALREADY_APPLIED
    assert retried.state == result.state
    assert count(hub_store, "SELECT count(*) FROM sync_conflicts") == 1


def test_the_same_value_reached_apart_is_no_conflict_but_consent_always_is(
    ann: Laptop, bob: Laptop, hub_store: Store
) -> None:
    base = ann.settled(ann.new("people", person("Dee Example")))
    ann.settled(ann.edit(base, phone="01632 960000", consent_to_share=True))

    result = bob.push_one(bob.edit(base, phone="01632 960000", consent_to_share=True))

    assert result.outcome is Outcome.CONFLICT
    (conflict,) = conflicts(hub_store)
    assert set(conflict.fields) == {"consent_to_share"}


def test_an_edit_meeting_a_deletion_is_a_conflict_and_the_row_stays_deleted(
    ann: Laptop, bob: Laptop, hub_store: Store
) -> None:
    base = ann.settled(ann.new("contacts", contact(ann.settled(ann.new("people", person("D"))).id)))
    ann.settled(ann.edit(base, deleted=True))

    result = bob.push_one(bob.edit(base, place="home"))

    assert result.outcome is Outcome.CONFLICT
    assert result.state is not None and result.state.deleted
    (conflict,) = conflicts(hub_store)
    assert conflict.fields == {"deleted": {"original": False, "incoming": False, "current": True}}


def test_a_deletion_meeting_an_edit_is_a_conflict_and_the_row_stays(
    ann: Laptop, bob: Laptop, hub_store: Store
) -> None:
    base = ann.settled(ann.new("contacts", contact(ann.settled(ann.new("people", person("D"))).id)))
    ann.settled(ann.edit(base, place="home"))

    result = bob.push_one(bob.edit(base, deleted=True))

    assert result.outcome is Outcome.CONFLICT
    assert result.state is not None and not result.state.deleted
    assert result.state.fields["place"] == "home"
    (conflict,) = conflicts(hub_store)
    assert conflict.fields == {"deleted": {"original": False, "incoming": True, "current": False}}


def test_a_new_row_whose_natural_id_is_held_merges_or_conflicts_field_by_field(
    ann: Laptop, bob: Laptop, hub_store: Store
) -> None:
    dee = ann.settled(ann.new("people", person("Dee Example")))
    talk = ann.settled(ann.new("contacts", contact(dee.id)))
    answer_id = natural_id("conversation_entry", talk.id, "home")
    words = {"contact_id": talk.id, "topic": "home"}
    ann.settled(ann.new("conversation_entries", {**words, "text": "Stairs"}, answer_id))

    eve = Laptop(bob.hub, "Eve Example", NORTH)

    same = bob.push_one(bob.new("conversation_entries", {**words, "text": "Stairs"}, answer_id))
    other = eve.push_one(eve.new("conversation_entries", {**words, "text": "Bath"}, answer_id))

    assert same.outcome is Outcome.APPLIED
    assert other.outcome is Outcome.CONFLICT
    assert other.state is not None and other.state.fields["text"] == "Stairs"
    (conflict,) = conflicts(hub_store)
    assert conflict.fields == {"text": {"original": None, "incoming": "Bath", "current": "Stairs"}}
    assert conflict.current_at == MADE.replace(tzinfo=None)
