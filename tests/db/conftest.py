"""Fixtures for the store's tests that need a real, small file system."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


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
