"""People and page one: each operation changes the store and says which person changed."""

from __future__ import annotations

from datetime import date

from assessor.example import example_caseload
from assessor.operations.op_changes import NOTHING_CHANGED, OpChanges, RecordKind
from assessor.operations.people import (
    add_files,
    add_person,
    add_person_who_matters,
    change_person_who_matters,
    remove_person_who_matters,
    update_person,
)
from assessor.record import Person, PersonWhoMatters, Relationship
from db.store import Store


def test_adding_a_person_reports_them(store: Store) -> None:
    result = add_person(store, Person("Priya", "Managing her medication"))
    assert store.person(result.value.id).preferred_name == "Priya"
    assert result.changes == OpChanges.of([result.value.id], RecordKind.PERSON)


def test_adding_files_reports_everyone_added_and_nothing_the_second_time(store: Store) -> None:
    first = add_files(store, example_caseload(date.today()))
    assert len(first.value) == 7
    assert first.changes.people == frozenset(first.value)
    assert first.changes.touches(RecordKind.GOAL, RecordKind.CARER)
    again = add_files(store, example_caseload(date.today()))
    assert again.value == []
    assert again.changes == NOTHING_CHANGED


def test_page_one_changes_report_the_person(store: Store, person_id: str) -> None:
    revision = store.person(person_id).stamp.revision
    result = update_person(store, person_id, {"postcode": "CV1 1AA"}, revision)
    assert store.person(person_id).postcode == "CV1 1AA"
    assert result.value == store.person(person_id).stamp.revision
    assert result.changes == OpChanges.of([person_id], RecordKind.PERSON)


def test_the_people_who_matter_are_added_changed_and_removed(store: Store, person_id: str) -> None:
    added = add_person_who_matters(store, person_id, PersonWhoMatters("Jean", Relationship.FRIEND))
    assert added.changes == OpChanges.of([person_id], RecordKind.PERSON)
    changed = change_person_who_matters(
        store, person_id, added.value, PersonWhoMatters("Jean Lowe", Relationship.FAMILY)
    )
    (shown,) = store.person(person_id).people_who_matter
    assert (shown.name, shown.id) == ("Jean Lowe", added.value.id)
    assert changed.value.stamp.revision == shown.stamp.revision
    assert changed.changes.touches_person(person_id)
    removed = remove_person_who_matters(store, person_id, added.value.id)
    assert store.person(person_id).people_who_matter == []
    assert removed.changes == OpChanges.of([person_id], RecordKind.PERSON)
