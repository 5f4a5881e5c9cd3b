"""Contacts and page two on a real store: a timeline newest first, answers kept exactly."""

from __future__ import annotations

from datetime import date

import pytest

from assessor.record import (
    ConversationKind,
    Entry,
    Followed,
    Person,
    Place,
)
from db.store import Store
from tests.db.carer_kit import add_role
from tests.db.store_kit import add_contact

WORKER = "Test Worker"
TODAY = date(2026, 11, 23)


# --- contacts and conversations ---------------------------------------------------------------


def test_contacts_are_a_timeline_newest_first(store: Store) -> None:
    """Whatever order contacts are recorded in, the timeline shows the newest first."""
    person = store.add_person(Person("Peggy", "Frightened of the stairs."))
    add_contact(store, person.id, date(2026, 10, 1))
    add_contact(store, person.id, date(2026, 11, 20))
    add_contact(store, person.id, date(2026, 9, 5))
    assert [c.on for c in store.contacts(person.id)] == [
        date(2026, 11, 20),
        date(2026, 10, 1),
        date(2026, 9, 5),
    ]


def test_contact_round_trip_and_update(store: Store) -> None:
    """Place, kind, worker and what followed are kept, and can be changed."""
    person = store.add_person(Person("Peggy", "Frightened of the stairs."))
    added = add_contact(
        store,
        person.id,
        TODAY,
        place=Place.TALKING_POINT,
        kind=ConversationKind.CONNECT,
        worker="Sam Patel",
        followed=frozenset({Followed.INTRODUCTION, Followed.SHORT_TERM_HELP}),
    )
    store.update_contact(added.id, {"followed": {Followed.SIGNPOSTED}})
    (read,) = store.contacts(person.id)
    assert read.person_id == person.id
    assert read.place is Place.TALKING_POINT
    assert read.kind is ConversationKind.CONNECT
    assert read.worker == "Sam Patel"
    assert read.followed == frozenset({Followed.SIGNPOSTED})
    assert store.history([added.id])[-1].changes == {"followed": ["signposted"]}


def test_conversation_entries_are_set_and_overwritten(store: Store) -> None:
    """Writing a topic again replaces its answer rather than adding a second one."""
    person = store.add_person(Person("Peggy", "Frightened of the stairs."))
    contact = add_contact(store, person.id, TODAY, kind=ConversationKind.CONNECT)
    store.set_entry(contact.id, "what_matters", Entry("Chapel.", own_words=True))
    store.set_entry(contact.id, "can_do", Entry("Cooks simple meals."))
    store.set_entry(contact.id, "what_matters", Entry("Chapel and my garden.", own_words=True))
    conversation = store.conversation(contact.id)
    assert conversation.contact_id == contact.id
    assert conversation.entries == {
        "what_matters": Entry("Chapel and my garden.", own_words=True),
        "can_do": Entry("Cooks simple meals.", own_words=False),
    }
    (entry_id,) = [
        i
        for i in store.entry_ids([contact.id])
        if store.history([i])[0].changes["topic"] == "what_matters"
    ]
    assert [c.operation for c in store.history([entry_id])] == ["insert", "update"]


def test_own_words_are_stored_exactly(store: Store) -> None:
    """The person's words keep their spacing, line breaks and punctuation, byte for byte."""
    said = "  I'm not going in a home.\n\n  Not while I can still make a brew…  \t"
    person = store.add_person(Person("Des", "Going home Friday."))
    contact = add_contact(store, person.id, TODAY)
    store.set_entry(contact.id, "what_matters", Entry(said, own_words=True))
    assert store.conversation(contact.id).entries["what_matters"] == Entry(said, own_words=True)
    assert store.conversation(contact.id).text("what_matters") == said


def test_unknown_topic_is_refused_and_nothing_written(store: Store) -> None:
    """Page two only has the known topics; a typo in a topic code is an error."""
    person = store.add_person(Person("Des", "Going home Friday."))
    contact = add_contact(store, person.id, TODAY)
    with pytest.raises(ValueError, match="wat_matters"):
        store.set_entry(contact.id, "wat_matters", Entry("Home."))
    assert store.conversation(contact.id).entries == {}
    assert store.entry_ids([contact.id]) == []


def test_opening_a_person_reads_what_is_shown_at_once(store: Store) -> None:
    """Opening someone reads, together, what the header, page one and the contacts tab show:
    the person, their carers, whom they care for, the timeline and page two of the newest."""
    peggy = store.add_person(Person("Peggy", "Frightened of the stairs."))
    bernie = store.add_person(Person("Bernie", "Help at home"))
    add_role(store, bernie.id, peggy.id, hours_a_week=4)
    add_contact(store, peggy.id, date(2026, 10, 1))
    newest = add_contact(store, peggy.id, date(2026, 11, 20))
    store.set_entry(newest.id, "what_matters", Entry("The garden", own_words=True))
    opened = store.opened(peggy.id)
    assert opened.person == store.person(peggy.id)
    assert opened.carers == store.carers_of(peggy.id)
    assert opened.cares_for == []
    assert opened.contacts == store.contacts(peggy.id)
    assert opened.newest == store.conversation(newest.id)
    assert store.opened(bernie.id).cares_for == store.roles_as_carer(bernie.id)
    assert (store.opened(bernie.id).contacts, store.opened(bernie.id).newest) == ([], None)
