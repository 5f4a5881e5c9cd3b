"""The frozen expectations the upgrade tests compare with: one per fixture, and a comparison
that catches a changed word and says where."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor.example import example_id
from assessor.record import Entry
from db.store import Store
from tests.fixtures.frozen import (
    FIXTURES,
    assert_files_as_frozen,
    copy_into,
    expectation_path,
    first_difference,
)

SCHEMA_0005 = FIXTURES / "store-schema-0005.sqlite"


def test_every_fixture_has_its_frozen_expectation_beside_it() -> None:
    fixtures = sorted(FIXTURES.glob("store-schema-*.sqlite"))
    assert len(fixtures) >= 5
    assert [f.name for f in fixtures if not expectation_path(f).exists()] == []


def test_one_word_changed_in_an_upgraded_store_is_the_difference_named(tmp_path: Path) -> None:
    """Were a migration to change what Peggy said, the comparison fails and says where."""
    store = Store.open(copy_into(SCHEMA_0005, tmp_path), "Test Worker")
    try:
        said = Entry("Chapel, my garden, and not being a burden on Grace!", own_words=True)
        store.set_entry(example_id("peggy-2"), "what_matters", said)
        with pytest.raises(AssertionError) as caught:
            assert_files_as_frozen(store, SCHEMA_0005)
    finally:
        store.close()
    assert "Peggy Okafor.contacts[0].conversation.what_matters.text is" in str(caught.value)
    assert 'expected "Chapel, my garden, and not being a burden on Grace."' in str(caught.value)


@pytest.mark.parametrize(
    ("expected", "held", "difference"),
    [
        ({"a": [1, 2]}, {"a": [1, 2]}, None),
        ({"a": [1, 2]}, {"a": [1, 3]}, "Win.a[1] is 3; expected 2"),
        ({"a": [1, 2]}, {"a": [1]}, "Win.a has 1 items; expected 2"),
        ({"a": 1, "b": 2}, {"a": 1}, "Win.b is missing; expected 2"),
        ({"a": 1}, {"a": 1, "b": None}, "Win.b was not expected; found null"),
        ({"a": 1}, {"a": True}, "Win.a is true; expected 1"),
    ],
)
def test_the_first_difference_is_told_plainly(
    expected: object, held: object, difference: str | None
) -> None:
    assert first_difference(expected, held, "Win") == difference
