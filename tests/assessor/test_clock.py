"""The warning that the laptop's clock is behind the records it holds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from assessor.clock import clock_behind

NOW = datetime(2025, 11, 1, 9, 15, tzinfo=UTC)


def test_a_clock_set_back_is_named_with_both_dates() -> None:
    assert clock_behind(NOW, datetime(2026, 12, 5, 16, 40, tzinfo=UTC)) == (
        "This laptop’s clock says 1 Nov 2025, but records here were saved as late as "
        "5 Dec 2026. Check the date and time in the laptop’s settings: until they are right, "
        "what you record is dated wrongly."
    )


def test_behind_on_the_same_day_it_gives_the_times_in_the_laptops_zone() -> None:
    london_summer = timezone(timedelta(hours=1))
    now = datetime(2026, 6, 5, 9, 15, tzinfo=london_summer)
    warning = clock_behind(now, datetime(2026, 6, 5, 13, 40, tzinfo=UTC))
    assert warning is not None
    assert warning.startswith(
        "This laptop’s clock says 09:15 on 5 Jun 2026, but records here were saved as late as "
        "14:40 that day."
    )


def test_no_warning_for_a_clock_ahead_a_few_minutes_behind_or_an_empty_store() -> None:
    assert clock_behind(NOW, None) is None
    assert clock_behind(NOW, NOW - timedelta(days=3)) is None
    assert clock_behind(NOW, NOW + timedelta(minutes=5)) is None
    assert clock_behind(NOW, NOW + timedelta(minutes=6)) is not None
