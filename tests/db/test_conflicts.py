"""Every update names the revision it was made from; an older one is refused, never applied."""

from __future__ import annotations

from datetime import date

import pytest

from assessor.conflicts import EditConflict
from assessor.record import Contact, Entry, Person


def test_an_update_from_the_current_revision_goes_through_and_gives_the_next(store):
    person = store.add_person(Person(preferred_name="Reg", presenting_problem="Lonely"))
    revision = store.update_person(person.id, {"phone": "0113 496 0777"}, person.stamp.revision)
    assert revision == person.stamp.revision + 1
    assert store.update_person(person.id, {"phone": "0113 496 0000"}, revision) == revision + 1


def test_an_update_from_an_older_revision_is_refused_and_changes_nothing(store):
    person = store.add_person(Person(preferred_name="Reg", presenting_problem="Lonely"))
    store.update_person(person.id, {"phone": "0113 496 0777"}, person.stamp.revision)
    with pytest.raises(EditConflict, match="Test Worker changed this record") as refused:
        store.update_person(person.id, {"phone": "0113 496 0000"}, person.stamp.revision)
    assert "kept as a draft" in str(refused.value)
    assert store.person(person.id).phone == "0113 496 0777"


def test_page_two_answers_carry_their_revision_too(store):
    person = store.add_person(Person(preferred_name="Reg", presenting_problem="Lonely"))
    contact = store.add_contact(Contact(person_id=person.id, on=date(2026, 11, 30)))
    first = store.set_entry(contact.id, "what_matters", Entry("My pigeons"), based_on=0)
    assert store.conversation(contact.id).entries["what_matters"].revision == first
    store.set_entry(contact.id, "what_matters", Entry("My pigeons and the club"), first)
    with pytest.raises(EditConflict):
        store.set_entry(contact.id, "what_matters", Entry("Typed over the old"), first)
    with pytest.raises(EditConflict):
        store.set_entry(contact.id, "motivation", Entry("As if new"), based_on=3)
    assert store.conversation(contact.id).text("what_matters") == "My pigeons and the club"
