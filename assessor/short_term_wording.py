"""Short-term help in words: typed dates and times, the 48-hour measure, outcomes, list lines.

Kept apart from the widgets that show them, so the wording can be read and tested on its own.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta

from assessor.in_error import in_error_words, is_current
from assessor.own_words import quoted
from assessor.short_term import Episode, EpisodeReview, within_48_hours
from assessor.validation import InvalidInput, format_date, format_date_numeric, parse_date

_WITH_TIME = re.compile(r"^(?P<day>.+?)(?:\s*,\s*|\s+|T)(?P<hour>\d{1,2})[:.](?P<minute>\d{2})$")


def parse_date_time(text: str) -> datetime:
    """A date and time typed as 23/11/2026 14:30 (any date parse_date reads, then HH:MM)."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInput("Write the date and time, for example 23/11/2026 14:30.")
    match = _WITH_TIME.match(cleaned)
    if match is None:
        try:
            parse_date(cleaned)
        except InvalidInput:
            raise InvalidInput(
                f"“{cleaned}” is not a date and time we can read. Write it as 23/11/2026 14:30."
            ) from None
        raise InvalidInput(
            "Add the time as well, for example 23/11/2026 14:30: the 48 hours count from it."
        )
    day = parse_date(match["day"])
    hour, minute = int(match["hour"]), int(match["minute"])
    if hour > 23 or minute > 59:
        raise InvalidInput(
            f"{hour}:{minute:02d} is not a time. Use the 24-hour clock, for example 14:30."
        )
    return datetime.combine(day, time(hour, minute))


def format_date_time(value: datetime) -> str:
    """For typing back into a field: 23/11/2026 14:30."""
    return f"{format_date_numeric(value.date())} {value:%H:%M}"


def show_date_time(value: datetime) -> str:
    """As people read it: 23 Nov 2026 at 14:30."""
    return f"{format_date(value)} at {value:%H:%M}"


def not_in_future(value: datetime, what: str, now: datetime) -> datetime:
    """`value`, unless it is more than five minutes after `now` (the laptop's clock may drift);
    the face that asks gives the time, so the domain never reads the clock itself."""
    if value > now + timedelta(minutes=5):
        raise InvalidInput(f"{what} cannot be in the future.")
    return value


def arrival_words(episode: Episode) -> str:
    """The council's 48-hour measure in words."""
    quick = within_48_hours(episode)
    if quick is None or episode.first_help_at is None:
        return "Waiting for help to start"
    if quick:
        return "Help arrived within 48 hours"
    took = episode.first_help_at - episode.asked_at
    if took < timedelta(days=3):
        return f"Help took {math.ceil(took / timedelta(hours=1))} hours to arrive"
    return f"Help took {took.days} days to arrive"


def outcome_words(episode: Episode, weeks: int, today: date) -> str:
    outcome, recorded_on, _because = episode.outcome(weeks)
    if outcome is not None:
        when = f" (recorded {format_date(recorded_on)})" if recorded_on else ""
        return f"{weeks}-week outcome: {outcome.label}{when}"
    due = episode.due_on(weeks)
    late = " – overdue" if due < today else ""
    return f"{weeks}-week outcome due {format_date(due)}{late}"


def progress_lines(episode: Episode, today: date) -> list[str]:
    """The outcomes so far, and the next one due."""
    if episode.outcome(6)[0] is not None:
        return [outcome_words(episode, 6, today)]
    if episode.outcome(2)[0] is not None:
        return [outcome_words(episode, 2, today), outcome_words(episode, 6, today)]
    return [outcome_words(episode, 2, today)]


def episode_lines(episode: Episode, today: date) -> list[str]:
    """What one line of the episodes list says, top to bottom."""
    provider = episode.provider.strip() or "provider not recorded"
    return [
        f"{episode.kind.label} · {provider}",
        f"Asked for {format_date(episode.asked_at)} · {arrival_words(episode)}",
        *progress_lines(episode, today),
    ]


def review_text(review: EpisodeReview, goal_words: dict[str, str]) -> str:
    """A weekly review as the episode shows it: when and by whom, the note, the goals worked on."""
    lines = [f"{format_date(review.on)} · {review.reviewer.label}"]
    if review.note.strip():
        lines.append(review.note.strip())
    if review.goal_ids:
        worked = "; ".join(
            quoted(goal_words[goal_id]) if goal_id in goal_words else "a goal since removed"
            for goal_id in review.goal_ids
        )
        lines.append(f"Goals worked on: {worked}")
    else:
        lines.append("No goals linked")
    if not is_current(review):
        lines.append(f"{in_error_words(review.in_error_reason)} (not counted)")
    return "\n".join(lines)
