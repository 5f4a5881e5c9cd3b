"""The store under test on each backend, its raw SQL, and a real, small file system."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from db.store import Store
from tests.kit.raw_sql import StoreSQL
from tests.kit.stores import BACKENDS, StorePlace


@dataclass(frozen=True)
class SmallDisk:
    path: Path

    def fill(self, leaving: int) -> Path:
        """A file taking all but `leaving` bytes of the free space; delete it to free them."""
        filler = self.path / "filler"
        with filler.open("wb") as file:
            file.write(bytes(shutil.disk_usage(self.path).free - leaving))
        return filler


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    """A real 2 MB file system (tmpfs), so that writes past it fail with ENOSPC.

    Mounting needs root, as the tests have here and in CI; elsewhere these tests are skipped.
    """
    if os.geteuid() != 0:
        pytest.skip("mounting a 2 MB tmpfs needs root")
    disk = tmp_path / "small-disk"
    disk.mkdir()
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)],
        check=True,
        capture_output=True,
    )
    try:
        yield SmallDisk(disk)
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test of the store runs on both backends, except those marked `sqlite_only`:
    tests about the SQLite file itself (WAL, backups, a full disk, frozen fixture files)."""
    if "backend" in metafunc.fixturenames:
        only_sqlite = metafunc.definition.get_closest_marker("sqlite_only") is not None
        metafunc.parametrize("backend", BACKENDS[:1] if only_sqlite else BACKENDS)


@pytest.fixture
def store_place(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> StorePlace:
    if backend == "postgresql":
        return StorePlace(backend, tmp_path, request.getfixturevalue("postgres_url"))
    return StorePlace(backend, tmp_path)


@pytest.fixture
def store(store_place: StorePlace) -> Iterator[Store]:
    opened = store_place.open()
    yield opened
    opened.close()


@pytest.fixture
def raw(store: Store) -> StoreSQL:
    """SQL on the store under test, past it, to see what is really kept."""
    return StoreSQL(store.engine)
