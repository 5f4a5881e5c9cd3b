"""Progression plans: six plain steps, six to twelve months, and a straight line to aim along."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from assessor.progression import (
    LADDER,
    PlanReview,
    PlanStep,
    ProgressionPlan,
    months_between,
    planned_level,
)
from assessor.validation import InvalidInput

STARTS = date(2026, 3, 1)


def _plan(**kw: object) -> ProgressionPlan:
    values: dict[str, object] = {
        "person_id": "p1",
        "starts_on": STARTS,
        "ends_on": date(2026, 12, 1),
        "start_level": 2,
        "target_level": 4,
    }
    return ProgressionPlan(**{**values, **kw})  # type: ignore[arg-type]


# --- the ladder -------------------------------------------------------------------------------


def test_the_ladder_has_six_steps_numbered_one_to_six() -> None:
    assert list(LADDER) == [1, 2, 3, 4, 5, 6]


def test_each_step_is_one_plain_sentence_in_the_persons_voice() -> None:
    """Short enough to agree in a sentence, worded as the person would say it."""
    for words in LADDER.values():
        assert words.startswith("I ")
        assert words.endswith(".")
        assert words.count(".") == 1
        assert len(words) <= 70
    assert len(set(LADDER.values())) == 6
    assert LADDER[1] == "I need help with most things, every day."
    assert LADDER[6] == "I manage on my own, and know where to get help if I need it."


# --- checks -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "target"), [(0, 3), (2, 7), (-1, 2), (3, 9)])
def test_levels_off_the_ladder_are_refused(start: int, target: int) -> None:
    with pytest.raises(InvalidInput, match=r"The ladder has steps 1 to 6; -?[0-9]+ is not one"):
        _plan(start_level=start, target_level=target).check()


def test_the_message_names_the_level_that_is_off_the_ladder() -> None:
    with pytest.raises(InvalidInput, match="; 7 is not one of them"):
        _plan(start_level=2, target_level=7).check()


@pytest.mark.parametrize(("start", "target"), [(3, 3), (4, 2), (6, 1)])
def test_a_target_not_above_the_start_is_refused(start: int, target: int) -> None:
    with pytest.raises(InvalidInput, match="should be higher than where the person starts"):
        _plan(start_level=start, target_level=target).check()


def test_the_whole_ladder_in_one_plan_is_accepted() -> None:
    _plan(start_level=1, target_level=6).check()


@pytest.mark.parametrize(
    "ends_on",
    [date(2026, 8, 31), date(2026, 6, 1), date(2026, 3, 2)],
    ids=["a day short of 6 months", "3 months", "a day"],
)
def test_a_plan_under_six_months_is_refused(ends_on: date) -> None:
    with pytest.raises(InvalidInput, match="A progression plan runs for 6 to 12 months") as caught:
        _plan(ends_on=ends_on).check()
    assert "1 Mar 2026" in str(caught.value)


@pytest.mark.parametrize(
    "ends_on",
    [date(2027, 3, 2), date(2027, 9, 1)],
    ids=["a day over 12 months", "18 months"],
)
def test_a_plan_over_twelve_months_is_refused(ends_on: date) -> None:
    with pytest.raises(InvalidInput, match="A progression plan runs for 6 to 12 months"):
        _plan(ends_on=ends_on).check()


def test_the_refusal_says_roughly_how_long_the_plan_was() -> None:
    with pytest.raises(InvalidInput) as caught:
        _plan(ends_on=date(2026, 6, 1)).check()
    assert str(caught.value) == (
        "A progression plan runs for 6 to 12 months; 1 Mar 2026 to 1 Jun 2026 is about 3."
    )


def test_a_plan_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(InvalidInput, match="6 to 12 months"):
        _plan(ends_on=date(2026, 1, 1)).check()


@pytest.mark.parametrize("ends_on", [date(2026, 9, 1), date(2027, 3, 1), date(2026, 12, 1)])
def test_six_nine_and_twelve_months_are_accepted(ends_on: date) -> None:
    _plan(ends_on=ends_on).check()


def test_months_between_counts_calendar_months() -> None:
    assert months_between(STARTS, date(2026, 9, 1)) == 6
    assert months_between(STARTS, date(2027, 3, 1)) == 12
    assert months_between(date(2026, 11, 15), date(2027, 5, 15)) == 6


@pytest.mark.parametrize("words", ["", "   ", "\n\t"])
def test_a_step_without_words_is_refused(words: str) -> None:
    steps = [PlanStep("Walk to the corner shop with my stick"), PlanStep(words)]
    with pytest.raises(InvalidInput, match="Each step needs a few words"):
        _plan(steps=steps).check()


def test_steps_with_words_and_dates_are_accepted() -> None:
    _plan(
        steps=[
            PlanStep("Walk to the corner shop with my stick", date(2026, 5, 1), date(2026, 4, 20)),
            PlanStep("Take the bus into town on my own", date(2026, 9, 1)),
        ],
        goal_ids=["g1"],
    ).check()


# --- reviews ----------------------------------------------------------------------------------


def test_a_review_before_the_plan_started_is_refused() -> None:
    review = PlanReview("plan", date(2026, 2, 28), 2)
    with pytest.raises(InvalidInput) as caught:
        review.check(_plan())
    assert str(caught.value) == (
        "A review on 28 Feb 2026 would come before the plan started (1 Mar 2026)."
    )


def test_a_review_on_the_day_the_plan_starts_is_accepted() -> None:
    PlanReview("plan", STARTS, 2).check(_plan())


@pytest.mark.parametrize("level", [0, 7])
def test_a_review_off_the_ladder_is_refused(level: int) -> None:
    with pytest.raises(InvalidInput, match=f"; {level} is not one of them"):
        PlanReview("plan", date(2026, 5, 1), level).check(_plan())


def test_a_review_may_record_going_backwards() -> None:
    """The actual path is recorded as it is, below the starting step too."""
    PlanReview("plan", date(2026, 5, 1), 1, "Back in hospital for a week.").check(_plan())


def test_a_review_without_its_plan_checks_only_the_level() -> None:
    PlanReview("plan", date(2020, 1, 1), 3).check()


# --- the planned path -------------------------------------------------------------------------


def test_planned_level_is_the_start_on_the_first_day() -> None:
    assert planned_level(_plan(), STARTS) == 2


def test_planned_level_is_half_way_half_way_through() -> None:
    plan = _plan(ends_on=date(2026, 9, 1))  # 184 days
    assert planned_level(plan, date(2026, 6, 1)) == pytest.approx(3.0)  # day 92 of 184


def test_planned_level_rises_in_a_straight_line() -> None:
    plan = _plan(start_level=1, target_level=5, ends_on=date(2027, 3, 1))  # 365 days
    quarter = date.fromordinal(STARTS.toordinal() + 365 // 4)
    assert planned_level(plan, quarter) == pytest.approx(1 + 4 * 91 / 365)


def test_planned_level_is_the_target_on_the_last_day() -> None:
    assert planned_level(_plan(), date(2026, 12, 1)) == 4


def test_planned_level_stays_at_the_target_after_the_plan_ends() -> None:
    assert planned_level(_plan(), date(2027, 6, 1)) == 4


def test_planned_level_stays_at_the_start_before_the_plan_starts() -> None:
    assert planned_level(_plan(), date(2026, 1, 1)) == 2


def test_a_changed_plan_changes_its_line() -> None:
    plan = _plan()
    longer = replace(plan, ends_on=date(2027, 3, 1))
    assert planned_level(longer, date(2026, 12, 1)) < planned_level(plan, date(2026, 12, 1))


@pytest.mark.parametrize(
    ("starts_on", "ends_on"),
    [(date(2026, 3, 31), date(2026, 9, 30)), (date(2026, 8, 31), date(2027, 2, 28))],
    ids=["31 Mar to 30 Sep", "31 Aug to 28 Feb"],
)
def test_six_months_from_a_month_end_to_a_month_end_is_accepted(
    starts_on: date, ends_on: date
) -> None:
    """Six calendar months when the start is the last day of a longer month. Refused today:
    `months_between` counts 31 Mar to 30 Sep as 5.97 months, and the refusal then reads "31 Mar
    2026 to 30 Sep 2026 is about 6", contradicting itself."""
    _plan(starts_on=starts_on, ends_on=ends_on).check()
