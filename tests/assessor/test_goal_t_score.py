"""The GAS T-score of a person's goals (Kiresuk and Sherman, with the erratum's corrected
formula) and how it is said in plain words."""

from __future__ import annotations

import math

import pytest

from assessor.goals import t_score, t_score_words


def test_t_score_of_one_goal_as_expected_is_50() -> None:
    assert t_score([0]) == pytest.approx(50.0)


def test_t_score_of_one_goal_one_better_is_60() -> None:
    """One goal: the denominator is √(0.7 + 0.3) = 1, so each step is 10 points."""
    assert t_score([1]) == pytest.approx(60.0)
    assert t_score([-2]) == pytest.approx(30.0)


def test_t_score_of_three_goals_each_one_better() -> None:
    """50 + 10·3 / √(0.7·3 + 0.3·3²) ≈ 63.69, the erratum's corrected formula."""
    expected = 50 + 30 / math.sqrt(0.7 * 3 + 0.3 * 9)
    assert t_score([1, 1, 1]) == pytest.approx(expected)
    assert t_score([1, 1, 1]) == pytest.approx(63.69, abs=0.005)


def test_t_score_of_mixed_ratings() -> None:
    """Ratings above and below expected offset one another; the order does not matter."""
    assert t_score([-1, 1]) == pytest.approx(50.0)
    assert t_score([-2, -1, 0, 1]) == pytest.approx(50 - 20 / math.sqrt(0.7 * 4 + 0.3 * 16))
    assert t_score([-2, -1, 0, 1]) == pytest.approx(42.745, abs=0.001)
    assert t_score([2, -1, 0]) == t_score([0, 2, -1])


def test_t_score_of_all_goals_as_expected_is_50_whatever_their_number() -> None:
    for count in (1, 2, 5, 12):
        assert t_score([0] * count) == pytest.approx(50.0)


def test_t_score_with_no_goals_is_none() -> None:
    assert t_score([]) is None


def test_t_score_uses_the_given_correlation() -> None:
    """ρ = 0 makes goals independent: two at +1 give 50 + 20/√2."""
    assert t_score([1, 1], rho=0.0) == pytest.approx(50 + 20 / math.sqrt(2))


@pytest.mark.parametrize(
    ("score", "how"),
    [
        (50.0, "about as expected"),
        (52.4, "about as expected"),
        (55.0, "a little better than expected"),
        (44.0, "a little short of what was expected"),
        (61.0, "well beyond what was expected"),
        (35.0, "well short of what was expected"),
    ],
)
def test_the_t_score_is_said_in_plain_words(score: float, how: str) -> None:
    words = t_score_words(score)
    assert words == (
        f"Goals overall: {how} (score {round(score)}, where 50 means goals met as expected)."
    )
