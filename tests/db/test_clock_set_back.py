"""A laptop whose clock is set back: what is recorded afterwards still comes after what was
recorded before, and the store can say how late its records were stamped."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from assessor.person_file import PersonFile
from assessor.record import Contact, Person
from db.store import Store
from tests.kit.stores import StorePlace

RIGHT = datetime(2026, 12, 5, 10, 30)  # UTC, as the store stamps
BEHIND = RIGHT - timedelta(days=400)


class Clock:
    """The store's clock, which the test sets back as someone might the laptop's."""

    def __init__(self) -> None:
        self.now = RIGHT

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(store_place: StorePlace, clock: Clock) -> Iterator[Store]:
    opened = store_place.open("Sam Patel", clock=clock)
    yield opened
    opened.close()


def test_of_two_contacts_on_one_day_the_one_recorded_later_comes_first(
    store: Store, clock: Clock
) -> None:
    person = store.add_person(Person("Peggy", "Frightened of the stairs."))
    morning = store.add_contact(Contact(person.id, date(2026, 12, 5)))
    clock.now = BEHIND
    afternoon = store.add_contact(Contact(person.id, date(2026, 12, 5)))
    assert afternoon.stamp is not None and afternoon.stamp.created_at < RIGHT.replace(tzinfo=UTC)
    assert [c.id for c in store.contacts(person.id)] == [afternoon.id, morning.id]


def test_contacts_know_the_order_they_were_recorded_in_whatever_their_dates(
    store: Store, clock: Clock
) -> None:
    person = store.add_person(Person("Peggy", "Frightened of the stairs."))
    before = store.add_contact(Contact(person.id, date(2026, 12, 1)))
    clock.now = BEHIND
    today = store.add_contact(Contact(person.id, BEHIND.date()))  # dated by the wrong clock
    timeline = store.contacts(person.id)
    assert [c.id for c in timeline] == [before.id, today.id]  # by date, as the worker sees them
    assert timeline[1].recorded_order > timeline[0].recorded_order
    assert today.recorded_order == timeline[1].recorded_order


def test_the_newest_stamp_is_the_latest_ever_given_not_the_last(store: Store, clock: Clock) -> None:
    assert store.newest_stamp() is None
    person = store.add_person(Person("Peggy", "Frightened of the stairs."))
    clock.now = BEHIND
    store.update_person(person.id, {"phone": "07700 900123"})
    assert store.newest_stamp() == RIGHT.replace(tzinfo=UTC)


def test_a_whole_file_is_recorded_in_the_order_of_its_dates(store: Store) -> None:
    """A file lists its contacts newest first; stored at once, the newest is recorded last."""
    days = [date(2026, 11, day) for day in (20, 3, 28, 11)]
    contacts = [Contact("", day, id=f"contact-{day.day}") for day in days]
    (peggy,) = store.add_files([PersonFile(Person("Peggy", "Stairs"), contacts, {})])
    timeline = store.contacts(peggy)
    assert [c.on for c in timeline] == sorted(days, reverse=True)
    assert [c.recorded_order for c in timeline] == sorted(
        (c.recorded_order for c in timeline), reverse=True
    )
