"""States of sync put straight into a real store, as the hub's rows and answers would leave
them: a laptop connected to a hub out of reach, a conflict, a change not accepted."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import update

from assessor.changes import RecordChange
from council.credentials import keyring_credentials
from db.models import ChangeRow
from db.store import Store
from db.sync.laptop_side import LaptopSync
from tests.ui.clock import MOMENT

DEVICE = "device-1"


def unreachable_hub() -> str:
    """The address of a port on this machine that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def connect_offline(store: Store, role: str = "worker") -> None:
    """Enrol the store as connect does, to a hub that cannot be reached."""
    keyring_credentials().save(DEVICE, "a long random secret")
    LaptopSync(store).connected_as(unreachable_hub(), DEVICE, store.worker, "North team", role)


def add_conflict(
    store: Store,
    person_id: str,
    fields: Mapping[str, tuple[Any, Any, Any]],  # name: (original, incoming, current)
    incoming_by: str = "Test Worker",
    current_by: str = "Bob Example",
) -> str:
    """A conflict on the person's page one, arrived from the hub as an ordinary synced row."""
    conflict_id = str(uuid.uuid4())
    versions = {
        name: {"original": original, "incoming": incoming, "current": current}
        for name, (original, incoming, current) in fields.items()
    }
    store.apply_change(
        RecordChange(
            kind="sync_conflicts",
            id=conflict_id,
            fields={
                "person_id": person_id,
                "kind": "people",
                "row_id": person_id,
                "fields": versions,
                "incoming_by": incoming_by,
                "incoming_at": "2026-11-23T10:42:00+00:00",
                "current_by": current_by,
                "current_at": "2026-11-23T10:40:00+00:00",
                "resolution": {},
                "resolved": False,
            },
            created_at=MOMENT,
            updated_at=MOMENT,
            updated_by=current_by,
            revision=1,
            based_on=0,
        )
    )
    return conflict_id


def hold(store: Store, row_id: str, reason: str) -> None:
    """The hub did not accept the row's changes: they are held aside with its reason."""
    with store.unit() as unit:
        unit.session.execute(
            update(ChangeRow).where(ChangeRow.row_id == row_id).values(held_reason=reason)
        )
