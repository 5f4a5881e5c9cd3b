"""Recording that a format a printer cannot make (braille, audio, BSL, an interpreter) was
arranged, as the Accessible Information Standard asks: not only what they need, but that they
got it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from assessor.limits import RecordKind as Limited
from assessor.limits import check_length
from assessor.operations.op_changes import OpChanges, OpResult, RecordKind
from assessor.validation import InvalidInput

if TYPE_CHECKING:
    from assessor.operations.store_port import PeopleRecords


def record_arranged(
    store: PeopleRecords, person_id: str, how: str, on: date, based_on: int | None
) -> OpResult[int]:
    """How it was arranged, and the day, on page one; returns the new revision."""
    how = how.strip()
    if not how:
        raise InvalidInput("Say how it was arranged, so whoever sees them next knows.")
    check_length(Limited.PERSON, "format_arranged", how)
    changes = {"format_arranged": how, "format_arranged_on": on}
    revision = store.update_person(person_id, changes, based_on)
    return OpResult(revision, OpChanges.of([person_id], RecordKind.PERSON))
