"""Copies kept before upgrades: never overwritten, bounded, and put back when an upgrade cannot
go on from what an earlier version left half-done."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from db.backups import KEEP, backups, is_whole, make_backup
from db.connection import raw_connection, store_path
from db.migrate import HEAD_REVISION, stored_revision
from db.problems import StoreProblem
from db.store import Store
from tests.db.test_upgrade_kills import SCHEMA_0001, rows_of_the_first_schema

pytestmark = pytest.mark.sqlite_only  # copies of the SQLite file

MORNING = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def frozen(at: datetime = MORNING) -> datetime:
    return at


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    """A data folder holding a copy of the schema-0001 fixture."""
    shutil.copyfile(SCHEMA_0001, store_path(tmp_path))
    yield tmp_path


def half_upgrade(path: Path) -> None:
    """What a kill left before upgrades were one transaction: goals made, version unchanged."""
    with raw_connection(path) as connection:
        connection.execute("CREATE TABLE goals (id VARCHAR(36) PRIMARY KEY)")


def contents(path: Path) -> list[str]:
    with raw_connection(path) as connection:
        return list(connection.iterdump())


def files_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def test_copies_made_in_the_same_second_each_keep_their_own_name(data_dir: Path) -> None:
    """With the clock frozen, the second copy does not replace the first."""
    path = store_path(data_dir)
    first = make_backup(path, "0001", MORNING)
    second = make_backup(path, "0001", MORNING)
    assert first.path != second.path
    assert files_in(data_dir / "backups") == [
        "assessor-schema-0001-20261123T090000Z-2.sqlite",
        "assessor-schema-0001-20261123T090000Z.sqlite",
    ]
    assert is_whole(first.path, "0001") and is_whole(second.path, "0001")
    assert [b.path for b in backups(path)] == [second.path, first.path]


def test_a_half_upgraded_store_is_put_back_from_its_copy_and_the_worker_is_told(
    data_dir: Path,
) -> None:
    """The copy kept before the killed upgrade is upgraded and takes the store's place.

    This start's own copy (of the half-upgraded store) has the same name stamp as the good
    one, as it would with a frozen clock: the good copy must survive it, and the store that
    would not upgrade is kept too.
    """
    path = store_path(data_dir)
    good = make_backup(path, "0001", MORNING)
    good_bytes = good.path.read_bytes()
    half_upgrade(path)
    told: list[str] = []

    Store.open(data_dir, "Test Worker", notify=told.append, clock=frozen).close()

    assert stored_revision(path) == HEAD_REVISION
    assert rows_of_the_first_schema(path) == rows_of_the_first_schema(SCHEMA_0001)
    (message,) = told
    assert "put back the copy it kept on 23 Nov 2026 at" in message
    assert "could-not-be-updated" in message and "SQL" not in message
    assert good.path.read_bytes() == good_bytes
    assert files_in(data_dir / "backups") == [
        "assessor-schema-0001-20261123T090000Z-2-could-not-be-updated.sqlite",
        "assessor-schema-0001-20261123T090000Z.sqlite",
    ]
    # And the next start opens the store as it is, telling nothing.
    Store.open(data_dir, "Test Worker", notify=told.append).close()
    assert len(told) == 1


def test_with_no_good_copy_a_half_upgraded_store_is_left_alone_and_starts_add_no_copies(
    data_dir: Path,
) -> None:
    path = store_path(data_dir)
    half_upgrade(path)
    before = contents(path)

    for _ in range(2):
        with pytest.raises(StoreProblem) as caught:
            Store.open(data_dir, "Test Worker", clock=frozen)
        assert "could not be brought up to date" in str(caught.value)
        assert "Nothing has been changed" in str(caught.value)

    assert contents(path) == before
    assert files_in(data_dir / "backups") == []


def test_the_last_five_copies_are_kept_and_always_the_one_just_made(data_dir: Path) -> None:
    """Seven upgrades' copies from a year ahead (a clock set back since): the copy made now,
    though its name is the oldest, stays with the four newest of the rest."""
    path = store_path(data_dir)
    ahead = [make_backup(path, "0001", MORNING + timedelta(days=365, hours=h)) for h in range(7)]

    Store.open(data_dir, "Test Worker", clock=frozen).close()

    kept = files_in(data_dir / "backups")
    assert len(kept) == KEEP
    assert "assessor-schema-0001-20261123T090000Z.sqlite" in kept
    assert [b.path.name for b in ahead[-4:]] == sorted(kept)[1:]
