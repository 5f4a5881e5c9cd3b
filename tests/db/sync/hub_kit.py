"""A hub's store with two teams, and laptops' changes made by hand, for the hub's sync tests."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text

from assessor.changes import RecordChange
from assessor.sync.wire import ChangeResult, Outcome, OutgoingChange, PulledPage, change_id
from db.models_hub import HubTeamRow
from db.store import Store
from db.sync.hub_side import DeviceScope, HubSync

HUB_NOW = datetime(2026, 11, 23, 12, 0)  # the hub's clock: naive UTC, as the store keeps it
MADE = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # when a laptop made a row
EDITED = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)  # when a laptop edited it
NORTH, SOUTH = "team-north", "team-south"


def add_teams(store: Store) -> None:
    with store.unit() as unit:
        for team in (NORTH, SOUTH):
            unit.session.add(HubTeamRow(id=team, name=team, created_at=HUB_NOW))


class Laptop:
    """One enrolled device: makes changes as a laptop's sync would, and pushes and pulls them."""

    def __init__(self, hub: HubSync, worker: str, team: str) -> None:
        self.hub = hub
        self.scope = DeviceScope(str(uuid.uuid4()), worker, team)

    def push(self, *changes: OutgoingChange) -> list[ChangeResult]:
        return self.hub.push(self.scope, changes)

    def push_one(self, change: OutgoingChange) -> ChangeResult:
        (result,) = self.push(change)
        return result

    def settled(self, change: OutgoingChange) -> RecordChange:
        """Push one change the hub must apply; the state it answers with."""
        result = self.push_one(change)
        assert result.outcome is Outcome.APPLIED, result
        assert result.state is not None
        return result.state

    def pull_all(self, limit: int, cursor: str | None = None) -> list[PulledPage]:
        """Pages pulled from `cursor` until the hub says there are no more."""
        pages = []
        while True:
            page = self.hub.pull(self.scope, cursor, limit)
            pages.append(page)
            cursor = page.cursor
            if not page.more:
                return pages

    def new(self, kind: str, fields: dict[str, Any], row_id: str | None = None) -> OutgoingChange:
        """A row new to the hub: every field changed from nothing."""
        state = RecordChange(
            kind, row_id or str(uuid.uuid4()), fields, MADE, MADE, self.scope.worker, 1, 0
        )
        return self._change(state, dict.fromkeys(fields))

    def edit(
        self,
        base: RecordChange,
        *,
        revision: int | None = None,
        deleted: bool | None = None,
        new_to_hub: bool = False,
        **fields: Any,
    ) -> OutgoingChange:
        """An edit made on this laptop from `base`, the state it last agreed with the hub; or,
        `new_to_hub`, from its own state of a row whose first push was never answered."""
        changed = {name: base.fields.get(name) for name in fields}
        if deleted is not None:
            changed["deleted"] = base.deleted
        if new_to_hub:
            changed = dict.fromkeys({**base.fields, **fields})
        state = replace(
            base,
            fields={**base.fields, **fields},
            revision=revision or base.revision + 1,
            based_on=0 if new_to_hub else base.revision,
            updated_by=self.scope.worker,
            updated_at=EDITED,
            deleted=base.deleted if deleted is None else deleted,
        )
        return self._change(state, changed)

    def _change(self, state: RecordChange, changed: dict[str, Any]) -> OutgoingChange:
        row_change_id = change_id(self.scope.device_id, state.kind, state.id, state.revision)
        return OutgoingChange(row_change_id, state, changed)


def person(name: str, caseload_of: str = "", **fields: Any) -> dict[str, Any]:
    return {
        "preferred_name": name,
        "presenting_problem": "Finding the stairs hard since a fall",
        "caseload_of": caseload_of,
        **fields,
    }


def contact(person_id: str, **fields: Any) -> dict[str, Any]:
    return {"person_id": person_id, "on": "2026-11-20", "followed": [], **fields}


def count(store: Store, sql: str, **params: Any) -> int:
    with store.engine.connect() as connection:
        return int(connection.execute(text(sql), params).scalar_one())
