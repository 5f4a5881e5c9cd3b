"""The team a worker belongs to, as printed plans name it: how people reach us.

Council IT sets it once per laptop in `team.toml` in the data folder, for example:

    name = "Adult Social Care, North Leeds"
    phone = "0113 496 0000"
    email = "north.team@example.gov.uk"
    out_of_hours = "0113 496 0999"

These are the defaults a worker sees on first start; what they change is theirs
(`assessor.your_details`). A laptop without the file prints what the worker gave.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assessor.problems import PlainProblem
from assessor.settings_files import read_toml
from assessor.terminal_text import brief, is_plain

TEAM_FILE = "team.toml"


@dataclass(frozen=True)
class Team:
    name: str = ""
    phone: str = ""
    email: str = ""
    out_of_hours: str = ""


class TeamFileInvalid(PlainProblem, ValueError):
    """team.toml exists but cannot be read as a team; the message says what to fix."""


# Characters; 254 is the most an address has.
LIMITS = {"name": 100, "phone": 40, "email": 254, "out_of_hours": 40}
WORDS = {
    "name": "the team's name",
    "phone": "the phone number",
    "email": "the email address",
    "out_of_hours": "the out-of-hours number",
}


def load_team(data_dir: Path) -> Team:
    path = data_dir / TEAM_FILE
    values = read_toml(path, "the team's name, phone, email and out_of_hours", TeamFileInvalid)
    if values is None:
        return Team()
    unknown = set(values) - set(LIMITS)
    if unknown or not all(isinstance(value, str) for value in values.values()):
        raise TeamFileInvalid(
            f"{path} should hold only name, phone, email and out_of_hours, each as text in quotes."
        )
    for key, value in values.items():
        problem = value_problem(key, value)
        if problem:
            raise TeamFileInvalid(f"{path}: {problem}")
    return Team(**values)


def value_problem(key: str, value: str) -> str:
    """Why one of the team's details cannot be printed as it is, or "" when it can: the same
    check for team.toml and for what a worker types."""
    if not is_plain(value):
        return (
            f"{WORDS[key]} holds a control character ({brief(value, 40)}); "
            "write it on one line as it should be printed."
        )
    if len(value) > LIMITS[key]:
        return f"{WORDS[key]} is {len(value):,} characters long; it may have at most {LIMITS[key]}."
    return ""
