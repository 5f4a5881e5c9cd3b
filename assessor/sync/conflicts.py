"""A conflict as a worker sees it: one record, the fields two people changed apart, each with
its three versions, and who made each and when (see `assessor.sync.merging`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from assessor.sync.merging import FieldVersions


@dataclass(frozen=True)
class SyncConflict:
    id: str
    person_id: str
    kind: str  # the table of the record, such as "people"
    row_id: str
    fields: Mapping[str, FieldVersions]
    incoming_by: str  # who made the change that arrived second
    incoming_at: datetime
    current_by: str  # who made the version the hub kept
    current_at: datetime
    revision: int
    resolved: bool = False
    resolution: Mapping[str, Any] | None = None

    def versions_by(self, worker: str) -> tuple[str, str]:
        """Which side is "mine" for `worker`: ("incoming", "current") or the other way."""
        if worker == self.current_by and worker != self.incoming_by:
            return ("current", "incoming")
        return ("incoming", "current")
