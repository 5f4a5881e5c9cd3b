"""What travels between a laptop and the hub, as JSON (docs/sync-protocol.md).

Plain dataclasses with their JSON shapes, so the hub, the laptop and the tests build and read
the same messages; no HTTP here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from assessor.changes import RecordChange, natural_id

BATCH = 500  # changes a push, at most
PAGE = 1500  # rows a pull page, about


class Outcome(StrEnum):
    """The hub's answer to one change."""

    APPLIED = "applied"
    ALREADY_APPLIED = "already_applied"
    CONFLICT = "conflict"
    NOT_ACCEPTED = "not_accepted"
    WAITING = "waiting"


SETTLED = frozenset({Outcome.APPLIED, Outcome.ALREADY_APPLIED, Outcome.CONFLICT})


def change_id(device_id: str, kind: str, row_id: str, revision: int) -> str:
    """The same id however often the same revision of a row is sent: the hub applies it once."""
    return natural_id("change", device_id, kind, row_id, str(revision))


@dataclass(frozen=True)
class OutgoingChange:
    """A row's state now, the base it was made from, and the fields changed since with their
    old (base) values."""

    change_id: str
    state: RecordChange  # its based_on is the base revision (0 for a row new to the hub)
    changed: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "change_id": self.change_id,
            **state_to_json(self.state),
            "changed": dict(self.changed),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> OutgoingChange:
        return cls(
            change_id=str(data["change_id"]),
            state=state_from_json(data),
            changed=dict(data.get("changed") or {}),
        )


@dataclass(frozen=True)
class ChangeResult:
    change_id: str
    outcome: Outcome
    reason: str = ""
    state: RecordChange | None = None  # the row as the hub now holds it (settled outcomes)

    def to_json(self) -> dict[str, Any]:
        return {
            "change_id": self.change_id,
            "outcome": self.outcome.value,
            "reason": self.reason,
            "state": None if self.state is None else state_to_json(self.state),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ChangeResult:
        state = data.get("state")
        return cls(
            change_id=str(data["change_id"]),
            outcome=Outcome(data["outcome"]),
            reason=str(data.get("reason") or ""),
            state=None if state is None else state_from_json(state),
        )


@dataclass(frozen=True)
class PulledPage:
    rows: list[RecordChange]
    cursor: str
    more: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "rows": [state_to_json(row) for row in self.rows],
            "cursor": self.cursor,
            "more": self.more,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PulledPage:
        return cls(
            rows=[state_from_json(row) for row in data["rows"]],
            cursor=str(data["cursor"]),
            more=bool(data["more"]),
        )


def state_to_json(state: RecordChange) -> dict[str, Any]:
    return {
        "kind": state.kind,
        "id": state.id,
        "fields": dict(state.fields),
        "created_at": state.created_at.isoformat(),
        "updated_at": state.updated_at.isoformat(),
        "updated_by": state.updated_by,
        "revision": state.revision,
        "based_on": state.based_on,
        "deleted": state.deleted,
    }


def state_from_json(data: Mapping[str, Any]) -> RecordChange:
    """A row's state from JSON; KeyError or ValueError for a malformed one."""
    return RecordChange(
        kind=str(data["kind"]),
        id=str(data["id"]),
        fields=dict(data["fields"]),
        created_at=datetime.fromisoformat(data["created_at"]),
        updated_at=datetime.fromisoformat(data["updated_at"]),
        updated_by=str(data["updated_by"]),
        revision=int(data["revision"]),
        based_on=int(data.get("based_on", 0)),
        deleted=bool(data.get("deleted", False)),
    )
