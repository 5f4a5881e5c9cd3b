"""How the person's goals and progression plan are going: their words, plain words for where
things stand, and a simple picture of progress, never only numbers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from assessor.documents.blocks import (
    kept_section,
    markup,
    own_words,
    para,
    section,
    subheading,
    typed,
)
from assessor.documents.layout import Styles
from assessor.documents.pictures import Step, scale
from assessor.documents.plain_words import plain_label
from assessor.goals import GAS_LEVELS, Goal, Review, due_for_review, is_active, status
from assessor.person_file import PersonFile
from assessor.progression import LADDER, ProgressionPlan
from assessor.validation import format_date_in_full


def goals_section(file: PersonFile, today: date, styles: Styles) -> list[Flowable]:
    name = file.person.preferred_name
    groups = [
        _goal(number, goal, file.reviews.get(goal.id, []), name, today, styles)
        for number, goal in enumerate(file.goals, 1)
    ]
    return kept_section("What are my goals, and how are they going?", groups, styles)


def _goal(
    number: int, goal: Goal, reviews: Sequence[Review], name: str, today: date, styles: Styles
) -> list[Flowable]:
    """The goal in their words, its dates and what it will look like; then how it is going,
    in words and as a picture. The whole goal stays on one page (unless it is longer than a
    page), so its words are never read apart from how it is going."""
    latest = reviews[-1] if reviews else None
    going = status(goal, reviews)
    when = f"Set on {format_date_in_full(goal.set_on)}."
    if goal.target_date is not None:
        hope = "hoped" if going.finished or goal.target_date < today else "hope"
        when += f" I {hope} to get there by {format_date_in_full(goal.target_date)}."
    how = f"How it is going: {plain_label(going)}."
    if latest is not None:
        how += f" We last looked at it on {format_date_in_full(latest.on)}"
        if latest.self_rating is not None:
            how += f", and I gave it {latest.self_rating} out of 10"
        how += "."
    lines: list[Flowable] = [
        subheading(f"Goal {number}", styles),
        *own_words(name, goal.words, styles),
        para(when, styles),
    ]
    if goal.expected.strip():
        lines += typed(goal.expected, styles, before="What it will look like: ")
    return [*lines, para(how, styles), *scale(gas_steps(goal, latest), styles)]


def gas_steps(goal: Goal, latest: Review | None) -> list[Step]:
    """The five levels, best at the top; "as expected" is where they hope to get to. For
    the picture beside a goal."""
    now = None if latest is None else latest.rating
    notes = _notes(goal.baseline, 0, now)
    filled = goal.baseline if now is None else now
    return [
        Step(words, now=level == filled, note=notes.get(level, ""))
        for level, words in sorted(GAS_LEVELS.items(), reverse=True)
    ]


def _notes(start: int, hoped: int, now: int | None) -> dict[int, str]:
    """What to say beside the steps where they started, hope to get to, and are now."""
    notes: dict[int, list[str]] = {}
    notes.setdefault(start, []).append("where I started")
    notes.setdefault(hoped, []).append("where I hope to get to")
    if now is not None:
        notes.setdefault(now, []).append("now")
    return {level: ", and ".join(said) for level, said in notes.items()}


def goal_dates(file: PersonFile, today: date) -> tuple[list[date], bool]:
    """Target dates of goals still being worked on, and whether any is due for a look now."""
    dates, due = [], False
    for goal in file.goals:
        reviews = file.reviews.get(goal.id, [])
        if not is_active(goal, reviews):
            continue
        if goal.target_date is not None:
            dates.append(goal.target_date)
        due = due or due_for_review(goal, reviews, today) is not None
    return dates, due


def newest_plan(file: PersonFile) -> ProgressionPlan | None:
    return max(file.plans, key=lambda plan: plan.starts_on, default=None)


def plan_dates(plan: ProgressionPlan | None) -> list[date]:
    """When the plan's smaller steps still to do are due."""
    if plan is None:
        return []
    return [step.due_on for step in plan.steps if step.due_on is not None and step.done_on is None]


def progression_section(file: PersonFile, styles: Styles) -> list[Flowable]:
    """The newest progression plan: the ladder from where they started to where they hope to
    get to, where they are now, and its smaller steps."""
    plan = newest_plan(file)
    if plan is None:
        return []
    reviews = file.plan_reviews.get(plan.id, [])
    now = reviews[-1].level if reviews else None
    runs = (
        f"This plan runs from {format_date_in_full(plan.starts_on)} to "
        f"{format_date_in_full(plan.ends_on)}. It is about moving, step by step, to needing "
        "less help."
    )
    body: list[Flowable] = [para(runs, styles)]
    if reviews:
        body.append(para(f"We last looked at it on {format_date_in_full(reviews[-1].on)}.", styles))
    body.append(KeepTogether(scale(ladder_steps(plan, now), styles)))
    if plan.steps:
        body.append(subheading("My smaller steps on the way", styles))
        body += [
            Paragraph(_plan_step(step.words, step.due_on, step.done_on), styles.body)
            for step in plan.steps
        ]
    return section("My progression plan", body, styles)


def ladder_steps(plan: ProgressionPlan, now: int | None) -> list[Step]:
    """The ladder's steps from where they started (or are now, if lower) to where they hope
    to get to (or are now, if higher), the highest at the top."""
    filled = plan.start_level if now is None else now
    notes = _notes(plan.start_level, plan.target_level, now)
    top, bottom = max(plan.target_level, filled), min(plan.start_level, filled)
    return [
        Step(LADDER[level], now=level == filled, note=notes.get(level, ""))
        for level in range(top, bottom - 1, -1)
    ]


def _plan_step(words: str, due_on: date | None, done_on: date | None) -> str:
    if done_on is not None:
        return f"<b>Done</b> on {format_date_in_full(done_on)}: {markup(words)}"
    due = f", by {format_date_in_full(due_on)}" if due_on is not None else ""
    return f"<b>Still to do</b>{due}: {markup(words)}"
