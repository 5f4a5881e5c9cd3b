"""The team a worker belongs to, as printed plans name it: how people reach us.

Council IT sets it once per laptop in `team.toml` in the data folder, for example:

    name = "Adult Social Care, North Leeds"
    phone = "0113 496 0000"
    email = "north.team@example.gov.uk"

A laptop without the file prints the worker's name alone.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from assessor.problems import PlainProblem

TEAM_FILE = "team.toml"


@dataclass(frozen=True)
class Team:
    name: str = ""
    phone: str = ""
    email: str = ""


class TeamFileInvalid(PlainProblem, ValueError):
    """team.toml exists but cannot be read as a team; the message says what to fix."""


def load_team(data_dir: Path) -> Team:
    path = data_dir / TEAM_FILE
    if not path.exists():
        return Team()
    try:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as problem:
        raise TeamFileInvalid(f"{path} cannot be read: {problem}") from None
    unknown = set(values) - {"name", "phone", "email"}
    if unknown or not all(isinstance(value, str) for value in values.values()):
        raise TeamFileInvalid(
            f"{path} should hold only name, phone and email, each as text in quotes."
        )
    return Team(**values)
