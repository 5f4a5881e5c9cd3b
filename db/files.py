"""Files the store layer writes: made private, written beside their target, renamed when whole.

A kill or a full disk part-way through a write then leaves only a hidden `.partial` file,
which the next write of the same kind removes, never a half-written store or backup.
"""

from __future__ import annotations

import os
from pathlib import Path

from assessor.files import replace_when_whole as replace_when_whole  # one way to rename
from db.problems import in_use

PARTIAL = ".partial"
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def sqlite_files(path: Path) -> list[Path]:
    """The file and the journals SQLite keeps beside it."""
    return [path, *(path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal"))]


def remove_sqlite_files(path: Path) -> None:
    for each in sqlite_files(path):
        each.unlink(missing_ok=True)


def new_partial(target: Path) -> Path:
    """An empty private file beside `target`, to write and then rename over it."""
    import secrets  # here: it loads hashlib, which a start showing the window does not need

    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}{PARTIAL}")
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    return partial


def remove_partials(folder: Path, prefix: str) -> None:
    """What earlier writes of files named `prefix`... left when killed before their rename."""
    for partial in folder.glob(f".{prefix}*{PARTIAL}"):
        remove_sqlite_files(partial)


def replace_store(partial: Path, store: Path) -> None:
    """Put a finished, self-contained store file in place of another.

    An empty write-ahead log and its index are removed first, so SQLite never applies the old
    file's to the new one; a log still holding pages means another program has the store.
    """
    wal, shm = sqlite_files(store)[1:3]
    if wal.exists() and wal.stat().st_size > 0:
        raise in_use(store.parent)
    wal.unlink(missing_ok=True)
    shm.unlink(missing_ok=True)
    replace_when_whole(partial, store)


def make_private(data_dir: Path) -> None:
    """Only the worker may read the data folder: 0700 folders, 0600 files, one level down.

    Only what is directly in the data folder and in its subfolders (backups/) is changed,
    so a data folder chosen by mistake somewhere large is not walked. Files that belong to
    someone else are left as they are.
    """
    _set_mode(data_dir, PRIVATE_FOLDER)
    for entry in data_dir.iterdir():
        if entry.is_symlink():
            continue
        if entry.is_dir():
            _set_mode(entry, PRIVATE_FOLDER)
            for inner in entry.iterdir():
                if inner.is_file() and not inner.is_symlink():
                    _set_mode(inner, PRIVATE_FILE)
        elif entry.is_file():
            _set_mode(entry, PRIVATE_FILE)


def _set_mode(path: Path, mode: int) -> None:
    try:
        if path.stat().st_mode & 0o777 != mode:
            path.chmod(mode)
    except (PermissionError, FileNotFoundError):  # not the worker's, or just removed
        pass
