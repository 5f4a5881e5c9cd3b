"""The domain's rules for what was entered in error, and for a goal achieved on the day set."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from assessor.goals import Goal, GoalStatus, Review, achieved_on_the_day_set, status
from assessor.in_error import checked_reason, current, in_error_words
from assessor.short_term import Episode, HelpKind, HelpOutcome, outcomes_due
from assessor.validation import InvalidInput

SET_ON = date(2026, 3, 2)


def test_a_reason_is_required_and_kept_trimmed() -> None:
    with pytest.raises(InvalidInput, match="Say why"):
        checked_reason(" \n ")
    assert checked_reason("  Wrong person ") == "Wrong person"
    assert in_error_words("Wrong person") == "Entered in error: Wrong person"


def test_a_marked_review_does_not_count_towards_status() -> None:
    goal = Goal("p", "Walk to the shop", SET_ON)
    kept = Review("g", -1, date(2026, 4, 1))
    wrong = Review("g", 2, date(2026, 4, 2), in_error_reason="Wrong goal")
    assert current([kept, wrong]) == [kept]
    assert status(goal, [kept, wrong]) is GoalStatus.NO_CHANGE
    assert status(goal, [kept, replace(wrong, in_error_reason="")]) is GoalStatus.ACHIEVED


def test_a_marked_outcome_reads_as_not_recorded_and_is_due_again() -> None:
    episode = Episode(
        "p",
        HelpKind.REABLEMENT,
        datetime(2026, 3, 2, 9),
        outcome_2_weeks=HelpOutcome.DIED,
        outcome_2_weeks_on=date(2026, 3, 16),
        outcome_2_weeks_in_error="Wrong outcome",
    )
    assert episode.outcome(2) == (None, None, "")
    assert [due.weeks for due in outcomes_due([episode], date(2026, 3, 20))] == [2]


def test_only_a_review_on_the_day_set_that_would_achieve_it_asks() -> None:
    goal = Goal("p", "Get upstairs to bed", SET_ON, baseline=-2)
    assert achieved_on_the_day_set(goal, [], Review("g", 0, SET_ON))
    assert not achieved_on_the_day_set(goal, [], Review("g", -1, SET_ON))
    assert not achieved_on_the_day_set(goal, [], Review("g", 0, date(2026, 3, 3)))
