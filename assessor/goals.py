"""Goals in the person's own words, reviewed in seconds with Goal Attainment Scaling.

A goal belongs to a person; carers are people in their own right, so their goals are goals of
their own record. Reviews are append-only: a review is never changed, only followed by another.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from assessor.choices import LabelledChoice
from assessor.in_error import current
from assessor.stamps import Stamp
from assessor.validation import InvalidInput, format_date


class GoalKind(LabelledChoice):
    REABLEMENT = "reablement"
    RECUPERATION = "recuperation"
    REHABILITATION = "rehabilitation"
    PROGRESSION = "progression"
    RECOVERY = "recovery"
    OWN = "own", "Their own goal"


class Reviewer(LabelledChoice):
    WORKER = "worker", "Worker"
    OT = "ot", "Occupational therapist (OT)"
    PROVIDER = "provider", "Care provider"
    PERSON = "person", "The person themselves"


# Goal Attainment Scaling: the five levels, worded for people rather than statisticians.
GAS_LEVELS: dict[int, str] = {
    -2: "Much less than expected",
    -1: "Somewhat less than expected",
    0: "As expected",
    1: "Somewhat more than expected",
    2: "Much more than expected",
}


class GoalStatus(LabelledChoice):
    """How a goal is going, in words; `fhir` gives the FHIR Goal statuses it maps onto."""

    IN_PROGRESS = "in_progress"
    IMPROVING = "improving"
    NO_CHANGE = "no_change"
    WORSE = "worse"
    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not_achieved"

    @property
    def finished(self) -> bool:
        """Achieved, or closed as not achieved: no longer being worked on or reviewed."""
        return self in (GoalStatus.ACHIEVED, GoalStatus.NOT_ACHIEVED)

    @property
    def fhir(self) -> tuple[str, str]:
        """(Goal.achievementStatus code, Goal.lifecycleStatus code) in FHIR R4."""
        return _FHIR[self]


_FHIR = {
    GoalStatus.IN_PROGRESS: ("in-progress", "active"),
    GoalStatus.IMPROVING: ("improving", "active"),
    GoalStatus.NO_CHANGE: ("no-change", "active"),
    GoalStatus.WORSE: ("worsening", "active"),
    GoalStatus.ACHIEVED: ("achieved", "completed"),
    GoalStatus.NOT_ACHIEVED: ("not-achieved", "completed"),
}

DUE_AFTER = timedelta(weeks=4)
TARGET_NEAR = timedelta(days=7)


@dataclass
class Goal:
    """A goal as the person put it, with what "as expected" would look like."""

    person_id: str
    words: str
    set_on: date
    set_by: str = ""
    kind: GoalKind = GoalKind.OWN
    target_date: date | None = None
    expected: str = ""
    baseline: int = -1
    id: str = ""
    stamp: Stamp | None = None

    def check(self) -> None:
        """Raise InvalidInput, in plain words, for a goal that cannot be stored."""
        if not self.words.strip():
            raise InvalidInput("Write the goal as the person said it.")
        if self.target_date is not None and self.target_date < self.set_on:
            raise InvalidInput(
                f"The target date ({format_date(self.target_date)}) is before the goal was set "
                f"({format_date(self.set_on)})."
            )
        if self.baseline not in (-2, -1):
            raise InvalidInput("Where the person starts from is −2 or −1 on the scale.")


GOAL_FIELDS: frozenset[str] = frozenset(
    name for name in Goal.__dataclass_fields__ if name not in {"id", "stamp", "person_id"}
)


@dataclass
class Review:
    """One review of one goal: a rating on the scale, and optionally the person's own score."""

    goal_id: str
    rating: int
    on: date
    reviewer: Reviewer = Reviewer.WORKER
    self_rating: int | None = None
    note: str = ""
    id: str = ""
    stamp: Stamp | None = None
    in_error_reason: str = ""  # why this review was entered in error; "" if it was not

    def check(self, goal: Goal | None = None, today: date | None = None) -> None:
        """Raise InvalidInput, in plain words, for a review that cannot be stored."""
        if goal is not None and self.on < goal.set_on:
            raise InvalidInput(
                f"A review on {format_date(self.on)} would come before the goal was set "
                f"({format_date(goal.set_on)})."
            )
        if today is not None and self.on > today:
            raise InvalidInput("A review cannot be dated in the future.")
        if self.rating not in GAS_LEVELS:
            raise InvalidInput(
                f"A rating is one of −2, −1, 0, +1 or +2; {self.rating} is not on the scale."
            )
        if self.self_rating is not None and not 1 <= self.self_rating <= 10:
            raise InvalidInput(
                f"The person's own score is from 1 to 10; {self.self_rating} is outside that."
            )


def status(goal: Goal, reviews: Sequence[Review]) -> GoalStatus:
    """How the goal is going, from its reviews in date order (oldest first); a review entered
    in error does not count.

    A goal is not achieved only once a review on or after its target date says it fell
    short; a target date passing unreviewed leaves it due for that final review.
    """
    reviews = current(reviews)
    if not reviews:
        return GoalStatus.IN_PROGRESS
    latest = reviews[-1].rating
    closed = _closed_as(goal.target_date, latest, reviews[-1].on)
    if closed is not None:
        return closed
    before = reviews[-2].rating if len(reviews) > 1 else goal.baseline
    if latest > before:
        return GoalStatus.IMPROVING
    if latest < before:
        return GoalStatus.WORSE
    return GoalStatus.NO_CHANGE


def achieved_on_the_day_set(goal: Goal, reviews: Sequence[Review], review: Review) -> bool:
    """Whether `review`, added to `reviews`, would mark the goal achieved on the very day it was
    set. That is rarely so (more often the level was chosen by mistake), so the worker is asked
    to confirm it before it is stored."""
    return review.on == goal.set_on and status(goal, [*reviews, review]) is GoalStatus.ACHIEVED


