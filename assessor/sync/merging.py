"""What the hub does with a change made from an older revision: merge, or keep both.

Never last-write-wins (Primero lost records that way): a field the laptop changed that no one
else changed since its base is applied; a field both changed is a conflict, unless both reached
the same value, and the hub's value stays current until a worker chooses. Consent, sharing and
alerts are a conflict whenever both changed them, even to the same words: a worker must see
that two people decided them. An edit meeting a deletion is a conflict on `deleted`. See
docs/sync-protocol.md, "Conflict rules".
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from typing import Any

DELETED = "deleted"

# Where a silent merge is dangerous: what the person agreed to, and what a visitor must know.
SENSITIVE_FIELDS = frozenset(
    {"consent_to_record", "consent_to_share", "share_with", "consent_date", "consent_how", "alerts"}
)


@dataclass(frozen=True)
class FieldVersions:
    """One field as it was at the base, as the incoming change has it, and as the hub has it."""

    original: Any
    incoming: Any
    current: Any

    def to_json(self) -> dict[str, Any]:
        return {"original": self.original, "incoming": self.incoming, "current": self.current}


@dataclass(frozen=True)
class Merge:
    apply: dict[str, Any] = field(default_factory=dict)  # fields to write (maybe `deleted`)
    conflicts: dict[str, FieldVersions] = field(default_factory=dict)


def merge(
    current: Mapping[str, Any],
    incoming: Mapping[str, Any],
    changed: Mapping[str, Any],
    theirs: Set[str],
) -> Merge:
    """Merge an incoming change into the hub's row.

    `current` and `incoming` are whole states with `deleted` among the fields; `changed` holds
    the fields the incoming change altered, with their old values; `theirs` names the fields
    other devices changed on the hub since the incoming change's base.
    """
    apply: dict[str, Any] = {}
    conflicts: dict[str, FieldVersions] = {}
    for name, old in changed.items():
        new = incoming.get(name)
        now = current.get(name)
        if name not in theirs:
            apply[name] = new
        elif new != now or name in SENSITIVE_FIELDS:
            conflicts[name] = FieldVersions(old, new, now)
    edited = {name for name in changed if name != DELETED}
    if apply.get(DELETED) and (theirs - {DELETED}):
        # Deleted here, edited there: keep the row, ask.
        del apply[DELETED]
        conflicts[DELETED] = FieldVersions(False, True, bool(current.get(DELETED)))
    elif edited and current.get(DELETED) and DELETED in theirs and DELETED not in changed:
        conflicts[DELETED] = FieldVersions(False, False, True)
    return Merge(apply, conflicts)
