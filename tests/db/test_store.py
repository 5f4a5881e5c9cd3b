"""The worker's store on a real SQLite file: missing records, whole files, the file itself."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError

from assessor import example
from assessor.person_file import PersonFile
from assessor.record import (
    Contact,
    Entry,
    PersonWhoMatters,
)
from db.rows import NotFound
from db.store import Store
from tests.db.store_kit import every_field_person
from tests.kit.stores import StorePlace

WORKER = "Test Worker"
TODAY = date(2026, 11, 23)


def test_missing_ids_raise_not_found(store: Store) -> None:
    """Asking for something that is not there says so rather than returning nothing."""
    missing = str(uuid.uuid4())
    with pytest.raises(NotFound):
        store.person(missing)
    with pytest.raises(NotFound):
        store.update_person(missing, {"preferred_name": "X"})
    with pytest.raises(NotFound):
        store.person_file(missing)
    with pytest.raises(NotFound):
        store.add_person_who_matters(missing, PersonWhoMatters("X"))
    with pytest.raises(NotFound):
        store.update_person_who_matters(missing, {"name": "X"})
    with pytest.raises(NotFound):
        store.add_contact(Contact(person_id=missing, on=TODAY))
    with pytest.raises(NotFound):
        store.update_contact(missing, {"worker": "X"})
    with pytest.raises(NotFound):
        store.conversation(missing)
    with pytest.raises(NotFound):
        store.set_entry(missing, "what_matters", Entry("X"))
    assert len(store.findable_people()) == 0


# --- whole files ------------------------------------------------------------------------------


def test_add_files_adds_whole_files_and_skips_people_already_there(store: Store) -> None:
    """Loading the example caseload twice adds it once."""
    files = example.example_caseload(TODAY)
    added = store.add_files(files)
    assert added == [f.person.id for f in files]
    assert store.add_files(example.example_caseload(TODAY)) == []
    assert len(store.findable_people()) == 7


def test_person_file_reads_back_contacts_and_conversations(store: Store) -> None:
    """A whole file comes back with its contacts newest first and every answer."""
    peggy = example.example_caseload(TODAY)[0]
    store.add_files([peggy])
    read = store.person_file(peggy.person.id)
    assert read.person.display_name == "Peggy Okafor"
    assert [w.name for w in read.person.people_who_matter] == [
        "Grace Okafor",
        "Len Pickering",
        "Bernie Kelly",
    ]
    assert read.person.people_who_matter[2].id == example.example_id("peggy-named-bernie")
    assert [c.on for c in read.contacts] == sorted((c.on for c in peggy.contacts), reverse=True)
    for contact in peggy.contacts:
        assert read.conversations[contact.id].entries == peggy.conversations[contact.id].entries


def test_a_whole_file_is_read_in_one_transaction(store: Store) -> None:
    """Contacts, goals, help, plans and carers are read at one moment, never two."""
    store.add_files(example.example_caseload(TODAY))
    begun: list[object] = []
    event.listen(store.engine, "begin", begun.append)
    read = store.person_file(example.example_id("bernie"))
    assert read.as_carer.roles and read.goals and read.contacts
    assert len(begun) == 1


def test_add_files_is_all_or_nothing(store: Store) -> None:
    """If one file cannot be stored, none of the batch is, so an import can simply be rerun."""
    good, bad = example.example_caseload(TODAY)[:2]
    bad_contact = bad.contacts[0]
    broken = PersonFile(
        bad.person,
        bad.contacts,
        {
            bad_contact.id: replace(
                bad.conversations[bad_contact.id], entries={"no_such_topic": Entry("?")}
            )
        },
    )
    with pytest.raises(ValueError, match="no_such_topic"):
        store.add_files([good, broken])
    assert len(store.findable_people()) == 0
    assert store.history([good.person.id, bad.person.id]) == []
    assert store.add_files([good]) == [good.person.id]


# --- the file itself --------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_store_uses_wal_full_sync_and_foreign_keys(store: Store) -> None:
    """WAL keeps readers and writers apart; full sync survives power cuts; keys are enforced."""
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_foreign_keys_are_enforced(store: Store) -> None:
    """A contact cannot point at a person who is not there, even written around the store."""
    with pytest.raises(IntegrityError), store.engine.begin() as connection:
        connection.exec_driver_sql(
            'INSERT INTO contacts (id, person_id, "on", worker, followed, created_at,'
            " updated_at, updated_by, revision, deleted)"
            " VALUES ('c', 'nobody', '2026-11-23', '', '[]', '2026-11-23 00:00:00',"
            " '2026-11-23 00:00:00', 'x', 1, false)"
        )


def test_saved_work_is_there_after_reopening(store_place: StorePlace) -> None:
    """Closing and reopening the store (a restart) loses nothing."""
    first = store_place.open(WORKER)
    added = first.add_person(every_field_person())
    first.close()
    second = store_place.open(WORKER)
    try:
        assert second.person(added.id).presenting_problem == added.presenting_problem
    finally:
        second.close()
