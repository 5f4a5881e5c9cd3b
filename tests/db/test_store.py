"""The worker's store on a real SQLite file: what is saved comes back, every change is logged."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from assessor import example
from assessor.person_file import PersonFile
from assessor.record import (
    PERSON_FIELDS,
    ConsentHow,
    Contact,
    ContactPreference,
    ConversationKind,
    Entry,
    Followed,
    InformationFormat,
    Person,
    PersonWhoMatters,
    Place,
    Relationship,
    Route,
)
from db.rows import NotFound
from db.store import Store
from tests.kit.raw_sql import StoreSQL
from tests.kit.stores import StorePlace

WORKER = "Test Worker"
TODAY = date(2026, 11, 23)


def _every_field_person() -> Person:
    return Person(
        preferred_name="Peggy",
        presenting_problem="Since my fall I'm frightened of the stairs.",
        first_names="Margaret Ann",
        family_name="Okafor",
        other_names="Maggie",
        date_of_birth=date(1941, 3, 14),
        nhs_number=example.nhs_number_in_test_range(100),
        address="14 Larkspur Row, Fernley",
        postcode="LS6 9ZX",
        phone="0113 496 0101",
        email="peggy@example.org",
        contact_preference=ContactPreference.PHONE,
        communication_needs="Hard of hearing in her left ear.",
        information_format=InformationFormat.INTERPRETER,
        interpreter_language="Yoruba",
        consent_to_record=True,
        consent_to_share=False,
        share_with="Her GP",
        consent_date=date(2026, 11, 11),
        consent_how=ConsentHow.BY_PHONE,
        route=Route.FAMILY_OR_FRIEND,
        route_detail="Her daughter rang the contact centre.",
        people_who_matter=[
            PersonWhoMatters(
                "Grace Okafor",
                Relationship.FAMILY,
                "Daughter",
                phone="07700 900101",
                email="grace@example.org",
                is_carer=True,
                notes="Visits twice a week.",
            )
        ],
    )


def _contact(store: Store, person_id: str, on: date, **kw: object) -> Contact:
    return store.add_contact(Contact(person_id=person_id, on=on, **kw))  # type: ignore[arg-type]


# --- people -----------------------------------------------------------------------------------


def test_every_page_one_field_survives_a_round_trip(store: Store) -> None:
    """What the worker saves on page one is what they see next time, with the same types."""
    original = _every_field_person()
    added = store.add_person(original)
    read = store.person(added.id)
    for name in sorted(PERSON_FIELDS):
        assert getattr(read, name) == getattr(original, name), name
    assert isinstance(read.contact_preference, ContactPreference)
    assert isinstance(read.information_format, InformationFormat)
    assert isinstance(read.consent_how, ConsentHow)
    assert isinstance(read.route, Route)
    assert type(read.date_of_birth) is date
    assert read.consent_to_share is False  # not None: "no" is an answer
    (who,) = read.people_who_matter
    assert (who.name, who.relationship, who.relationship_detail) == (
        "Grace Okafor",
        Relationship.FAMILY,
        "Daughter",
    )
    assert (who.phone, who.email, who.is_carer, who.notes) == (
        "07700 900101",
        "grace@example.org",
        True,
        "Visits twice a week.",
    )


def test_unanswered_fields_come_back_empty_not_as_false(store: Store) -> None:
    """Consent not yet asked stays unknown (None), and optional text stays empty."""
    added = store.add_person(Person("Tomek", "The flat is too much."))
    assert added.consent_to_record is None
    assert added.consent_to_share is None
    assert added.date_of_birth is None
    assert added.contact_preference is None
    assert added.family_name == ""
    assert added.people_who_matter == []


def test_new_person_is_stamped_with_worker_and_first_revision(store: Store) -> None:
    """Every row says who made it, when (UTC) and its revision."""
    added = store.add_person(_every_field_person())
    assert added.stamp is not None
    assert added.stamp.updated_by == WORKER
    assert added.stamp.revision == 1
    assert added.stamp.created_at == added.stamp.updated_at
    assert added.stamp.created_at.utcoffset() is not None
    assert added.people_who_matter[0].stamp is not None
    assert added.people_who_matter[0].stamp.updated_by == WORKER


def test_ids_made_here_are_uuids(store: Store) -> None:
    """Ids are UUIDs made on the laptop, so two laptops never clash when they sync."""
    added = store.add_person(_every_field_person())
    contact = _contact(store, added.id, TODAY, kind=ConversationKind.CONNECT)
    store.set_entry(contact.id, "what_matters", Entry("Chapel.", own_words=True))
    made = [added.id, added.people_who_matter[0].id, contact.id, *store.entry_ids([contact.id])]
    assert len(made) == 4
    for value in made:
        assert uuid.UUID(value).version == 4


def test_update_person_changes_the_field_and_logs_only_it(
    store_place: StorePlace, store: Store
) -> None:
    """An edit bumps the revision, is stamped by whoever made it and logs just what changed."""
    added = store.add_person(_every_field_person())
    other = store_place.open("Second Worker")
    try:
        other.update_person(
            added.id,
            {"postcode": "LS6 1AB", "contact_preference": ContactPreference.EMAIL},
        )
    finally:
        other.close()

    read = store.person(added.id)
    assert read.postcode == "LS6 1AB"
    assert read.contact_preference is ContactPreference.EMAIL
    assert read.family_name == "Okafor"
    assert read.stamp is not None and added.stamp is not None
    assert read.stamp.revision == 2
    assert read.stamp.updated_by == "Second Worker"
    assert read.stamp.created_at == added.stamp.created_at

    first, last = store.history([added.id])
    assert first.operation == "insert"
    assert first.changes["family_name"] == "Okafor"
    assert last.operation == "update"
    assert last.table == "people"
    assert last.changes == {"postcode": "LS6 1AB", "contact_preference": "email"}
    assert last.revision == read.stamp.revision
    assert last.changed_at == read.stamp.updated_at
    assert last.changed_by == "Second Worker"


def test_update_logs_dates_as_iso_text(store: Store) -> None:
    """Dates in the change log are ISO text, so the log can be sent as JSON."""
    added = store.add_person(Person("Des", "Going home Friday."))
    store.update_person(added.id, {"date_of_birth": date(1958, 11, 2)})
    assert store.person(added.id).date_of_birth == date(1958, 11, 2)
    assert store.history([added.id])[-1].changes == {"date_of_birth": "1958-11-02"}


def test_saving_without_a_change_writes_nothing(store: Store) -> None:
    """Saving a form unchanged does not bump the revision or add to the sync log."""
    added = store.add_person(Person("Des", "Going home Friday."))
    store.update_person(added.id, {"preferred_name": "Des"})
    assert store.person(added.id).stamp.revision == 1  # type: ignore[union-attr]
    assert len(store.history([added.id])) == 1


def test_update_with_an_unknown_field_changes_nothing(store: Store) -> None:
    """A bad field name is refused before anything is written, even the good fields."""
    added = store.add_person(Person("Des", "Going home Friday."))
    with pytest.raises(ValueError, match="shoe_size"):
        store.update_person(added.id, {"preferred_name": "Desmond", "shoe_size": 9})
    with pytest.raises(ValueError, match="id"):
        store.update_person(added.id, {"id": "something-else"})
    read = store.person(added.id)
    assert read.preferred_name == "Des"
    assert read.stamp.revision == 1  # type: ignore[union-attr]
    assert len(store.history([added.id])) == 1


def test_findable_people_and_count(store: Store) -> None:
    """Search is fed every person's names, NHS number, postcode and birthday."""
    added = store.add_person(_every_field_person())
    store.add_person(Person("Tomek", "The flat is too much.", family_name="Nowak"))
    assert len(store.findable_people()) == 2
    (peggy,) = [p for p in store.findable_people() if p.id == added.id]
    assert (peggy.preferred_name, peggy.first_names, peggy.family_name) == (
        "Peggy",
        "Margaret Ann",
        "Okafor",
    )
    assert peggy.other_names == "Maggie"
    assert peggy.nhs_number == "9990001006"
    assert peggy.postcode == "LS6 9ZX"
    assert peggy.date_of_birth == date(1941, 3, 14)


