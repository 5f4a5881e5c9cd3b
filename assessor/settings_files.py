"""Reading the small settings files in the data folder: team.toml and targets.toml, which
council IT deploys, and the worker's own your_details.json. Each is refused, with words that say
what to fix, when it is too large, not UTF-8, not TOML, or not an ordinary file; a named pipe or
a device is never waited on."""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path
from typing import Any

from assessor.files import reason
from assessor.problems import PlainProblem

FILE_LIMIT = 10_000  # bytes: a few short lines need a few hundred


def read_toml(path: Path, holds: str, invalid: type[PlainProblem]) -> dict[str, Any] | None:
    """The file's values, or None if there is no file; `invalid` (with `holds`, what the file
    should hold, in its message) when it cannot be read."""
    raw = read_bytes(path, invalid)
    if raw is None:
        return None
    if len(raw) > FILE_LIMIT:
        raise invalid(f"{path} is larger than {FILE_LIMIT:,} bytes; it should hold only {holds}.")
    try:
        return tomllib.loads(raw.decode("utf-8-sig"))  # Notepad may add a BOM
    except UnicodeDecodeError:
        raise invalid(f"{path} cannot be read: it is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as problem:
        raise invalid(f"{path} cannot be read as TOML: {problem}") from None


def read_bytes(path: Path, invalid: type[PlainProblem]) -> bytes | None:
    """The file's first bytes past the limit, or None if there is no file."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    except OSError as problem:
        raise invalid(f"{path} cannot be read: {reason(problem)}") from None
    mode = os.fstat(handle).st_mode
    if not stat.S_ISREG(mode):
        os.close(handle)
        kind = "a folder" if stat.S_ISDIR(mode) else "not an ordinary file"
        raise invalid(f"{path} cannot be read: it is {kind}")
    with os.fdopen(handle, "rb") as file:
        try:
            return file.read(FILE_LIMIT + 1)
        except OSError as problem:
            raise invalid(f"{path} cannot be read: {reason(problem)}") from None
