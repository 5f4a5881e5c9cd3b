"""Whether this laptop's clock is behind the records in its store, said in plain words.

A clock set back 400 days dated today's conversation before the last one. Nothing the store
does can know the right date, but it knows the latest time its records were stamped with; a
clock behind that by more than SLACK (more than clocks drift, or sync brings from a laptop a
little fast) is wrong, and the worker should hear so before recording more.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from assessor.validation import format_date

SLACK = timedelta(minutes=5)


def clock_behind(now: datetime, newest: datetime | None) -> str | None:
    """A warning when `now` (the laptop's clock) is behind `newest` (the latest stamp in the
    store, `Store.newest_stamp`) by more than SLACK, else None. Both carry a time zone; times
    are given in `now`'s."""
    if newest is None or newest - now <= SLACK:
        return None
    latest = newest.astimezone(now.tzinfo)
    if latest.date() == now.date():
        says, saved = f"{now:%H:%M} on {format_date(now)}", f"{latest:%H:%M} that day"
    else:
        says, saved = format_date(now), format_date(latest)
    return (
        f"This laptop’s clock says {says}, but records here were saved as late as {saved}. "
        "Check the date and time in the laptop’s settings: until they are right, what you "
        "record is dated wrongly."
    )
