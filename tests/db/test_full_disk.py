"""A nearly full disk: a plain message, nothing half-written, and a store that opens once space
is freed. The disk is a real 2 MB tmpfs, so writes past it really fail."""

from __future__ import annotations

import shutil
import traceback
from pathlib import Path

import pytest

from db.backups import backups, is_whole
from db.connection import raw_connection, store_path
from db.migrate import HEAD_REVISION, stored_revision
from db.problems import NotEnoughSpace
from db.store import Store
from tests.db.conftest import SmallDisk
from tests.db.test_upgrade_kills import SCHEMA_0001, rows_of_the_first_schema

pytestmark = pytest.mark.sqlite_only  # the SQLite file on a full disk

KIB = 1024


def contents(path: Path) -> list[str]:
    with raw_connection(path) as connection:
        return list(connection.iterdump())


def store_0001_on(disk: SmallDisk) -> Path:
    data_dir = disk.path / "data"
    data_dir.mkdir()
    shutil.copyfile(SCHEMA_0001, store_path(data_dir))
    return data_dir


def files_in(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.exists() else []


def opens_at_head_with_everyone(data_dir: Path) -> None:
    Store.open(data_dir, "Test Worker").close()
    path = store_path(data_dir)
    assert stored_revision(path) == HEAD_REVISION
    assert rows_of_the_first_schema(path) == rows_of_the_first_schema(SCHEMA_0001)
    (backup,) = backups(path)
    assert is_whole(backup.path, "0001")


def test_an_upgrade_on_a_nearly_full_disk_is_not_started_and_says_how_much_is_needed(
    small_disk: SmallDisk,
) -> None:
    data_dir = store_0001_on(small_disk)
    filler = small_disk.fill(leaving=64 * KIB)

    with pytest.raises(NotEnoughSpace) as caught:
        Store.open(data_dir, "Test Worker")

    message = str(caught.value)
    assert message.startswith("There is not enough free space to bring your records up to date")
    assert " MB free on the disk holding " in message
    assert "Nothing has been changed." in message
    assert contents(store_path(data_dir)) == contents(SCHEMA_0001)
    assert files_in(data_dir / "backups") == []
    filler.unlink()
    opens_at_head_with_everyone(data_dir)


def test_a_new_store_on_a_nearly_full_disk_is_not_started_and_leaves_no_empty_file(
    small_disk: SmallDisk,
) -> None:
    data_dir = small_disk.path / "new"
    filler = small_disk.fill(leaving=64 * KIB)

    with pytest.raises(NotEnoughSpace, match="not enough free space to make a new set"):
        Store.open(data_dir, "Test Worker", create=True)

    assert files_in(data_dir) == []
    filler.unlink()
    Store.open(data_dir, "Test Worker", create=True).close()
    assert stored_revision(store_path(data_dir)) == HEAD_REVISION


@pytest.mark.parametrize(
    ("leaving", "fills_in"),
    [
        pytest.param(40 * KIB, "make_backup", id="during the copy"),
        pytest.param(160 * KIB, "run_migrations", id="during the upgrade"),
    ],
)
def test_a_disk_that_fills_part_way_leaves_nothing_half_written(
    small_disk: SmallDisk, leaving: int, fills_in: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Were the check before starting fooled, the real writes still fail cleanly: no partial
    or empty copy, the store as it was, and an upgrade once space is freed."""
    monkeypatch.setattr("db.space.free_bytes", lambda _folder: 1 << 40)
    data_dir = store_0001_on(small_disk)
    filler = small_disk.fill(leaving=leaving)

    with pytest.raises(NotEnoughSpace, match=r"is full\. Nothing has been changed\.") as caught:
        Store.open(data_dir, "Test Worker")

    disk_error = caught.value.__cause__
    assert fills_in in [frame.name for frame in traceback.extract_tb(disk_error.__traceback__)]

    assert contents(store_path(data_dir)) == contents(SCHEMA_0001)
    assert files_in(data_dir / "backups") == []
    filler.unlink()
    opens_at_head_with_everyone(data_dir)
