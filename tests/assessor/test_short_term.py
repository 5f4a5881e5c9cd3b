"""Short-term help as the council counts it: 48 hours to arrive, outcomes at two and six weeks."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from assessor.short_term import (
    CHECKPOINT_WEEKS,
    Episode,
    HelpKind,
    HelpOutcome,
    outcomes_due,
    within_48_hours,
)
from assessor.validation import InvalidInput

ASKED = datetime(2026, 11, 2, 10, 0)  # a Monday morning: two weeks on is 16 Nov 2026
TODAY = date(2026, 11, 23)


def _episode(**kw: object) -> Episode:
    values: dict[str, object] = {"person_id": "p1", "kind": HelpKind.REABLEMENT, "asked_at": ASKED}
    return Episode(**{**values, **kw})  # type: ignore[arg-type]


# --- within 48 hours --------------------------------------------------------------------------


def test_help_arriving_exactly_48_hours_after_being_asked_for_counts() -> None:
    assert within_48_hours(_episode(first_help_at=ASKED + timedelta(hours=48))) is True


def test_help_arriving_49_hours_after_being_asked_for_does_not_count() -> None:
    assert within_48_hours(_episode(first_help_at=ASKED + timedelta(hours=49))) is False


def test_help_arriving_a_minute_late_does_not_count() -> None:
    late = ASKED + timedelta(hours=48, minutes=1)
    assert within_48_hours(_episode(first_help_at=late)) is False


def test_help_arriving_the_same_hour_counts() -> None:
    assert within_48_hours(_episode(first_help_at=ASKED)) is True


def test_help_not_yet_arrived_is_neither_in_time_nor_late() -> None:
    """Until help arrives the measure is unknown, not a failure."""
    assert within_48_hours(_episode()) is None


# --- when outcomes are due --------------------------------------------------------------------


def test_checkpoints_are_two_and_six_weeks() -> None:
    assert CHECKPOINT_WEEKS == (2, 6)


def test_outcomes_are_due_counting_from_when_help_first_arrived() -> None:
    """Help asked for on 2 Nov and arriving late on 5 Nov: outcomes are due 19 Nov and 17 Dec."""
    episode = _episode(first_help_at=datetime(2026, 11, 5, 23, 30))
    assert episode.started_on() == date(2026, 11, 5)
    assert episode.due_on(2) == date(2026, 11, 19)
    assert episode.due_on(6) == date(2026, 12, 17)


def test_until_help_arrives_outcomes_count_from_when_it_was_asked_for() -> None:
    episode = _episode()
    assert episode.started_on() == date(2026, 11, 2)
    assert episode.due_on(2) == date(2026, 11, 16)
    assert episode.due_on(6) == date(2026, 12, 14)


def _started(days_ago: int, **kw: object) -> Episode:
    asked = datetime.combine(TODAY - timedelta(days=days_ago), time(9, 0))
    return _episode(asked_at=asked, first_help_at=asked + timedelta(hours=2), **kw)


def test_outcomes_due_lists_only_unrecorded_outcomes_within_a_week_or_overdue() -> None:
    """Overdue, due today and due in seven days are listed; due in eight days is not; a
    recorded outcome never is."""
    overdue = _started(20)  # 2 weeks was due 6 days ago
    today = _started(14)  # 2 weeks due today
    in_seven = _started(7)  # 2 weeks due in 7 days
    in_eight = _started(6)  # 2 weeks due in 8 days
    recorded = _started(
        20,
        outcome_2_weeks=HelpOutcome.REDUCED_SUPPORT,
        outcome_2_weeks_on=TODAY - timedelta(days=6),
    )
    found = outcomes_due([in_seven, recorded, in_eight, today, overdue], TODAY)
    assert [(item.episode, item.weeks) for item in found] == [
        (overdue, 2),
        (today, 2),
        (in_seven, 2),
    ]
    assert [item.due for item in found] == [
        TODAY - timedelta(days=6),
        TODAY,
        TODAY + timedelta(days=7),
    ]


def test_outcomes_due_lists_both_checkpoints_soonest_first() -> None:
    """An episode whose two-week outcome was never recorded is listed at both checkpoints once
    the six-week one is near, the older first."""
    forgotten = _started(38)
    later = _started(11)
    found = outcomes_due([later, forgotten], TODAY)
    assert [(item.episode, item.weeks) for item in found] == [
        (forgotten, 2),
        (later, 2),
        (forgotten, 6),
    ]
    assert [item.due for item in found] == sorted(item.due for item in found)


def test_outcomes_due_skips_a_recorded_two_week_outcome_but_not_the_six_week_one() -> None:
    episode = _started(
        40,
        outcome_2_weeks=HelpOutcome.NO_FURTHER_HELP,
        outcome_2_weeks_on=TODAY - timedelta(days=26),
    )
    (item,) = outcomes_due([episode], TODAY)
    assert (item.weeks, item.due) == (6, TODAY + timedelta(days=2))


def test_outcomes_due_honours_a_wider_window() -> None:
    episode = _started(4)  # 2 weeks due in 10 days
    assert outcomes_due([episode], TODAY) == []
    assert [item.weeks for item in outcomes_due([episode], TODAY, within=10)] == [2]


def test_nothing_is_due_with_no_episodes() -> None:
    assert outcomes_due([], TODAY) == []


# --- checks -----------------------------------------------------------------------------------


def test_help_arriving_before_it_was_asked_for_is_refused() -> None:
    episode = _episode(first_help_at=ASKED - timedelta(minutes=1))
    with pytest.raises(InvalidInput, match="before it was asked for"):
        episode.check()


def test_an_outcome_without_the_day_it_was_recorded_is_refused() -> None:
    episode = _episode(first_help_at=ASKED, outcome_6_weeks=HelpOutcome.LONG_TERM_SUPPORT)
    with pytest.raises(InvalidInput, match="Say when the 6-week outcome was recorded"):
        episode.check()


def test_an_early_outcome_without_a_reason_is_refused_naming_the_due_date() -> None:
    episode = _episode(
        first_help_at=ASKED + timedelta(hours=3),
        outcome_2_weeks=HelpOutcome.HOSPITAL,
        outcome_2_weeks_on=date(2026, 11, 10),
    )
    with pytest.raises(InvalidInput) as caught:
        episode.check()
    message = str(caught.value)
    assert "2-week outcome is due on 16 Nov 2026" in message
    assert "say why" in message


def test_an_early_outcome_with_only_spaces_for_a_reason_is_refused() -> None:
    episode = _episode(
        outcome_2_weeks=HelpOutcome.HOSPITAL,
        outcome_2_weeks_on=date(2026, 11, 10),
        outcome_2_weeks_early_because="   ",
    )
    with pytest.raises(InvalidInput, match="16 Nov 2026"):
        episode.check()


def test_an_early_outcome_with_a_reason_is_accepted() -> None:
    _episode(
        first_help_at=ASKED + timedelta(hours=3),
        outcome_2_weeks=HelpOutcome.HOSPITAL,
        outcome_2_weeks_on=date(2026, 11, 10),
        outcome_2_weeks_early_because="Admitted to hospital with a chest infection.",
    ).check()


def test_an_early_six_week_outcome_names_its_own_due_date() -> None:
    episode = _episode(
        first_help_at=ASKED,
        outcome_2_weeks=HelpOutcome.REDUCED_SUPPORT,
        outcome_2_weeks_on=date(2026, 11, 16),
        outcome_6_weeks=HelpOutcome.NO_FURTHER_HELP,
        outcome_6_weeks_on=date(2026, 12, 1),
    )
    with pytest.raises(InvalidInput, match="6-week outcome is due on 14 Dec 2026"):
        episode.check()


def test_outcomes_on_or_after_their_due_dates_need_no_reason() -> None:
    _episode(
        first_help_at=ASKED + timedelta(hours=5),
        outcome_2_weeks=HelpOutcome.REDUCED_SUPPORT,
        outcome_2_weeks_on=date(2026, 11, 16),
        outcome_6_weeks=HelpOutcome.NO_FURTHER_HELP,
        outcome_6_weeks_on=date(2026, 12, 20),
    ).check()


def test_an_episode_just_asked_for_is_accepted() -> None:
    _episode().check()


def test_outcome_reads_the_three_fields_of_a_checkpoint() -> None:
    episode = _episode(
        outcome_6_weeks=HelpOutcome.DIED,
        outcome_6_weeks_on=date(2026, 11, 30),
        outcome_6_weeks_early_because="Died peacefully at home.",
    )
    assert episode.outcome(2) == (None, None, "")
    assert episode.outcome(6) == (
        HelpOutcome.DIED,
        date(2026, 11, 30),
        "Died peacefully at home.",
    )


def test_outcome_choices_read_plainly() -> None:
    assert HelpOutcome.NO_FURTHER_HELP.label == "No further help needed"
    assert HelpOutcome.REDUCED_SUPPORT.label == "Reduced support"
