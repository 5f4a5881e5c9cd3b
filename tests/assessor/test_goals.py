"""Goals in the person's own words: how each is going, when it is due, and the GAS T-score."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from assessor.goals import (
    GAS_LEVELS,
    Goal,
    GoalKind,
    GoalStatus,
    GoalToDate,
    Review,
    Reviewer,
    due_for_review,
    is_active,
    status,
)
from assessor.validation import InvalidInput

TODAY = date(2026, 11, 23)

# FHIR R4 value sets for Goal (hl7.org/fhir/R4/valueset-goal-achievement.html and
# valueset-goal-status.html).
FHIR_ACHIEVEMENT = {
    "in-progress",
    "improving",
    "worsening",
    "no-change",
    "achieved",
    "sustaining",
    "not-achieved",
    "no-progress",
    "not-attainable",
}
FHIR_LIFECYCLE = {
    "proposed",
    "planned",
    "accepted",
    "active",
    "on-hold",
    "completed",
    "cancelled",
    "entered-in-error",
    "rejected",
}


def goal(
    *,
    set_days_ago: int = 21,
    target_in_days: int | None = None,
    baseline: int = -2,
) -> Goal:
    return Goal(
        person_id="p1",
        words="Get up and down my stairs without being frightened",
        set_on=TODAY - timedelta(days=set_days_ago),
        kind=GoalKind.REABLEMENT,
        target_date=None if target_in_days is None else TODAY + timedelta(days=target_in_days),
        expected="Up and down with the rail, on her own",
        baseline=baseline,
        id="g1",
    )


def reviews(*ratings_days_ago: tuple[int, int]) -> list[Review]:
    """Reviews oldest first, from (rating, days ago) pairs."""
    return [
        Review(goal_id="g1", rating=rating, on=TODAY - timedelta(days=days_ago), id=f"r{n}")
        for n, (rating, days_ago) in enumerate(ratings_days_ago)
    ]


# --- status -----------------------------------------------------------------------------------


def test_a_goal_never_reviewed_is_in_progress() -> None:
    """With no review yet there is nothing to compare: the goal is simply under way."""
    assert status(goal(), []) is GoalStatus.IN_PROGRESS


def test_a_goal_never_reviewed_is_in_progress_even_past_its_target() -> None:
    """Not achieved needs a rating below expected; without any rating it stays in progress."""
    assert status(goal(target_in_days=-3), []) is GoalStatus.IN_PROGRESS


def test_first_review_is_compared_with_the_baseline() -> None:
    """One review: better than where the person started is improving, the same is no change."""
    assert status(goal(baseline=-2), reviews((-1, 1))) is GoalStatus.IMPROVING
    assert status(goal(baseline=-2), reviews((-2, 1))) is GoalStatus.NO_CHANGE
    assert status(goal(baseline=-1), reviews((-1, 1))) is GoalStatus.NO_CHANGE
    assert status(goal(baseline=-1), reviews((-2, 1))) is GoalStatus.WORSE


def test_later_reviews_are_compared_with_the_one_before() -> None:
    """From the second review on, the latest rating is compared with the previous review."""
    assert status(goal(), reviews((-2, 7), (-1, 1))) is GoalStatus.IMPROVING
    assert status(goal(), reviews((-2, 14), (-1, 7), (-1, 1))) is GoalStatus.NO_CHANGE
    assert status(goal(), reviews((-1, 7), (-2, 1))) is GoalStatus.WORSE


def test_the_comparison_is_with_the_previous_review_not_the_baseline() -> None:
    """Back down to the baseline after an improvement is worse, not no change."""
    assert status(goal(baseline=-2), reviews((-1, 7), (-2, 1))) is GoalStatus.WORSE


@pytest.mark.parametrize("rating", [0, 1, 2])
def test_a_rating_of_as_expected_or_better_is_achieved(rating: int) -> None:
    """0 on the scale means the goal was met as expected; +1 and +2 more than that."""
    assert status(goal(), reviews((-1, 7), (rating, 1))) is GoalStatus.ACHIEVED


def test_achieved_stays_achieved_after_the_target_date() -> None:
    """A goal met in time is achieved whatever the calendar says now."""
    assert status(goal(target_in_days=-10), reviews((0, 12))) is GoalStatus.ACHIEVED


def test_a_review_on_or_after_the_target_below_expected_is_not_achieved() -> None:
    """The final review, on or after the target date, below 0 means not achieved."""
    passed = goal(target_in_days=-2)
    assert status(passed, reviews((-2, 7), (-1, 2))) is GoalStatus.NOT_ACHIEVED
    assert status(passed, reviews((-1, 1))) is GoalStatus.NOT_ACHIEVED


def test_a_target_passing_before_its_final_review_is_not_yet_not_achieved() -> None:
    """Until someone reviews it after the target date, the goal is still going."""
    passed = goal(target_in_days=-1)
    assert status(passed, reviews((-2, 7), (-1, 2))) is GoalStatus.IMPROVING


def test_target_date_today_has_not_passed() -> None:
    """The target day itself still counts as in time."""
    assert status(goal(target_in_days=0), reviews((-1, 1))) is GoalStatus.IMPROVING


# --- FHIR -------------------------------------------------------------------------------------


def test_each_status_maps_onto_fhir_goal_codes() -> None:
    """Each status gives (Goal.achievementStatus, Goal.lifecycleStatus) as in FHIR R4."""
    assert {s: s.fhir for s in GoalStatus} == {
        GoalStatus.IN_PROGRESS: ("in-progress", "active"),
        GoalStatus.IMPROVING: ("improving", "active"),
        GoalStatus.NO_CHANGE: ("no-change", "active"),
        GoalStatus.WORSE: ("worsening", "active"),
        GoalStatus.ACHIEVED: ("achieved", "completed"),
        GoalStatus.NOT_ACHIEVED: ("not-achieved", "completed"),
    }


def test_fhir_codes_come_from_the_r4_value_sets() -> None:
    """No invented codes: each one is in FHIR R4's value set for its element."""
    for choice in GoalStatus:
        achievement, lifecycle = choice.fhir
        assert achievement in FHIR_ACHIEVEMENT
        assert lifecycle in FHIR_LIFECYCLE


