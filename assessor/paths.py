"""Where the worker's store lives: --data-dir, then ASSESSOR_DATA_DIR, then the OS's data folder."""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_dir

DATA_DIR_VARIABLE = "ASSESSOR_DATA_DIR"
PRIVATE_UMASK = 0o077
WORKER_VARIABLE = "ASSESSOR_WORKER"


def resolve_data_dir(given: str | None, environ: Mapping[str, str] = os.environ) -> Path:
    if given:
        return Path(given).expanduser()
    if environ.get(DATA_DIR_VARIABLE):
        return Path(environ[DATA_DIR_VARIABLE]).expanduser()
    return Path(user_data_dir("Assessor", appauthor=False))


def is_default_data_dir(given: str | None, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether the store lives in the OS's data folder, not one named by --data-dir or
    ASSESSOR_DATA_DIR: a named folder with no store in it may be a typo, so the app asks
    before making a store there."""
    return not (given or environ.get(DATA_DIR_VARIABLE))


def keep_new_files_private() -> None:
    """Everything this process writes is the worker's alone (0600 files, 0700 folders): the
    store, its backups, logs and documents all hold personal data."""
    os.umask(PRIVATE_UMASK)


def worker_name(environ: Mapping[str, str] = os.environ) -> str:
    """Who is signed in to this laptop; stamped on every change until sign-in arrives with sync."""
    return environ.get(WORKER_VARIABLE) or getpass.getuser()
