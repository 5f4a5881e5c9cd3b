"""Operations on people: adding them (one, or whole files from an import), page one, and the
people who matter to them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from assessor.conflicts import revised, revision_of
from assessor.operations.op_changes import NOTHING_CHANGED, OpChanges, OpResult, RecordKind
from assessor.record import PERSON_WHO_MATTERS_FIELDS, Person, PersonWhoMatters

if TYPE_CHECKING:
    from assessor.operations.store_port import Changes, PeopleRecords
    from assessor.person_file import PersonFile

EVERY_KIND = tuple(RecordKind)


def _person(person_id: str) -> OpChanges:
    return OpChanges.of([person_id], RecordKind.PERSON)


def add_person(store: PeopleRecords, person: Person) -> OpResult[Person]:
    """A new person on the caseload, with what page one holds so far."""
    added = store.add_person(person)
    return OpResult(added, _person(added.id))


def add_files(store: PeopleRecords, files: Iterable[PersonFile]) -> OpResult[list[str]]:
    """Whole records at once (an import, the example caseload); people already held are
    skipped, so running it twice adds nothing and reports nothing."""
    added = store.add_files(files)
    changes = OpChanges.of(added, *EVERY_KIND) if added else NOTHING_CHANGED
    return OpResult(added, changes)


def update_person(
    store: PeopleRecords, person_id: str, changes: Changes, based_on: int | None
) -> OpResult[int]:
    """Page one's fields, as autosave collects them; returns the new revision."""
    return OpResult(store.update_person(person_id, changes, based_on), _person(person_id))


def add_person_who_matters(
    store: PeopleRecords, person_id: str, who: PersonWhoMatters
) -> OpResult[PersonWhoMatters]:
    return OpResult(store.add_person_who_matters(person_id, who), _person(person_id))


def change_person_who_matters(
    store: PeopleRecords, person_id: str, who: PersonWhoMatters, new: PersonWhoMatters
) -> OpResult[PersonWhoMatters]:
    """`who` as it was shown, changed to `new`'s fields; refused if it changed elsewhere."""
    changes = {name: getattr(new, name) for name in PERSON_WHO_MATTERS_FIELDS}
    revision = store.update_person_who_matters(who.id, changes, revision_of(who))
    new.id, new.stamp = who.id, revised(who, revision).stamp
    return OpResult(new, _person(person_id))


def remove_person_who_matters(store: PeopleRecords, person_id: str, who_id: str) -> OpResult[None]:
    store.remove_person_who_matters(who_id)
    return OpResult(None, _person(person_id))
