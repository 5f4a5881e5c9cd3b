"""What every kind of record must do, checked once per kind (`record_kinds.KINDS`): stamps from
the store's clock and worker, a revision that counts changes, a tombstone instead of a delete,
one change-log entry per change, a refusal for an edit based on a stale revision, and a change
made elsewhere applied with its own stamps and logged once, never again under this worker."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from assessor.changes import RecordChange
from assessor.conflicts import ChangeConflict, EditConflict
from db.store import Store
from tests.db.record_kinds import KINDS, Kind, World, world

WORKER = "Priya Shah"
ELSEWHERE = "Tom Reid (hub)"
FIRST = datetime(2026, 11, 23, 9, 30)  # UTC, as the store's clock gives it
LATER = FIRST + timedelta(hours=2)

UPDATED = [kind for kind in KINDS if kind.update is not None]
REMOVED = [kind for kind in KINDS if kind.remove is not None]


class Clock:
    def __init__(self) -> None:
        self.now = FIRST

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def stamped(store: Store, clock: Clock) -> Store:
    """The fixture's store, built again with this test's clock and worker."""
    return Store(store.engine, WORKER, clock)


@pytest.fixture
def at(stamped: Store) -> World:
    return world(stamped)


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC)


def _from_elsewhere(held: RecordChange, kind: Kind, at: datetime, based_on: int) -> RecordChange:
    field, value = kind.elsewhere
    return replace(
        held,
        fields={**held.fields, field: value},
        updated_at=_utc(at),
        updated_by=ELSEWHERE,
        revision=based_on + 1,
        based_on=based_on,
    )


def _logged(store: Store, row_id: str) -> list[tuple[int, str, datetime, str]]:
    return [
        (change.revision, change.operation, change.changed_at, change.changed_by)
        for change in store.history([row_id])
    ]


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_adding_stamps_it_with_the_stores_clock_and_worker(
    stamped: Store, at: World, kind: Kind
) -> None:
    row_id = kind.add(stamped, at)
    held = stamped.record_state(kind.name, row_id)
    assert (held.created_at, held.updated_at) == (_utc(FIRST), _utc(FIRST))
    assert (held.updated_by, held.revision, held.deleted) == (WORKER, 1, False)
    assert held.based_on == 0  # the hub has none of it yet
    assert kind.seen(stamped, at, row_id) == 1
    assert _logged(stamped, row_id) == [(1, "insert", _utc(FIRST), WORKER)]


@pytest.mark.parametrize("kind", UPDATED, ids=str)
def test_an_update_counts_a_revision_and_is_logged_once(
    stamped: Store, at: World, clock: Clock, kind: Kind
) -> None:
    assert kind.update is not None
    row_id = kind.add(stamped, at)
    clock.now = LATER
    assert kind.update(stamped, at, row_id, 1) == 2
    held = stamped.record_state(kind.name, row_id)
    assert (held.created_at, held.updated_at) == (_utc(FIRST), _utc(LATER))
    assert (held.updated_by, held.revision) == (WORKER, 2)
    assert kind.seen(stamped, at, row_id) == 2
    assert _logged(stamped, row_id) == [
        (1, "insert", _utc(FIRST), WORKER),
        (2, "update", _utc(LATER), WORKER),
    ]


@pytest.mark.parametrize("kind", UPDATED, ids=str)
def test_an_update_based_on_a_stale_revision_is_refused(
    stamped: Store, at: World, kind: Kind
) -> None:
    assert kind.update is not None
    row_id = kind.add(stamped, at)
    kind.update(stamped, at, row_id, 1)
    before = stamped.record_state(kind.name, row_id)
    with pytest.raises(EditConflict):
        kind.update(stamped, at, row_id, 1)
    assert stamped.record_state(kind.name, row_id) == before
    assert len(_logged(stamped, row_id)) == 2


@pytest.mark.parametrize("kind", REMOVED, ids=str)
def test_removing_leaves_a_tombstone(stamped: Store, at: World, clock: Clock, kind: Kind) -> None:
    assert kind.remove is not None
    row_id = kind.add(stamped, at)
    clock.now = LATER
    kind.remove(stamped, at, row_id)
    held = stamped.record_state(kind.name, row_id)
    assert (held.deleted, held.revision, held.updated_at) == (True, 2, _utc(LATER))
    assert _logged(stamped, row_id)[-1] == (2, "delete", _utc(LATER), WORKER)
    with pytest.raises(LookupError):
        kind.seen(stamped, at, row_id)


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_a_change_made_elsewhere_keeps_its_stamps_and_is_logged_once(
    stamped: Store, at: World, kind: Kind
) -> None:
    row_id = kind.add(stamped, at)
    change = _from_elsewhere(stamped.record_state(kind.name, row_id), kind, LATER, 1)
    assert stamped.apply_change(change)
    assert stamped.record_state(kind.name, row_id) == replace(change, based_on=2)  # hub holds 2
    assert kind.seen(stamped, at, row_id) == 2
    logged = [(1, "insert", _utc(FIRST), WORKER), (2, "update", _utc(LATER), ELSEWHERE)]
    assert _logged(stamped, row_id) == logged
    assert not stamped.apply_change(change)  # held already: nothing changes, nothing logged
    assert _logged(stamped, row_id) == logged


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_a_change_made_elsewhere_from_a_stale_revision_is_refused(
    stamped: Store, at: World, kind: Kind
) -> None:
    row_id = kind.add(stamped, at)
    held = stamped.record_state(kind.name, row_id)
    stamped.apply_change(_from_elsewhere(held, kind, LATER, 1))
    after_first = stamped.record_state(kind.name, row_id)
    rival = _from_elsewhere(held, kind, LATER + timedelta(minutes=5), 1)
    with pytest.raises(ChangeConflict, match="based on revision 1"):
        stamped.apply_change(rival)
    assert stamped.record_state(kind.name, row_id) == after_first
    assert len(_logged(stamped, row_id)) == 2


def test_a_record_new_here_arrives_whole_with_its_own_stamps(stamped: Store, at: World) -> None:
    """A person recorded on another laptop, first seen here at their third revision."""
    theirs = replace(
        stamped.record_state("people", at.person),
        id=str(uuid.uuid4()),
        created_at=_utc(FIRST - timedelta(days=3)),
        updated_at=_utc(LATER),
        updated_by=ELSEWHERE,
        revision=3,
        based_on=2,
    )
    assert stamped.apply_change(theirs)
    assert stamped.record_state("people", theirs.id) == replace(theirs, based_on=3)
    assert stamped.person(theirs.id).display_name == "Ivy Marsh"
    assert _logged(stamped, theirs.id) == [(3, "insert", _utc(LATER), ELSEWHERE)]


def test_a_received_row_edited_here_afterwards_is_stamped_here(
    stamped: Store, at: World, clock: Clock
) -> None:
    change = _from_elsewhere(stamped.record_state("people", at.person), KINDS[0], LATER, 1)
    stamped.apply_change(change)
    clock.now = LATER + timedelta(hours=1)
    assert stamped.update_person(at.person, {"postcode": "LS6 1AB"}, 2) == 3
    assert _logged(stamped, at.person)[-1] == (3, "update", _utc(clock.now), WORKER)
    assert stamped.record_state("people", at.person).based_on == 2  # what the hub holds


def test_a_change_to_a_kind_the_store_does_not_keep_is_refused(stamped: Store, at: World) -> None:
    change = replace(stamped.record_state("people", at.person), kind="drafts")
    with pytest.raises(ValueError, match="drafts"):
        stamped.apply_change(change)
