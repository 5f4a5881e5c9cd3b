"""Short-term help in words: outcomes due and recorded, list lines, reviews, times not to come."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from assessor.goals import Reviewer
from assessor.short_term import Episode, EpisodeReview, HelpKind, HelpOutcome
from assessor.short_term_wording import (
    episode_lines,
    format_date_time,
    not_in_future,
    parse_date_time,
    review_text,
    show_date_time,
)
from assessor.validation import InvalidInput

ASKED = datetime(2026, 11, 2, 10, 0)  # two weeks on is 16 Nov 2026, six weeks 14 Dec 2026


def test_a_date_and_time_reads_back_as_typed_and_as_people_read_it() -> None:
    assert format_date_time(ASKED) == "02/11/2026 10:00"
    assert parse_date_time(format_date_time(ASKED)) == ASKED
    assert show_date_time(ASKED) == "2 Nov 2026 at 10:00"


def test_a_date_alone_asks_for_the_time_and_nonsense_says_how_to_write_it() -> None:
    with pytest.raises(InvalidInput, match="Add the time as well"):
        parse_date_time("02/11/2026")
    with pytest.raises(InvalidInput, match="“soon” is not a date and time"):
        parse_date_time("soon")
    with pytest.raises(InvalidInput, match="Write the date and time"):
        parse_date_time("  ")


def test_a_time_is_refused_only_beyond_five_minutes_after_now() -> None:
    assert not_in_future(ASKED + timedelta(minutes=5), "Arrival", now=ASKED) == ASKED + timedelta(
        minutes=5
    )
    with pytest.raises(InvalidInput, match="Arrival cannot be in the future"):
        not_in_future(ASKED + timedelta(minutes=6), "Arrival", now=ASKED)


def test_an_episode_lists_its_kind_provider_arrival_and_next_outcome() -> None:
    episode = Episode("p", HelpKind.OTHER, ASKED, first_help_at=ASKED + timedelta(hours=20))
    assert episode_lines(episode, date(2026, 11, 18)) == [
        "Other short-term help · provider not recorded",
        "Asked for 2 Nov 2026 · Help arrived within 48 hours",
        "2-week outcome due 17 Nov 2026 – overdue",  # counted from when help arrived
    ]


def test_a_recorded_two_week_outcome_is_followed_by_the_six_week_one_then_alone() -> None:
    episode = Episode(
        "p",
        HelpKind.REABLEMENT,
        ASKED,
        provider="Reablement team",
        outcome_2_weeks=HelpOutcome.REDUCED_SUPPORT,
        outcome_2_weeks_on=date(2026, 11, 16),
    )
    assert episode_lines(episode, date(2026, 11, 20))[2:] == [
        "2-week outcome: Reduced support (recorded 16 Nov 2026)",
        "6-week outcome due 14 Dec 2026",
    ]
    episode.outcome_6_weeks = HelpOutcome.NO_FURTHER_HELP
    assert episode_lines(episode, date(2026, 12, 20))[2:] == [
        "6-week outcome: No further help needed"
    ]


def test_a_weekly_review_quotes_the_goals_worked_on_and_notes_one_since_removed() -> None:
    review = EpisodeReview(
        "e", date(2026, 11, 9), Reviewer.OT, note=" Stairs going well ", goal_ids=["g1", "gone"]
    )
    assert review_text(review, {"g1": " Walk to the shop "}) == (
        "9 Nov 2026 · Occupational therapist (OT)\n"
        "Stairs going well\n"
        "Goals worked on: “Walk to the shop”; a goal since removed"
    )
    assert review_text(EpisodeReview("e", date(2026, 11, 9), Reviewer.PROVIDER), {}) == (
        "9 Nov 2026 · Care provider\nNo goals linked"
    )
