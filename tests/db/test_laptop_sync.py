"""The laptop's side of sync in the store, on SQLite and PostgreSQL: what goes, what the hub's
answers do to it, what a pulled page does (docs/sync-protocol.md)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from assessor.changes import RecordChange
from assessor.record import Contact, Person
from assessor.sync.wire import ChangeResult, Outcome, OutgoingChange, PulledPage, change_id
from db.store import Store
from db.sync.laptop_side import LaptopSync, PageApplied
from tests.kit.raw_sql import StoreSQL
from tests.kit.stores import StorePlace

DEVICE = "device-1"
HUB_TIME = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def ann(store: Store) -> Person:
    return store.add_person(Person(preferred_name="Ann", presenting_problem="Stairs"))


def answer(change: OutgoingChange, outcome: Outcome, **state: object) -> ChangeResult:
    hub_state = replace(change.state, **state) if state else change.state  # type: ignore[arg-type]
    return ChangeResult(change.change_id, outcome, state=hub_state)


def accepted(laptop: LaptopSync) -> list[OutgoingChange]:
    sent = laptop.outgoing(DEVICE)
    laptop.settle(sent, [answer(change, Outcome.APPLIED) for change in sent])
    return sent


def test_a_new_row_goes_whole_with_every_field_new(store: Store) -> None:
    person = ann(store)
    (change,) = LaptopSync(store).outgoing(DEVICE)
    assert change.change_id == change_id(DEVICE, "people", person.id, 1)
    assert (change.state.id, change.state.based_on, change.state.revision) == (person.id, 0, 1)
    assert change.changed["preferred_name"] is None and change.changed["deleted"] is None
    assert set(change.changed) == {*change.state.fields, "deleted"}


def test_an_accepted_change_is_not_sent_again_and_the_next_sends_only_what_changed(
    store: Store,
) -> None:
    laptop = LaptopSync(store)
    person = ann(store)
    accepted(laptop)
    assert laptop.outgoing(DEVICE) == [] and laptop.status().waiting == 0
    store.update_person(person.id, {"phone": "0113 496 0000"})
    (change,) = laptop.outgoing(DEVICE)
    assert (change.state.based_on, change.state.revision) == (1, 2)
    assert change.changed == {"phone": ""}


def test_the_hubs_merged_state_becomes_the_row_with_its_own_stamps_and_is_not_sent_back(
    store: Store, raw: StoreSQL
) -> None:
    laptop = LaptopSync(store)
    person = ann(store)
    (change,) = laptop.outgoing(DEVICE)
    merged = {**change.state.fields, "alerts": "Dog in the house"}
    laptop.settle(
        [change],
        [answer(change, Outcome.APPLIED, fields=merged, revision=3, updated_by="Bob Example")],
    )
    assert raw.value("SELECT alerts FROM people WHERE id = :id", id=person.id) == (
        "Dog in the house"
    )
    assert store.person(person.id).stamp.revision == 3
    assert laptop.outgoing(DEVICE) == []
    store.update_person(person.id, {"phone": "0113 496 0000"}, based_on=3)
    (again,) = laptop.outgoing(DEVICE)
    assert again.state.based_on == 3 and again.changed == {"phone": ""}


def test_a_change_not_accepted_is_held_with_its_reason_and_so_are_its_dependants(
    store: Store,
) -> None:
    laptop = LaptopSync(store)
    person = ann(store)
    (change,) = laptop.outgoing(DEVICE)
    reason = "This person belongs to another team."
    laptop.settle([change], [ChangeResult(change.change_id, Outcome.NOT_ACCEPTED, reason)])
    contact = store.add_contact(Contact(person_id=person.id, on=date(2026, 11, 23)))
    assert laptop.outgoing(DEVICE) == []  # the contact waits for its person
    (held,) = laptop.held()
    assert (held.kind, held.row_id, held.person_id, held.reason) == (
        "people",
        person.id,
        person.id,
        reason,
    )
    assert (laptop.status().held, laptop.status().waiting) == (1, 1)
    laptop.send_again("people", person.id)
    assert [c.state.id for c in laptop.outgoing(DEVICE)] == [person.id, contact.id]
    assert laptop.held() == []


def test_a_change_that_waits_changes_nothing(store: Store) -> None:
    laptop = LaptopSync(store)
    ann(store)
    (change,) = laptop.outgoing(DEVICE)
    laptop.settle([change], [ChangeResult(change.change_id, Outcome.WAITING)])
    assert laptop.outgoing(DEVICE) == [change]


def test_answers_that_do_not_match_what_was_sent_change_nothing(store: Store) -> None:
    laptop = LaptopSync(store)
    ann(store)
    (change,) = laptop.outgoing(DEVICE)
    with pytest.raises(ValueError):
        laptop.settle([change], [ChangeResult("another", Outcome.APPLIED, state=change.state)])
    with pytest.raises(ValueError):
        laptop.settle([change], [])
    assert laptop.outgoing(DEVICE) == [change]


def hub_person(person_id: str, revision: int, name: str, template: RecordChange) -> RecordChange:
    return replace(
        template,
        id=person_id,
        fields={**template.fields, "preferred_name": name},
        revision=revision,
        updated_at=HUB_TIME,
        updated_by="Bob Example",
    )


def test_a_pulled_page_is_applied_with_its_cursor_and_when(store_place: StorePlace) -> None:
    moment = datetime(2026, 11, 23, 9, 30)
    store = store_place.open(clock=lambda: moment)
    laptop = LaptopSync(store)
    template = store.record_state("people", ann(store).id)
    accepted(laptop)
    bob = hub_person("7a1b6c3e-0000-4000-8000-000000000001", 4, "Bob", template)
    assert laptop.receive(PulledPage([bob], "c1", more=True)) == PageApplied(1, frozenset({bob.id}))
    assert store.person(bob.id).preferred_name == "Bob"
    assert store.person(bob.id).stamp.revision == 4
    assert laptop.cursor() == "c1"
    assert laptop.status().last_synced_at == moment.replace(tzinfo=UTC)
    assert laptop.outgoing(DEVICE) == []  # what came from the hub never travels back
    assert laptop.receive(PulledPage([bob], "c2", more=False)).rows == 0  # held already
    assert laptop.cursor() == "c2"
    store.close()


def test_a_pulled_row_with_changes_still_to_send_is_left_for_the_push(store: Store) -> None:
    laptop = LaptopSync(store)
    person = ann(store)
    accepted(laptop)
    store.update_person(person.id, {"preferred_name": "Annie"})
    theirs = hub_person(person.id, 2, "Ann B", store.record_state("people", person.id))
    assert laptop.receive(PulledPage([theirs], "c1", more=False)) == PageApplied(0, frozenset())
    assert store.person(person.id).preferred_name == "Annie"
    (change,) = laptop.outgoing(DEVICE)
    assert change.state.based_on == 1  # still made from what the hub last agreed


def test_a_page_of_an_unknown_kind_keeps_nothing(store: Store) -> None:
    laptop = LaptopSync(store)
    template = store.record_state("people", ann(store).id)
    bob = hub_person("7a1b6c3e-0000-4000-8000-000000000001", 1, "Bob", template)
    with pytest.raises(ValueError):
        laptop.receive(PulledPage([bob, replace(bob, kind="spells")], "c1", more=False))
    assert laptop.cursor() is None
    assert [p.preferred_name for p in store.findable_people()] == ["Ann"]


def test_connecting_records_who_and_where(store: Store) -> None:
    laptop = LaptopSync(store)
    assert not laptop.status().connected
    laptop.connected_as("http://hub.example", DEVICE, "Ann Worker", "North", "worker")
    status = laptop.status()
    assert (status.connected, status.hub_url, status.worker, status.team, status.role) == (
        True,
        "http://hub.example",
        "Ann Worker",
        "North",
        "worker",
    )
    assert laptop.device_id() == DEVICE


def test_a_page_mixing_new_rows_older_and_newer_revisions_and_unsent_changes_applies_in_one_go(
    store: Store,
) -> None:
    laptop = LaptopSync(store)
    older, newer, edited = (
        store.add_person(Person(preferred_name=n, presenting_problem="Stairs")) for n in "ABC"
    )
    known = store.add_contact(Contact(person_id=older.id, on=date(2026, 11, 20)))
    accepted(laptop)
    store.update_person(newer.id, {"phone": "0113 496 0001"})
    accepted(laptop)  # newer is at revision 2 here and on the hub
    store.update_person(edited.id, {"preferred_name": "Cee"})  # still to send
    template = store.record_state("people", older.id)
    held_contact = store.record_state("contacts", known.id)
    bob = hub_person("7a1b6c3e-0000-4000-8000-000000000001", 1, "Bob", template)
    bobs_contact = replace(
        held_contact,
        id="7a1b6c3e-0000-4000-8000-000000000002",
        fields={**held_contact.fields, "person_id": bob.id},
    )
    page = [
        bobs_contact,  # before its person: applied after it
        hub_person(older.id, 2, "Ay", template),
        hub_person(newer.id, 1, "Be", template),  # older than held here
        hub_person(edited.id, 2, "See", template),  # has a change to send
        held_contact,  # held here already
        bob,
    ]
    assert laptop.receive(PulledPage(page, "c1", more=False)) == PageApplied(
        3, frozenset({bob.id, older.id})
    )
    assert [p.preferred_name for p in map(store.person, (older.id, newer.id, edited.id))] == [
        "Ay",
        "B",
        "Cee",
    ]
    assert store.person(newer.id).phone == "0113 496 0001"
    assert store.person(bob.id).preferred_name == "Bob"
    assert [c.id for c in store.contacts(bob.id)] == [bobs_contact.id]
    assert laptop.cursor() == "c1"
    (change,) = laptop.outgoing(DEVICE)  # nothing received goes back
    assert (change.state.id, change.state.based_on) == (edited.id, 1)
    assert change.changed == {"preferred_name": "C"}


def test_a_batch_of_answers_is_settled_together(store: Store) -> None:
    laptop = LaptopSync(store)
    merged, plain, refused, waits = (
        store.add_person(Person(preferred_name=n, presenting_problem="Stairs")) for n in "ABCD"
    )
    sent = laptop.outgoing(DEVICE)
    assert [c.state.id for c in sent] == [merged.id, plain.id, refused.id, waits.id]
    first, second, third, fourth = sent
    theirs = {**first.state.fields, "alerts": "Dog in the house"}
    people = laptop.settle(
        sent,
        [
            answer(first, Outcome.CONFLICT, fields=theirs, revision=2, updated_by="Bob Example"),
            answer(second, Outcome.APPLIED),
            ChangeResult(third.change_id, Outcome.NOT_ACCEPTED, "Another team's person."),
            ChangeResult(fourth.change_id, Outcome.WAITING),
        ],
    )
    assert people == frozenset({merged.id})
    assert store.person(merged.id).alerts == "Dog in the house"
    assert store.person(merged.id).stamp.revision == 2
    assert [c.change_id for c in laptop.outgoing(DEVICE)] == [fourth.change_id]
    (held,) = laptop.held()
    assert (held.row_id, held.reason) == (refused.id, "Another team's person.")
