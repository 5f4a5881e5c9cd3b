"""Page one on a real store: every field comes back as saved and stamped; changes are logged."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from assessor.changes import natural_id
from assessor.record import (
    PERSON_FIELDS,
    ConsentHow,
    ContactPreference,
    ConversationKind,
    Entry,
    InformationFormat,
    Person,
    PersonWhoMatters,
    Relationship,
    Route,
)
from db.rows import NotFound
from db.store import Store
from tests.db.store_kit import add_contact, every_field_person
from tests.kit.raw_sql import StoreSQL
from tests.kit.stores import StorePlace

WORKER = "Test Worker"
TODAY = date(2026, 11, 23)


# --- people -----------------------------------------------------------------------------------


def test_every_page_one_field_survives_a_round_trip(store: Store) -> None:
    """What the worker saves on page one is what they see next time, with the same types."""
    original = every_field_person()
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
    added = store.add_person(every_field_person())
    assert added.stamp is not None
    assert added.stamp.updated_by == WORKER
    assert added.stamp.revision == 1
    assert added.stamp.created_at == added.stamp.updated_at
    assert added.stamp.created_at.utcoffset() is not None
    assert added.people_who_matter[0].stamp is not None
    assert added.people_who_matter[0].stamp.updated_by == WORKER


def test_ids_made_here_are_uuids(store: Store) -> None:
    """Ids are UUIDs made on the laptop, so two laptops never clash when they sync; an answer,
    identified by its contact and topic, has the id those make on every laptop."""
    added = store.add_person(every_field_person())
    contact = add_contact(store, added.id, TODAY, kind=ConversationKind.CONNECT)
    store.set_entry(contact.id, "what_matters", Entry("Chapel.", own_words=True))
    made = [added.id, added.people_who_matter[0].id, contact.id]
    (entry_id,) = store.entry_ids([contact.id])
    assert len(set(made)) == 3
    for value in made:
        assert uuid.UUID(value).version == 4
    assert entry_id == natural_id("conversation_entries", contact.id, "what_matters")
    assert uuid.UUID(entry_id).version == 5


def test_update_person_changes_the_field_and_logs_only_it(
    store_place: StorePlace, store: Store
) -> None:
    """An edit bumps the revision, is stamped by whoever made it and logs just what changed."""
    added = store.add_person(every_field_person())
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
    added = store.add_person(every_field_person())
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


def test_removing_a_person_who_matters_leaves_a_tombstone(raw: StoreSQL, store: Store) -> None:
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