def test_a_goal_is_finished_exactly_when_fhir_calls_it_completed() -> None:
    for choice in GoalStatus:
        assert choice.finished is (choice.fhir[1] == "completed")
    assert is_active(goal(), [])
    assert not is_active(goal(), [Review("g", 0, TODAY)])


def test_status_codes_are_stable_and_have_labels() -> None:
    """The stored and exported codes, and the words a worker reads."""
    assert [s.value for s in GoalStatus] == [
        "in_progress",
        "improving",
        "no_change",
        "worse",
        "achieved",
        "not_achieved",
    ]
    for choice in GoalStatus:
        assert choice.label and "_" not in choice.label


# --- due for review ---------------------------------------------------------------------------


def test_due_when_the_target_date_has_passed() -> None:
    """A goal past its target, not yet met, needs a review, and the reason names the date."""
    reason = due_for_review(goal(target_in_days=-2), [], TODAY)
    assert reason == "Target date 21 Nov 2026 has passed"


def test_due_when_the_target_date_is_within_a_week() -> None:
    """Seven days or fewer to the target brings the review forward."""
    recent = reviews((-1, 1))
    assert due_for_review(goal(target_in_days=7), recent, TODAY) == (
        "Target date 30 Nov 2026 is near"
    )
    assert due_for_review(goal(target_in_days=0), recent, TODAY) == (
        "Target date 23 Nov 2026 is near"
    )
    assert due_for_review(goal(target_in_days=8), recent, TODAY) is None


def test_due_after_four_weeks_without_a_review() -> None:
    """Four weeks since the last review makes it due; a day less does not."""
    assert due_for_review(goal(set_days_ago=60), reviews((-2, 28)), TODAY) == (
        "Not reviewed for 4 weeks"
    )
    assert due_for_review(goal(set_days_ago=60), reviews((-2, 38)), TODAY) == (
        "Not reviewed for 5 weeks"
    )
    assert due_for_review(goal(set_days_ago=60), reviews((-2, 27)), TODAY) is None


def test_due_when_set_four_weeks_ago_and_never_reviewed() -> None:
    """Never reviewed: the clock runs from the day the goal was set, and the reason says so."""
    reason = due_for_review(goal(set_days_ago=35), [], TODAY)
    assert reason is not None
    assert reason.startswith("Set 5 weeks ago")
    assert "not" in reason and "reviewed" in reason
    assert due_for_review(goal(set_days_ago=27), [], TODAY) is None


def test_not_due_when_achieved() -> None:
    """An achieved goal is never due, however old its last review or its target."""
    assert due_for_review(goal(set_days_ago=90), reviews((0, 60)), TODAY) is None
    assert due_for_review(goal(target_in_days=-5), reviews((1, 10)), TODAY) is None
    assert due_for_review(goal(target_in_days=3), reviews((0, 1)), TODAY) is None


def test_not_due_when_not_achieved() -> None:
    """A goal rated below expected at a review on or after its target has had its final
    review."""
    assert due_for_review(goal(target_in_days=-5), reviews((-2, 12), (-1, 4)), TODAY) is None
    assert due_for_review(goal(target_in_days=-5), reviews((-1, 5)), TODAY) is None


