"""The progression plan in words, and the two small widget helpers its dialog and tab share.

Split from the progression tab so the wording (steps, summaries, reviews, dates) stands apart from
the widgets that show it.
"""

from __future__ import annotations

import calendar
from datetime import date

from PySide6.QtWidgets import QComboBox, QVBoxLayout

from assessor.progression import LADDER, PlanReview, PlanStep, ProgressionPlan
from assessor.validation import format_date
from ui.kit.forms import named, quoted


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


def months_later(start: date, months: int) -> date:
    """The same day `months` on; where that month is too short, the 1st of the month after."""
    total = start.month - 1 + months
    year, month = start.year + total // 12, total % 12 + 1
    if start.day <= calendar.monthrange(year, month)[1]:
        return date(year, month, start.day)
    return date(year + month // 12, month % 12 + 1, 1)


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


def ladder_combo(name: str) -> QComboBox:
    combo = named(QComboBox(), name)
    for level in LADDER:
        combo.addItem(ladder_option(level), level)
    return combo


def clear_layout(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
