"""Everything done to the data folder before the store's engine opens it.

The folder and the file are checked first, so each problem gets its own plain words; a new
store is made only when the caller asks for one (the app's first start, or an explicit
command); an old schema is upgraded after a checked copy is kept; and the folder is made the
worker's alone on every start.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from db.connection import store_path
from db.files import make_private
from db.migrate import create_store, stored_revision, upgrade
from db.store_file import check_folder, missing


def prepare_store(
    data_dir: Path,
    *,
    create: bool = False,
    notify: Callable[[str], None] | None = None,
    clock: Callable[[], datetime] | None = None,
) -> Path:
    """The path of the store in `data_dir`, at the current schema, ready to open.

    A missing store is made only with `create` (the app's first start, or an explicit
    command), never because a folder's name was mistyped; anything else wrong raises a
    plain StoreProblem. `notify` hears, in plain words, what the worker should know that
    happened on the way (a copy put back); `clock` gives the time backups are named by.
    """
    check_folder(data_dir, create=create)
    path = store_path(data_dir)
    revision = stored_revision(path)
    if revision is None:
        if not create:
            raise missing(data_dir)
        create_store(path)
    make_private(data_dir)  # before an upgrade, so a failed one leaves it private too
    if revision is not None:
        upgrade(
            path,
            revision,
            now=clock or (lambda: datetime.now(UTC)),
            notify=notify or (lambda _message: None),
        )
    return path
