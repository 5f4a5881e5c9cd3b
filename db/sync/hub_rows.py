"""The rows a pushed batch reads, loaded at once: the rows its changes name (locked, `SELECT …
FOR UPDATE` on PostgreSQL, in id order so two hub processes take them in the same order), their
parents, and the teams of their people. A row the batch writes is kept here too, so a later
change of the batch finds its parent without a flush and a query.

What is not loaded is read when asked for, as before. After a savepoint rolls back, `forget()`
drops everything, since rows it held may have been rolled back with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.sync.wire import OutgoingChange
from db.models import Synced
from db.models_hub import HubPersonTeamRow
from db.repositories.received import parent_columns, synced_models
from db.sync.hub_scope import owner_of, team_of

Key = tuple[type[Any], str]


class BatchRows:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._rows: dict[Key, Any] = {}
        self._locked: set[Key] = set()
        self._teams: dict[str, str | None] = {}

    def load(self, changes: Sequence[OutgoingChange]) -> None:
        """Read what deciding `changes` will read, one query a kind of row."""
        models = synced_models()
        named = [(models[c.state.kind], c.state.id) for c in changes if c.state.kind in models]
        self._read(named, lock=True)
        parents = [
            (models[table], str(change.state.fields[column]))
            for change in changes
            if change.state.kind in models
            for column, table in parent_columns(models[change.state.kind])
            if change.state.fields.get(column) and table in models
        ]
        self._read(parents, lock=False)
        owners = {
            owner_of(self.get, change.state.kind, change.state.id, change.state.fields)
            for change in changes
            if change.state.kind in models
        }
        people = sorted(owner for owner in owners - set(self._teams) if owner)
        self._teams |= dict.fromkeys(people)
        if people:
            query = select(HubPersonTeamRow.person_id, HubPersonTeamRow.team_id)
            for person_id, team_id in self.session.execute(
                query.where(HubPersonTeamRow.person_id.in_(people))
            ):
                self._teams[person_id] = team_id

    def _read(self, keys: Iterable[Key], lock: bool) -> None:
        by_model: dict[type[Any], set[str]] = {}
        for model, row_id in keys:
            if (model, row_id) not in self._rows:
                by_model.setdefault(model, set()).add(row_id)
        for model, ids in by_model.items():
            query = select(model).where(model.id.in_(sorted(ids))).order_by(model.id)
            query = query.with_for_update() if lock else query
            found = {row.id: row for row in self.session.scalars(query)}
            for row_id in ids:
                self._rows[(model, row_id)] = found.get(row_id)
                if lock:
                    self._locked.add((model, row_id))

    def get(self, model: type[Any], row_id: str) -> Any:
        """The row of `model` with this id, or None: as loaded, else read now."""
        key = (model, row_id)
        if key not in self._rows:
            self._rows[key] = self.session.get(model, row_id)
        return self._rows[key]

    def locked(self, model: type[Any], row_id: str) -> Any:
        """The row, locked until the transaction ends (`SELECT … FOR UPDATE`), or None."""
        key = (model, row_id)
        if key not in self._locked:
            self._rows[key] = self.session.get(model, row_id, with_for_update=True)
            self._locked.add(key)
        return self._rows[key]

    def written(self, row: Synced) -> None:
        """A row this batch wrote (or made): later changes of the batch find it here."""
        self._rows[(type(row), row.id)] = row

    def team_of(self, person_id: str) -> str | None:
        if person_id not in self._teams:
            self._teams[person_id] = team_of(self.session, person_id)
        return self._teams[person_id]

    def joined(self, person_id: str, team_id: str) -> None:
        self._teams[person_id] = team_id

    def forget(self) -> None:
        self._rows.clear()
        self._locked.clear()
        self._teams.clear()
