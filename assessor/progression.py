"""Progression plans: from the support a person has now towards more independence.

Everyone with a long-term condition has a plan for the progress they might make over the next
six to twelve months. Progress is measured on one plainly worded ladder, LADDER, from step 1
(the most support) to step 6 (the most independence). It is Assessor's own: short enough to
agree with the person in a sentence, and worded about what they do, not what services do:

1. I need help with most things, every day.
2. I need help with many things, most days.
3. I need help with some things, most days.
4. I need help now and then, a few times a week.
5. I manage, with help from family, friends or my community.
6. I manage on my own, and know where to get help if I need it.

A plan has its starting and hoped-for steps, its dates, smaller steps towards them, the goals
that belong to it, and reviews (append-only) that record where the person is now.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from assessor.stamps import Stamp
from assessor.validation import InvalidInput, format_date

LADDER: dict[int, str] = {
    1: "I need help with most things, every day.",
    2: "I need help with many things, most days.",
    3: "I need help with some things, most days.",
    4: "I need help now and then, a few times a week.",
    5: "I manage, with help from family, friends or my community.",
    6: "I manage on my own, and know where to get help if I need it.",
}

SHORTEST_MONTHS = 6
LONGEST_MONTHS = 12


def months_between(start: date, end: date) -> float:
    """Calendar months from start to end: whole months (31 Mar to 30 Sep is 6), then the part
    of the next month."""
    whole = (end.year - start.year) * 12 + end.month - start.month
    while whole > 0 and add_months(start, whole) > end:
        whole -= 1
    while add_months(start, whole + 1) <= end:
        whole += 1
    since = add_months(start, whole)
    month_length = (add_months(start, whole + 1) - since).days
    return whole + (end - since).days / month_length


def add_months(start: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter (31 Aug + 6 is
    28 Feb, or 29 in a leap year)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def months_later(start: date, months: int) -> date:
    """The same day `months` on; where that month is too short, the 1st of the month after
    (where a new plan ends unless the worker says otherwise)."""
    later = add_months(start, months)
    return later if later.day == start.day else later + timedelta(days=1)


@dataclass
class PlanStep:
    """A smaller step towards the plan's hoped-for level, in plain words."""

    words: str
    due_on: date | None = None
    done_on: date | None = None


@dataclass
class ProgressionPlan:
    person_id: str
    starts_on: date
    ends_on: date
    start_level: int
    target_level: int
    steps: list[PlanStep] = field(default_factory=list)
    goal_ids: list[str] = field(default_factory=list)
    id: str = ""
    stamp: Stamp | None = None

    def check(self) -> None:
        """Raise InvalidInput, in plain words, for a plan that cannot be stored."""
        for level in (self.start_level, self.target_level):
            if level not in LADDER:
                raise InvalidInput(f"The ladder has steps 1 to 6; {level} is not one of them.")
        if self.target_level <= self.start_level:
            raise InvalidInput(
                "The hoped-for step should be higher than where the person starts: a plan is "
                "for moving towards more independence."
            )
        months = months_between(self.starts_on, self.ends_on)
        if not SHORTEST_MONTHS <= months <= LONGEST_MONTHS:
            raise InvalidInput(
                f"A progression plan runs for 6 to 12 months; {format_date(self.starts_on)} to "
                f"{format_date(self.ends_on)} is about {months:.0f}."
            )
        for step in self.steps:
            if not step.words.strip():
                raise InvalidInput("Each step needs a few words saying what it is.")


PLAN_FIELDS: frozenset[str] = frozenset(ProgressionPlan.__dataclass_fields__) - {
    "id",
    "stamp",
    "person_id",
}


@dataclass
class PlanReview:
    """Where the person is on the ladder now. Append-only: the actual path of the plan."""

    plan_id: str
    on: date
    level: int
    note: str = ""
    id: str = ""
    stamp: Stamp | None = None

    def check(self, plan: ProgressionPlan | None = None) -> None:
        if self.level not in LADDER:
            raise InvalidInput(f"The ladder has steps 1 to 6; {self.level} is not one of them.")
        if plan is not None and self.on < plan.starts_on:
            raise InvalidInput(
                f"A review on {format_date(self.on)} would come before the plan started "
                f"({format_date(plan.starts_on)})."
            )


def planned_level(plan: ProgressionPlan, on: date) -> float:
    """Where the plan hoped the person would be on a day: a straight line from start to end."""
    span = (plan.ends_on - plan.starts_on).days
    done = min(max((on - plan.starts_on).days, 0), span)
    return plan.start_level + (plan.target_level - plan.start_level) * done / span
