"""Recording that a format a printer cannot make was arranged: how, and the day."""

from __future__ import annotations

from datetime import date

import pytest

from assessor.conflicts import EditConflict
from assessor.operations.arranged import record_arranged
from assessor.operations.op_changes import RecordKind
from assessor.validation import InvalidInput
from db.store import Store

ON = date(2026, 11, 23)


def test_how_and_when_it_was_arranged_are_stored(store: Store, person_id: str) -> None:
    based_on = store.person(person_id).stamp.revision  # type: ignore[union-attr]
    result = record_arranged(store, person_id, "  Braille copy ordered.  ", ON, based_on)
    person = store.person(person_id)
    assert (person.format_arranged, person.format_arranged_on) == ("Braille copy ordered.", ON)
    assert result.value == person.stamp.revision  # type: ignore[union-attr]
    assert result.changes.people == {person_id} and RecordKind.PERSON in result.changes.kinds


@pytest.mark.parametrize("how", ["", "   ", "x" * 1_001])
def test_nothing_said_or_too_much_is_refused(store: Store, person_id: str, how: str) -> None:
    with pytest.raises(InvalidInput):
        record_arranged(store, person_id, how, ON, None)
    assert store.person(person_id).format_arranged_on is None


def test_a_record_changed_meanwhile_is_not_written_over(store: Store, person_id: str) -> None:
    old = store.person(person_id).stamp.revision  # type: ignore[union-attr]
    store.update_person(person_id, {"phone": "0113 496 0999"}, old)
    with pytest.raises(EditConflict):
        record_arranged(store, person_id, "Audio CD ordered", ON, old)
