"""The worker's own details, as they gave them on first start: their name as people should
read it, their role, and the team's details where they differ from what council IT deployed.

Kept in `your_details.json` in the data folder and written whole (`assessor.files`). Only the
team details the worker changed are kept, so a new number IT deploys in team.toml still
reaches everyone who left it as it was. The name is stamped on every change and printed on
every plan; a computer login is only ever a stamp, never printed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

from assessor.choices import LabelledChoice
from assessor.files import write_whole
from assessor.paths import WORKER_VARIABLE, name_problem, worker_name
from assessor.problems import PlainProblem
from assessor.settings_files import FILE_LIMIT, read_bytes
from assessor.team import Team, load_team, value_problem

DETAILS_FILE = "your_details.json"
TEAM_KEYS = frozenset(item.name for item in fields(Team))


class Role(LabelledChoice):
    SOCIAL_WORKER = "social_worker", "Social worker"
    OCCUPATIONAL_THERAPIST = "occupational_therapist", "Occupational therapist"
    TEAM_LEAD = "team_lead", "Team lead"
    OTHER = "other"


class DetailsFileInvalid(PlainProblem, ValueError):
    """your_details.json exists but cannot be read; the message says what to do."""


@dataclass(frozen=True)
class YourDetails:
    name: str = ""
    role: Role | None = None
    team_changes: Mapping[str, str] = field(default_factory=dict)

    def team(self, deployed: Team) -> Team:
        """The team as this worker's documents print it."""
        return replace(deployed, **self.team_changes)


def details_given(name: str, role: Role | None, team: Team, deployed: Team) -> YourDetails:
    """What the worker gave, keeping only the team details that differ from those deployed."""
    wanted, given = asdict(team), asdict(deployed)
    changes = {key: value for key, value in wanted.items() if value != given[key]}
    return YourDetails(name.strip(), role, changes)


def load_details(data_dir: Path) -> YourDetails | None:
    """The worker's saved details, or None when they have not given them yet (first start, or
    no data folder yet: opening the store says what is wrong with one that is not a folder)."""
    path = data_dir / DETAILS_FILE
    raw = read_bytes(path, DetailsFileInvalid) if data_dir.is_dir() else None
    if raw is None:
        return None
    if len(raw) > FILE_LIMIT:
        raise DetailsFileInvalid(_fix(path, f"is larger than {FILE_LIMIT:,} bytes"))
    try:
        return _details(json.loads(raw.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError, TypeError, ValueError, KeyError):
        raise DetailsFileInvalid(_fix(path, "is damaged")) from None


def _details(values: dict[str, object]) -> YourDetails:
    name, role, team = values["name"], values.get("role"), values.get("team", {})
    if not isinstance(name, str) or name_problem(name):
        raise ValueError(name)
    if not isinstance(team, dict) or not set(team) <= TEAM_KEYS:
        raise ValueError(team)
    if any(not isinstance(value, str) or value_problem(key, value) for key, value in team.items()):
        raise ValueError(team)
    return YourDetails(name, Role(str(role)) if role else None, team)


def _fix(path: Path, problem: str) -> str:
    return (
        f"{path} {problem}. Give them again with Your details and team in the People menu, "
        "or delete the file and start Assessor to be asked."
    )


def save_details(data_dir: Path, details: YourDetails) -> None:
    """Write the details whole (CannotWrite says why not)."""
    values = {"name": details.name, "role": details.role, "team": dict(details.team_changes)}
    text = json.dumps(values, indent=2, ensure_ascii=False) + "\n"
    write_whole(data_dir / DETAILS_FILE, text.encode("utf-8"))


@dataclass(frozen=True)
class Signature:
    """Who documents say printed them, and how people reach their team."""

    name: str  # "" when only the computer login is known
    role: str  # as people read it, such as "Social worker"; "" when not given
    team: Team


def signature(data_dir: Path, environ: Mapping[str, str] = os.environ) -> Signature:
    """The worker's details as given, over the team council IT deployed: read afresh for each
    document, so what the worker changes prints at once. A settings file that cannot be read
    raises its own problem, which says what to fix."""
    details = load_details(data_dir)
    deployed = load_team(data_dir)
    team = details.team(deployed) if details is not None else deployed
    role = details.role.label if details is not None and details.role is not None else ""
    return Signature(printed_name(details, environ), role, team)


def printed_name(details: YourDetails | None, environ: Mapping[str, str] = os.environ) -> str:
    """The worker's name as documents and new records show it: theirs as given, else
    ASSESSOR_WORKER; "" when only the computer login is known (documents then say "your
    worker")."""
    if details is not None and details.name:
        return details.name
    given = environ.get(WORKER_VARIABLE, "").strip()
    return worker_name(environ) if given else ""


def stamp_name(details: YourDetails | None, environ: Mapping[str, str] = os.environ) -> str:
    """The name stamped on every change: theirs as given, else ASSESSOR_WORKER, else the
    computer login (a stamp needs someone). WorkerNameInvalid when none can be used."""
    return printed_name(details, environ) or worker_name(environ)