def not_achieved_yet(review: Review) -> Review:
    """The review as the worker said it stands when the goal is not achieved after all: the
    highest level short of "as expected", so the goal stays in progress."""
    return replace(review, rating=-1)


def is_active(goal: Goal, reviews: Sequence[Review]) -> bool:
    """A goal still being worked on (not yet achieved or closed as not achieved)."""
    return not status(goal, reviews).finished


def _closed_as(target_date: date | None, rating: int, on: date) -> GoalStatus | None:
    """Achieved or not achieved, when the latest review (its rating and date) closed the goal."""
    if rating >= 0:
        return GoalStatus.ACHIEVED
    if target_date is not None and on >= target_date:
        return GoalStatus.NOT_ACHIEVED
    return None


@dataclass(frozen=True)
class GoalToDate:
    """A goal as far as deciding whether it is due goes: whose it is, its words, when it was
    set and is aimed at, and its latest review's rating and date (None before the first).
    Reviews before the latest never change whether a goal is due, so the store can hand the
    whole caseload's goals over like this without reading every review."""

    id: str
    person_id: str
    words: str
    set_on: date
    target_date: date | None
    latest_rating: int | None = None
    latest_on: date | None = None

    @classmethod
    def of(cls, goal: Goal, reviews: Sequence[Review]) -> GoalToDate:
        """From a goal and its reviews, oldest first (those entered in error left out)."""
        counted = current(reviews)
        latest = counted[-1] if counted else None
        return cls(
            goal.id,
            goal.person_id,
            goal.words,
            goal.set_on,
            goal.target_date,
            latest.rating if latest else None,
            latest.on if latest else None,
        )

    @property
    def last_seen(self) -> date:
        """When it was last reviewed, or set if never."""
        return self.latest_on or self.set_on

    @property
    def closed(self) -> bool:
        """Achieved, or closed as not achieved, by its latest review."""
        if self.latest_rating is None or self.latest_on is None:
            return False
        return _closed_as(self.target_date, self.latest_rating, self.latest_on) is not None

    def why_due(self, today: date) -> str | None:
        """Why the goal needs reviewing now, in words, or None when it does not."""
        if self.closed:
            return None
        if self.target_date is not None:
            if self.target_date < today:
                return f"Target date {format_date(self.target_date)} has passed"
            if self.target_date - today <= TARGET_NEAR:
                return f"Target date {format_date(self.target_date)} is near"
        waited = today - self.last_seen
        if waited >= DUE_AFTER:
            weeks = waited.days // 7
            if self.latest_on is None:
                return f"Set {weeks} weeks ago, not reviewed"
            return f"Not reviewed for {weeks} weeks"
        return None

    def due_on(self, today: date) -> date:
        """The day its review fell or falls due: four weeks after it was last seen, or its
        target date when that is sooner and near or passed (as `why_due` reads them)."""
        waited_until = self.last_seen + DUE_AFTER
        if self.target_date is not None and self.target_date - today <= TARGET_NEAR:
            return min(self.target_date, waited_until)
        return waited_until


def due_for_review(goal: Goal, reviews: Sequence[Review], today: date) -> str | None:
    """Why the goal needs reviewing now, in words, or None when it does not."""
    return GoalToDate.of(goal, reviews).why_due(today)


def t_score(ratings: Sequence[int], rho: float = 0.3) -> float | None:
    """The Goal Attainment Scaling T-score of goals' latest ratings, all weighted equally.

    T = 50 + 10 Σ wᵢxᵢ / √((1 − ρ) Σ wᵢ² + ρ (Σ wᵢ)²), with wᵢ = 1 and ρ = 0.3: the formula as
    corrected in the erratum to Turner-Stokes L. Goal attainment scaling (GAS) in
    rehabilitation: a practical guide. Clin Rehabil 2009;23:362–70 (the printed formulas on
    pages 364 and 367 were wrong). 50 means every goal met as expected; the spread is about 10.
    """
    if not ratings:
        return None
    count = len(ratings)
    return 50 + 10 * sum(ratings) / math.sqrt((1 - rho) * count + rho * count**2)


# How far from 50 a T-score may be and still read as "about as expected", and as "a little"
# either way; beyond that it reads as "well short of" or "well beyond". Its spread is about 10.
_ABOUT, _A_LITTLE = 3, 10


def t_score_words(score: float) -> str:
    """The T-score for a worker, in plain words with the number and what 50 means, since
    "T-score" is a researcher's word."""
    shown = round(score)
    gap = shown - 50
    if abs(gap) < _ABOUT:
        how = "about as expected"
    elif abs(gap) <= _A_LITTLE:
        how = "a little better than expected" if gap > 0 else "a little short of what was expected"
    else:
        how = "well beyond what was expected" if gap > 0 else "well short of what was expected"
    return f"Goals overall: {how} (score {shown}, where 50 means goals met as expected)."


@dataclass(frozen=True)
class DueGoal:
    """A goal the worker should review now, and why."""

    goal: GoalToDate
    reason: str
    overdue: bool
    due: date


def goals_due(goals: Iterable[GoalToDate], today: date) -> list[DueGoal]:
    """Goals due for review across the caseload: past their target first, then the longest
    waiting."""
    due = []
    for goal in goals:
        reason = goal.why_due(today)
        if reason is not None:
            overdue = goal.target_date is not None and goal.target_date < today
            due.append(DueGoal(goal, reason, overdue, goal.due_on(today)))
    return sorted(due, key=lambda d: (not d.overdue, d.goal.last_seen))