# --- people who matter ------------------------------------------------------------------------


def test_people_who_matter_can_be_added_and_changed(store: Store) -> None:
    """Adding someone later and editing them shows on the person's page one."""
    person = store.add_person(Person("Win", "Everyone says I should move."))
    who = store.add_person_who_matters(person.id, PersonWhoMatters("Colin", Relationship.FAMILY))
    assert who.id
    store.update_person_who_matters(who.id, {"relationship_detail": "Nephew", "is_carer": True})
    (read,) = store.person(person.id).people_who_matter
    assert (read.id, read.name, read.relationship_detail, read.is_carer) == (
        who.id,
        "Colin",
        "Nephew",
        True,
    )
    assert read.stamp is not None and read.stamp.revision == 2
    assert store.history([who.id])[-1].changes == {
        "relationship_detail": "Nephew",
        "is_carer": True,
    }


def test_removing_a_person_who_matters_leaves_a_tombstone(store: Store, raw: StoreSQL) -> None:
    """Removal hides them but keeps the row marked deleted, so the removal can sync."""
    person = store.add_person(Person("Win", "Everyone says I should move."))
    colin = store.add_person_who_matters(person.id, PersonWhoMatters("Colin"))
    dot = store.add_person_who_matters(person.id, PersonWhoMatters("Dot", Relationship.FRIEND))

    store.remove_person_who_matters(colin.id)

    assert [w.name for w in store.person(person.id).people_who_matter] == ["Dot"]
    assert raw.rows("SELECT name, deleted FROM people_who_matter WHERE id = :id", id=colin.id) == [
        ("Colin", 1)
    ]
    removal = store.history([colin.id])[-1]
    assert removal.operation == "delete"
    assert removal.revision == 2
    assert removal.changes == {"deleted": True}
    assert store.person(person.id).people_who_matter[0].id == dot.id


