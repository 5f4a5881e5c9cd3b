"""Where the worker's store lives, and who is working: --data-dir, then ASSESSOR_DATA_DIR, then
the OS's data folder; ASSESSOR_WORKER, then the computer login."""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_dir

from assessor.problems import PlainProblem
from assessor.terminal_text import brief, is_plain

DATA_DIR_VARIABLE = "ASSESSOR_DATA_DIR"
PRIVATE_UMASK = 0o077
WORKER_VARIABLE = "ASSESSOR_WORKER"
WORKER_NAME_LIMIT = 100  # characters: stamped on every change and printed on every plan


class WorkerNameInvalid(PlainProblem, ValueError):
    """The worker's name cannot be stamped on records as it is; str() says what to change."""


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
    """Who is signed in to this laptop; stamped on every change until sign-in arrives with sync.

    Checked before anything is opened or written, so an unusable name changes nothing."""
    given = environ.get(WORKER_VARIABLE, "").strip()
    if given:
        return _checked(given, WORKER_VARIABLE)
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        raise WorkerNameInvalid(
            f"this computer gives no login name: set {WORKER_VARIABLE} to your name"
        ) from None
    return _checked(login, "your login name")


def name_problem(name: str) -> str:
    """Why a worker's name cannot be stamped and printed as it is, or "" when it can."""
    if not is_plain(name):
        return f"holds a control character or bytes that are not UTF-8 text ({brief(name, 40)})"
    if len(name) > WORKER_NAME_LIMIT:
        return (
            f"is {len(name):,} characters long; a worker's name may have at most "
            f"{WORKER_NAME_LIMIT}"
        )
    return ""


def _checked(name: str, source: str) -> str:
    problem = name_problem(name)
    if problem:
        raise WorkerNameInvalid(
            f"{source} {problem}: set {WORKER_VARIABLE} to your name as records should show it"
        )
    return name
