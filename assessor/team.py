"""The team a worker belongs to, as printed plans name it: how people reach us.

Council IT sets it once per laptop in `team.toml` in the data folder, for example:

    name = "Adult Social Care, North Leeds"
    phone = "0113 496 0000"
    email = "north.team@example.gov.uk"

A laptop without the file prints the worker's name alone.
"""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path

from assessor.files import reason
from assessor.problems import PlainProblem
from assessor.terminal_text import brief, is_plain

TEAM_FILE = "team.toml"


@dataclass(frozen=True)
class Team:
    name: str = ""
    phone: str = ""
    email: str = ""


class TeamFileInvalid(PlainProblem, ValueError):
    """team.toml exists but cannot be read as a team; the message says what to fix."""


FILE_LIMIT = 10_000  # bytes: three short lines need a few hundred
LIMITS = {"name": 100, "phone": 40, "email": 254}  # characters; 254 is the most an address has
WORDS = {"name": "the team's name", "phone": "the phone number", "email": "the email address"}


def load_team(data_dir: Path) -> Team:
    path = data_dir / TEAM_FILE
    raw = _read(path)
    if raw is None:
        return Team()
    if len(raw) > FILE_LIMIT:
        raise TeamFileInvalid(
            f"{path} is larger than {FILE_LIMIT:,} bytes; it should hold only the team's "
            "name, phone and email."
        )
    try:
        values = tomllib.loads(raw.decode("utf-8-sig"))  # Notepad may add a BOM
    except UnicodeDecodeError:
        raise TeamFileInvalid(f"{path} cannot be read: it is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as problem:
        raise TeamFileInvalid(f"{path} cannot be read as TOML: {problem}") from None
    unknown = set(values) - set(LIMITS)
    if unknown or not all(isinstance(value, str) for value in values.values()):
        raise TeamFileInvalid(
            f"{path} should hold only name, phone and email, each as text in quotes."
        )
    for key, value in values.items():
        if not is_plain(value):
            raise TeamFileInvalid(
                f"{path}: {WORDS[key]} holds a control character ({brief(value, 40)}); "
                "write it on one line as it should be printed."
            )
        if len(value) > LIMITS[key]:
            raise TeamFileInvalid(
                f"{path}: {WORDS[key]} is {len(value):,} characters long; "
                f"it may have at most {LIMITS[key]}."
            )
    return Team(**values)


def _read(path: Path) -> bytes | None:
    """The file's first bytes past the limit, or None if there is no file. A named pipe or a
    device is refused, never waited on."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    except OSError as problem:
        raise TeamFileInvalid(f"{path} cannot be read: {reason(problem)}") from None
    mode = os.fstat(handle).st_mode
    if not stat.S_ISREG(mode):
        os.close(handle)
        kind = "a folder" if stat.S_ISDIR(mode) else "not an ordinary file"
        raise TeamFileInvalid(f"{path} cannot be read: it is {kind}")
    with os.fdopen(handle, "rb") as file:
        try:
            return file.read(FILE_LIMIT + 1)
        except OSError as problem:
            raise TeamFileInvalid(f"{path} cannot be read: {reason(problem)}") from None
