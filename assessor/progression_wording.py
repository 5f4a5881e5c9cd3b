"""The progression plan in words: the ladder's steps, a plan's summary, its steps and reviews.

Kept apart from the widgets that show them, so the wording can be read and tested on its own.
"""

from __future__ import annotations

from assessor.own_words import quoted
from assessor.progression import LADDER, PlanReview, PlanStep, ProgressionPlan
from assessor.validation import format_date


def step_words(level: int) -> str:
    """A ladder step's words without the full stop, to sit inside a sentence."""
    return LADDER[level].rstrip(".")


def ladder_option(level: int) -> str:
    """A ladder step as a list offers it: "2 — I need help with many things, most days"."""
    return f"{level} — {step_words(level)}"


def plan_summary(plan: ProgressionPlan) -> str:
    """ "From step 2 — I need help with many things, most days — towards step 5 by 1 Aug 2027"."""
    return (
        f"From step {plan.start_level} — {step_words(plan.start_level)} — towards step "
        f"{plan.target_level} by {format_date(plan.ends_on)}"
    )


def ladder_key(now: int, hoped: int) -> str:
    """The six steps in words, top down, with where the person is now and hopes to be."""
    lines = ["The ladder (step 6 is the most independent):"]
    for level in sorted(LADDER, reverse=True):
        marks = [m for m, at in (("now", now), ("hoped for", hoped)) if at == level]
        mark = f"  ← {' and '.join(marks)}" if marks else ""
        lines.append(f"{level}  {step_words(level)}{mark}")
    return "\n".join(lines)


def step_line(step: PlanStep) -> str:
    parts = [step.words.strip()]
    if step.due_on:
        parts.append(f"by {format_date(step.due_on)}")
    if step.done_on:
        parts.append(f"done {format_date(step.done_on)}")
    return " · ".join(parts)


def review_line(review: PlanReview) -> str:
    line = f"{format_date(review.on)}: step {review.level} — {step_words(review.level)}"
    return f"{line}. {quoted(review.note)}" if review.note.strip() else line
