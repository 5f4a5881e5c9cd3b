"""What the app holds between requests: the store (its engine) and the clock, nothing else."""

from __future__ import annotations

from dataclasses import dataclass

from db.changelog import Clock
from db.store import Store


@dataclass(frozen=True)
class Hub:
    store: Store
    clock: Clock  # UTC without zone, as the store keeps it; tests pin it