def test_due_when_the_target_passed_after_the_last_review() -> None:
    """Reviewed last week, target yesterday: the final review at the target is still owed."""
    last_week = reviews((-2, 14), (-1, 7))
    assert due_for_review(goal(target_in_days=-1), last_week, TODAY) == (
        "Target date 22 Nov 2026 has passed"
    )


def test_not_due_when_reviewed_recently_and_the_target_is_far() -> None:
    """A goal reviewed last week with a target a month away can wait."""
    assert due_for_review(goal(target_in_days=30), reviews((-2, 14), (-1, 7)), TODAY) is None
    assert due_for_review(goal(), reviews((-1, 1)), TODAY) is None


# --- checks -----------------------------------------------------------------------------------


def test_a_target_before_the_goal_was_set_is_refused_naming_both_dates() -> None:
    """The message says both dates as a person reads them."""
    bad = Goal(
        person_id="p1",
        words="Sing in the chapel choir again",
        set_on=date(2026, 11, 23),
        target_date=date(2026, 11, 2),
    )
    with pytest.raises(InvalidInput) as caught:
        bad.check()
    message = str(caught.value)
    assert "2 Nov 2026" in message
    assert "23 Nov 2026" in message
    assert "2026-11" not in message


def test_a_target_on_the_day_the_goal_is_set_is_accepted() -> None:
    Goal(person_id="p1", words="Make a brew", set_on=TODAY, target_date=TODAY).check()  # no error


@pytest.mark.parametrize("words", ["", "   ", "\n\t"])
def test_a_goal_needs_words(words: str) -> None:
    """A goal is the person's words; blank is refused with a plain request."""
    with pytest.raises(InvalidInput, match="Write the goal"):
        Goal(person_id="p1", words=words, set_on=TODAY).check()


@pytest.mark.parametrize("baseline", [-3, 0, 1, 2])
def test_the_baseline_is_minus_two_or_minus_one(baseline: int) -> None:
    """People start below what is expected: −2 or −1, nothing else."""
    with pytest.raises(InvalidInput, match="−2 or −1"):
        Goal(person_id="p1", words="Walk to the shop", set_on=TODAY, baseline=baseline).check()


@pytest.mark.parametrize("baseline", [-2, -1])
def test_both_baselines_are_accepted(baseline: int) -> None:
    Goal(person_id="p1", words="Walk to the shop", set_on=TODAY, baseline=baseline).check()


@pytest.mark.parametrize("rating", [3, -3])
def test_a_rating_off_the_scale_is_refused_in_plain_words(rating: int) -> None:
    """The message gives the scale and the rating refused, without jargon."""
    with pytest.raises(InvalidInput) as caught:
        Review(goal_id="g1", rating=rating, on=TODAY).check()
    message = str(caught.value)
    assert str(rating) in message
    assert "−2, −1, 0, +1 or +2" in message
    assert "GAS" not in message and "Error" not in message


@pytest.mark.parametrize("rating", sorted(GAS_LEVELS))
def test_every_level_of_the_scale_is_accepted(rating: int) -> None:
    Review(goal_id="g1", rating=rating, on=TODAY).check()


@pytest.mark.parametrize("self_rating", [0, 11])
def test_the_persons_own_score_is_from_one_to_ten(self_rating: int) -> None:
    with pytest.raises(InvalidInput, match="from 1 to 10") as caught:
        Review(goal_id="g1", rating=0, on=TODAY, self_rating=self_rating).check()
    assert str(self_rating) in str(caught.value)


@pytest.mark.parametrize("self_rating", [None, 1, 10])
def test_own_scores_at_the_ends_or_none_are_accepted(self_rating: int | None) -> None:
    Review(
        goal_id="g1", rating=0, on=TODAY, reviewer=Reviewer.PERSON, self_rating=self_rating
    ).check()


def test_the_scale_has_five_levels_in_plain_words() -> None:
    assert sorted(GAS_LEVELS) == [-2, -1, 0, 1, 2]
    assert GAS_LEVELS[0] == "As expected"


@pytest.mark.parametrize(
    ("set_weeks_ago", "target_in_days", "due_days"),
    [(6, None, -14), (1, None, 21), (1, 5, 5), (1, -2, -2), (6, 3, -14)],
)
def test_a_due_goal_says_the_day_it_fell_due(
    set_weeks_ago: int, target_in_days: int | None, due_days: int
) -> None:
    """Four weeks after it was last seen, or its target when that is near and sooner."""
    target = None if target_in_days is None else TODAY + timedelta(days=target_in_days)
    goal = Goal("p", "Walk", TODAY - timedelta(weeks=set_weeks_ago), target_date=target)
    assert GoalToDate.of(goal, []).due_on(TODAY) == TODAY + timedelta(days=due_days)
