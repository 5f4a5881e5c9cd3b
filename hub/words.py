"""Dates and times as council IT and workers read them: 23 Nov 2026, 23 Nov 2026 14:05."""

from __future__ import annotations

from datetime import datetime


def plain_date(moment: datetime) -> str:
    return f"{moment.day} {moment:%b %Y}"


def plain_time(moment: datetime | None, never: str = "never") -> str:
    """The hub keeps UTC, so the time says so."""
    if moment is None:
        return never
    return f"{plain_date(moment)} {moment:%H:%M} UTC"
