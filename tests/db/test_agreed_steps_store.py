"""What we agreed, on a real store: steps kept with their conversation, in whole files and the
export, and the contacts the Due list reads for follow-ups."""

from __future__ import annotations

from datetime import UTC, date, datetime

from assessor.export import export_person
from assessor.person_file import PersonFile
from assessor.record import AgreedStep, Contact, Conversation, Person
from db.store import Store

TODAY = date(2026, 11, 23)


def test_a_whole_file_keeps_its_steps_and_the_export_lists_them(store: Store) -> None:
    contact = Contact("", TODAY, follow_up_on=date(2026, 12, 7), id="c-1")
    steps = [
        AgreedStep("c-1", "Ring the lunch club", "Ivy", date(2026, 11, 30)),
        AgreedStep("c-1", "Ask about a second stair rail", "Sam Patel"),
    ]
    file = PersonFile(
        Person("Ivy", "Stairs since the fall", family_name="Marsh"),
        [contact],
        {"c-1": Conversation("c-1", {}, steps)},
    )
    (person_id,) = store.add_files([file])
    held = store.person_file(person_id)
    assert [(s.what, s.who, s.by_when) for s in held.conversations["c-1"].steps] == [
        (s.what, s.who, s.by_when) for s in steps
    ]
    exported = export_person(held, [], datetime(2026, 11, 23, 12, tzinfo=UTC))
    (as_exported,) = exported["contacts"]
    assert as_exported["follow_up_on"] == "2026-12-07"
    assert [(s["what"], s["who"], s["by_when"]) for s in as_exported["steps"]] == [
        ("Ring the lunch club", "Ivy", "2026-11-30"),
        ("Ask about a second stair rail", "Sam Patel", None),
    ]
    assert as_exported["steps"][0]["record"]["revision"] == 1


def test_the_due_list_reads_every_contact_of_people_following_up_only(store: Store) -> None:
    ivy = store.add_person(Person("Ivy", "Stairs since the fall")).id
    ron = store.add_person(Person("Ron", "Caring for his sister")).id
    older = store.add_contact(Contact(ivy, date(2026, 11, 1), follow_up_on=TODAY))
    newer = store.add_contact(Contact(ivy, date(2026, 11, 20)))
    store.add_contact(Contact(ron, date(2026, 11, 20)))
    assert [c.id for c in store.contacts_to_follow_up()] == [newer.id, older.id]
