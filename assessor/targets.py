"""A council's targets for the measures it asks for: its settings, not the app's.

The defaults are the study's figures (the Isle of Wight's, in DOMAIN.md). A council deploys its
own in `targets.toml` beside team.toml in the data folder, for example:

    council = "Hampshire County Council"
    carers_feel_supported = 90
    help_within_48_hours = 85

Each target is a percentage; `council` is how the screens name who sets them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from assessor.problems import PlainProblem
from assessor.settings_files import read_toml
from assessor.terminal_text import is_plain

TARGETS_FILE = "targets.toml"
COUNCIL_LIMIT = 100  # characters


@dataclass(frozen=True)
class Targets:
    council: str = ""  # "" names no one: the screens say "The council"
    carers_feel_supported: float = 95  # % of carers asked who say they feel supported
    help_within_48_hours: float = 90  # % of new people whose help starts within 48 hours

    @property
    def who(self) -> str:
        """Who aims for these targets, to begin a sentence."""
        return self.council or "The council"


class TargetsFileInvalid(PlainProblem, ValueError):
    """targets.toml exists but cannot be read; the message says what to fix."""


PERCENTAGES = frozenset(item.name for item in fields(Targets)) - {"council"}


def load_targets(data_dir: Path | None) -> Targets:
    """The council's targets, or the study's where it sets none (and with no data folder)."""
    if data_dir is None:
        return Targets()
    path = data_dir / TARGETS_FILE
    holds = f"council and the targets {', '.join(sorted(PERCENTAGES))}"
    values = read_toml(path, holds, TargetsFileInvalid)
    if values is None:
        return Targets()
    if set(values) - PERCENTAGES - {"council"}:
        raise TargetsFileInvalid(f"{path} should hold only {holds}.")
    council = values.get("council", "")
    if not isinstance(council, str) or not is_plain(council) or len(council) > COUNCIL_LIMIT:
        raise TargetsFileInvalid(
            f"{path}: council should be the council's name on one line, in quotes, of at most "
            f"{COUNCIL_LIMIT} characters."
        )
    for key in PERCENTAGES & set(values):
        value = values[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
            raise TargetsFileInvalid(
                f"{path}: {key} should be a percentage from 0 to 100, such as 95."
            )
    return Targets(**values)


def percent(value: float) -> str:
    """A target as people read it: 95%, 92.5%."""
    return f"{value:g}%"
