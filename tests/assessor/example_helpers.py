"""The example caseload by the names its people go by, and how their goals stand on a day."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from assessor.example import example_caseload
from assessor.goals import GoalStatus, due_for_review, status
from assessor.person_file import PersonFile

TODAY = date(2026, 11, 23)
# Days to load the caseload on: today, month ends, a leap day, and years ahead.
DAYS = (TODAY, date(2027, 3, 31), date(2028, 2, 29), date(2030, 2, 1))


def by_name(today: date = TODAY) -> dict[str, PersonFile]:
    return {f.person.preferred_name: f for f in example_caseload(today)}


def ids_on(today: date, parts: Callable[[PersonFile], Iterable[Any]]) -> list[str]:
    """The ids of some parts of every example file, loaded on `today`."""
    return [item.id for file in example_caseload(today) for item in parts(file)]


def goal_states(file: PersonFile, today: date) -> list[tuple[GoalStatus, str | None]]:
    return [
        (status(g, file.reviews[g.id]), due_for_review(g, file.reviews[g.id], today))
        for g in file.goals
    ]
