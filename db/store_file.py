"""What is at the store's path, looked at before SQLite opens it, so each case has its own words.

An empty, truncated or foreign file, a folder where the file should be, or a folder the worker
may not write in are reported and left exactly as they are: a new store is only ever made
where there is nothing at all, and only when the caller asks for one.
"""

from __future__ import annotations

import os
from pathlib import Path

from db.connection import store_path
from db.files import PRIVATE_FOLDER
from db.problems import StoreDamaged, StoreMissing, StoreUnreachable, damaged

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


def check_folder(data_dir: Path, *, create: bool) -> None:
    """The data folder exists (made if `create`), holds a store unless one is to be made,
    and the worker may save in it."""
    try:
        if data_dir.exists() and not data_dir.is_dir():
            raise StoreUnreachable(
                f"{data_dir} is a file, not a folder. Give the folder that holds your records."
            )
        if not data_dir.exists():
            if not create:
                raise missing(data_dir)
            data_dir.mkdir(parents=True, mode=PRIVATE_FOLDER)
    except OSError as error:
        raise StoreUnreachable(
            f"Assessor could not make or open the folder {data_dir}. Nothing has been "
            "changed. Check the folder's name and that you are allowed to change it."
        ) from error
    if not os.access(data_dir, os.R_OK | os.X_OK):
        raise StoreUnreachable(
            f"Assessor is not allowed to open the folder {data_dir}. Nothing has been "
            "changed. Ask council IT to give you access to it."
        )
    if not create and not os.path.lexists(store_path(data_dir)):
        raise missing(data_dir)
    if not os.access(data_dir, os.W_OK):
        raise StoreUnreachable(
            f"Assessor cannot save in {data_dir}: the folder is read-only or belongs to "
            "someone else. Nothing has been changed. Ask council IT to give you access to it."
        )


def missing(data_dir: Path) -> StoreMissing:
    return StoreMissing(
        f"No records were found in {data_dir}. Check the folder's name; nothing has been "
        "created there."
    )


def store_file_exists(path: Path) -> bool:
    """False when there is nothing at `path`; raises when what is there cannot be a store."""
    try:
        if path.is_dir():
            raise StoreUnreachable(
                f"{path} is a folder, not an Assessor store. Assessor has not changed it."
            )
        if not path.exists():
            return False
        with path.open("rb") as file:
            header = file.read(HEADER_SIZE)
        size = path.stat().st_size
    except OSError as error:
        raise _not_allowed(path) from error
    if not os.access(path, os.R_OK | os.W_OK):
        raise _not_allowed(path)
    if size == 0:
        raise StoreDamaged(
            f"The records file in {path.parent} is empty (0 bytes), so there is nothing to "
            "open. Assessor has not changed or replaced it; council IT can put back a copy "
            "from the backups folder beside it."
        )
    if not header.startswith(SQLITE_MAGIC) or len(header) < HEADER_SIZE:
        raise damaged(path)
    if _shorter_than_its_header_says(path, header, size):
        raise damaged(path)
    return True


def _not_allowed(path: Path) -> StoreUnreachable:
    return StoreUnreachable(
        f"Assessor is not allowed to read and change {path}. Nothing has been changed. Ask "
        "council IT to give you access to it."
    )


def _shorter_than_its_header_says(path: Path, header: bytes, size: int) -> bool:
    """A file cut short (a copy that stopped part-way) holds fewer pages than it claims.

    The page count in the header is only current when its "valid for" number matches the
    change counter; pages still in the write-ahead log are not in the file yet, and a
    rollback journal left by a kill is undone by SQLite when the file is opened.
    """
    for journal in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-journal")):
        if journal.exists() and journal.stat().st_size > 0:
            return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    current = header[92:96] == header[24:28]
    return current and size < pages * page_size
