"""A real store on a temporary file, with one fictional person on it, for the operations."""

from __future__ import annotations

import pytest

from assessor.operations.people import add_person
from assessor.record import Person
from db.store import Store


@pytest.fixture
def person_id(store: Store) -> str:
    return add_person(store, Person("Reg", "Getting upstairs", family_name="Lowe")).value.id
