"""Changes not yet accepted by the council's hub are never lost by replacing the store.

Whatever removes or replaces a store file (putting back a backup, a reset) asks here first: on
a laptop connected to a hub, changes still to send or held aside exist nowhere else. A store
never connected has no hub to lose them to, so it is not held back.
"""

from __future__ import annotations

from pathlib import Path

from db.connection import raw_connection
from db.problems import StoreProblem


class UnsyncedChanges(StoreProblem):
    """The store holds changes the hub does not have; it is left as it is."""


def unsynced_changes(path: Path) -> int:
    """Changes in the store at `path` the hub has not accepted (waiting or held aside); 0 for
    a store never connected to a hub."""
    with raw_connection(path, "ro") as store:
        tables = store.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
            "AND name IN ('sync_state', 'change_log')"
        ).fetchone()[0]
        if tables < 2:  # a store from before sync: never connected
            return 0
        connected = store.execute(
            "SELECT 1 FROM sync_state WHERE key = 'device_id' AND value != ''"
        ).fetchone()
        if connected is None:
            return 0
        (count,) = store.execute("SELECT count(*) FROM change_log WHERE NOT sent").fetchone()
    return int(count)


def refuse_if_unsynced(path: Path, doing: str) -> None:
    """UnsyncedChanges, saying why in plain words, when `doing` would lose changes."""
    count = unsynced_changes(path)
    if count:
        changes = "1 change" if count == 1 else f"{count} changes"
        raise UnsyncedChanges(
            f"Your records in {path.parent} hold {changes} not yet accepted by the council's "
            f"hub, so Assessor did not {doing}: they would be lost. Nothing has been changed. "
            "Sync when the hub can be reached, or ask council IT for help."
        )
