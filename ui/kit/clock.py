"""The desktop's clock, as callables the composition root makes and hands down.

Only the main window's defaults (for `ui.app`) read the system clock; every widget asks the one
it was given, so a test can pin the day and a run across midnight sees one day throughout.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

Today = Callable[[], date]
Now = Callable[[], datetime]


def local_time(now: Now) -> Now:
    """The time as a worker reads and types it: local, without a zone, as short-term help's
    times are kept."""
    return lambda: now().astimezone().replace(tzinfo=None)
