"""The progression chart labels every month, however narrow it is drawn."""

from __future__ import annotations

from datetime import date

import pytest

from assessor.progression import PlanReview, ProgressionPlan
from ui.progression.chart import ProgressionChart, month_labels, month_ticks, year_labels

STARTS, ENDS = date(2026, 8, 31), date(2027, 8, 31)  # twelve months: thirteen ticks
TODAY = date(2026, 11, 30)


@pytest.fixture
def chart(qtbot) -> ProgressionChart:
    shown = ProgressionChart()
    qtbot.addWidget(shown)
    plan = ProgressionPlan("person", STARTS, ENDS, 2, 4, id="plan")
    shown.show_plan(plan, [PlanReview("plan", date(2026, 10, 30), 3)], TODAY)
    return shown


@pytest.mark.parametrize("wide", [False, True])
def test_every_month_is_labelled_at_the_least_width_and_at_a_wide_one(chart, wide):
    ticks = month_ticks(STARTS, ENDS)
    assert len(ticks) == 12
    least = chart.minimumSizeHint()
    chart.resize(least.width() * (3 if wide else 1), least.height())
    chart.grab()
    assert len(chart.drawn_months) == len(ticks)
    assert all(chart.drawn_months)
    if wide:
        assert chart.drawn_months[:5] == ["Sep", "Oct", "Nov", "Dec", "Jan"]


def test_months_are_shortened_to_a_letter_only_when_three_would_not_fit():
    ticks = month_ticks(STARTS, ENDS)
    assert month_labels(ticks, 30, lambda text: 8.0 * len(text))[:4] == ["Sep", "Oct", "Nov", "Dec"]
    assert month_labels(ticks, 20, lambda text: 8.0 * len(text))[:4] == ["S", "O", "N", "D"]


def test_the_year_is_under_the_first_month_and_each_january():
    years = year_labels(month_ticks(STARTS, ENDS))
    assert years[0] == "2026" and years[4] == "2027"
    assert [year for year in years if year] == ["2026", "2027"]