def test_a_removed_person_who_matters_cannot_be_edited_or_removed_again(store: Store) -> None:
    """A tombstone is not brought back by a late edit."""
    person = store.add_person(Person("Win", "Everyone says I should move."))
    colin = store.add_person_who_matters(person.id, PersonWhoMatters("Colin"))
    store.remove_person_who_matters(colin.id)
    with pytest.raises(NotFound):
        store.update_person_who_matters(colin.id, {"name": "Colin Ashby"})
    with pytest.raises(NotFound):
        store.remove_person_who_matters(colin.id)


def test_person_who_matters_with_unknown_field_is_refused(store: Store) -> None:
    """Only the fields a person who matters has can be changed."""
    person = store.add_person(Person("Win", "Everyone says I should move."))
    colin = store.add_person_who_matters(person.id, PersonWhoMatters("Colin"))
    with pytest.raises(ValueError, match="person_id"):
        store.update_person_who_matters(colin.id, {"person_id": "someone-else"})


# --- contacts and conversations ---------------------------------------------------------------


def test_contacts_are_a_timeline_newest_first(store: Store) -> None:
    """Whatever order contacts are recorded in, the timeline shows the newest first."""
    person = store.add_person(Person("Peggy", "Frightened of the stairs."))
    _contact(store, person.id, date(2026, 10, 1))
    _contact(store, person.id, date(2026, 11, 20))
    _contact(store, person.id, date(2026, 9, 5))
    assert [c.on for c in store.contacts(person.id)] == [
        date(2026, 11, 20),
        date(2026, 10, 1),
        date(2026, 9, 5),
    ]


def test_contact_round_trip_and_update(store: Store) -> None:
    """Place, kind, worker and what followed are kept, and can be changed."""
    person = store.add_person(Person("Peggy", "Frightened of the stairs."))
    added = _contact(
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
    contact = _contact(store, person.id, TODAY, kind=ConversationKind.CONNECT)
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
    contact = _contact(store, person.id, TODAY)
    store.set_entry(contact.id, "what_matters", Entry(said, own_words=True))
    assert store.conversation(contact.id).entries["what_matters"] == Entry(said, own_words=True)
    assert store.conversation(contact.id).text("what_matters") == said


def test_unknown_topic_is_refused_and_nothing_written(store: Store) -> None:
    """Page two only has the known topics; a typo in a topic code is an error."""
    person = store.add_person(Person("Des", "Going home Friday."))
    contact = _contact(store, person.id, TODAY)
    with pytest.raises(ValueError, match="wat_matters"):
        store.set_entry(contact.id, "wat_matters", Entry("Home."))
    assert store.conversation(contact.id).entries == {}
    assert store.entry_ids([contact.id]) == []


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
    added = first.add_person(_every_field_person())
    first.close()
    second = store_place.open(WORKER)
    try:
        assert second.person(added.id).presenting_problem == added.presenting_problem
    finally:
        second.close()
