"""The progression plan in words, and where a new plan ends by default."""

from __future__ import annotations

from datetime import date

from assessor.own_words import quoted
from assessor.progression import PlanReview, PlanStep, ProgressionPlan, months_later
from assessor.progression_wording import (
    ladder_key,
    ladder_option,
    plan_summary,
    review_line,
    step_line,
)


def test_a_ladder_step_is_offered_with_its_number_and_words() -> None:
    assert ladder_option(2) == "2 — I need help with many things, most days"


def test_a_plan_is_summed_up_from_its_first_step_to_its_hoped_for_one() -> None:
    plan = ProgressionPlan("p", date(2027, 2, 1), date(2027, 8, 1), 2, 5)
    assert plan_summary(plan) == (
        "From step 2 — I need help with many things, most days — towards step 5 by 1 Aug 2027"
    )


def test_the_ladder_key_marks_now_and_hoped_for_top_down() -> None:
    lines = ladder_key(now=3, hoped=3).splitlines()
    assert lines[0] == "The ladder (step 6 is the most independent):"
    assert lines[1].startswith("6  I manage on my own")
    assert lines[4] == "3  I need help with some things, most days  ← now and hoped for"
    assert sum("←" in line for line in lines) == 1


def test_steps_and_reviews_say_only_what_is_recorded() -> None:
    assert step_line(PlanStep(" Practise the stairs ")) == "Practise the stairs"
    done = PlanStep("Bake", due_on=date(2027, 3, 1), done_on=date(2027, 2, 20))
    assert step_line(done) == "Bake · by 1 Mar 2027 · done 20 Feb 2027"
    review = PlanReview("plan", date(2027, 4, 1), 4)
    assert (
        review_line(review) == "1 Apr 2027: step 4 — I need help now and then, a few times a week"
    )
    review.note = "Out to the shop alone "
    assert review_line(review).endswith("a few times a week. “Out to the shop alone”")


def test_a_new_plan_ends_on_the_same_day_or_the_first_of_the_month_after() -> None:
    assert months_later(date(2026, 1, 15), 6) == date(2026, 7, 15)
    assert months_later(date(2026, 8, 31), 6) == date(2027, 3, 1)
    assert months_later(date(2027, 8, 29), 6) == date(2028, 2, 29)


def test_the_persons_words_are_quoted_trimmed_in_curly_marks() -> None:
    assert quoted("  I want to bake again ") == "“I want to bake again”"
