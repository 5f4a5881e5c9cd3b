"""Free space is checked before the store layer copies, updates or makes a store.

The real writes still handle a full disk (nothing half-written is kept); the check means the
worker is told plainly, before anything starts, how much room is needed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from db.problems import NotEnoughSpace

# Room left over for the worker's next saves after the copy or update is done.
SPARE_BYTES = 1 << 20
MEGABYTE = 1 << 20


def free_bytes(folder: Path) -> int:
    """What an ordinary user may still write on the disk holding `folder`."""
    return shutil.disk_usage(folder).free


def require_free_space(folder: Path, needed: int, to_do: str) -> None:
    """Raise NotEnoughSpace, naming the sizes, unless `needed` bytes and the spare fit."""
    wanted, free = needed + SPARE_BYTES, free_bytes(folder)
    if free < wanted:
        raise NotEnoughSpace(
            f"There is not enough free space to {to_do}: Assessor needs about "
            f"{_megabytes(wanted)} free on the disk holding {folder}, and {_megabytes(free)} "
            "is free. Nothing has been changed. Free some space, for example by emptying "
            "the wastebasket, and start Assessor again."
        )


def _megabytes(size: int) -> str:
    return f"{max(size, 0) / MEGABYTE:.1f} MB"
