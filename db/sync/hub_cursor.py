"""The pull cursor: opaque to a laptop, a small JSON in base64url to the hub.

In feed mode it is the last change-log entry read, as (xid, seq). During a first sync it is also
where the snapshot got to (its phase and the last id sent) and the log position remembered when
the snapshot began, from which the feed continues after it.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass

FEED = "feed"
# A first sync's phases, in order: the worker's own people, the rest, then the caring roles
# that link them (last, so both people of each role are on the laptop before it).
OWN, REST, ROLES = "own", "rest", "roles"
PHASES = (OWN, REST, ROLES, FEED)


class BadCursor(ValueError):
    """A cursor this hub did not make."""


@dataclass(frozen=True, order=True)
class Position:
    """A change-log entry's place: its PostgreSQL transaction (0 on SQLite) and sequence."""

    xid: int = 0
    seq: int = 0


@dataclass(frozen=True)
class Cursor:
    position: Position
    phase: str = FEED
    after: str = ""  # in a snapshot phase: the last id sent

    def encode(self) -> str:
        data: dict[str, int | str] = {"x": self.position.xid, "s": self.position.seq}
        if self.phase != FEED:
            data |= {"p": self.phase, "a": self.after}
        text = json.dumps(data, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(text).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> Cursor:
        try:
            padded = text + "=" * (-len(text) % 4)
            data = json.loads(base64.urlsafe_b64decode(padded.encode()))
            cursor = cls(
                Position(int(data["x"]), int(data["s"])),
                str(data.get("p", FEED)),
                str(data.get("a", "")),
            )
        except (binascii.Error, ValueError, KeyError, TypeError) as error:
            raise BadCursor(_BAD) from error
        if cursor.phase not in PHASES:
            raise BadCursor(_BAD)
        return cursor


_BAD = (
    "This laptop sent a sync position the council's hub did not make. Sync again; if it "
    "keeps happening, ask council IT."
)
