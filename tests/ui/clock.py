"""The day the desktop's tests run on: the window and its store are given it, the example
caseload is built around it, and the tests date what they store by it, so a run across
midnight (or on a laptop whose clock is wrong) sees one day throughout."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from time import monotonic

TODAY = date(2026, 11, 23)
# Mid-afternoon on TODAY: in UTC, as the store and the autosaver stamp, and as local time
# without a zone, as short-term help keeps its times.
MOMENT = datetime.combine(TODAY, time(14, 30), UTC)
NOW = MOMENT.replace(tzinfo=None)


def running_clock(start: datetime = MOMENT) -> Callable[[], datetime]:
    """A clock that starts at `start` and runs at the real pace, so stamps still move on."""
    started = monotonic()
    return lambda: start + timedelta(seconds=monotonic() - started)
