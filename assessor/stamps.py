"""The stamp every stored thing carries: who changed it, when, and at which revision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Stamp:
    """Who changed a record and when: every stored thing carries one, for sync and audit."""

    created_at: datetime
    updated_at: datetime
    updated_by: str
    revision: int
