"""Changes as a laptop makes them (a real laptop store's row state), and the HTTP calls that
send and fetch them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import httpx

from assessor.changes import RecordChange
from assessor.record import Person
from assessor.sync.wire import ChangeResult, OutgoingChange, change_id, state_from_json
from db.store import Store
from tests.hub.conftest import Laptop


def new_person(laptop_store: Store, device_id: str, name: str) -> OutgoingChange:
    """A person recorded on a laptop, as the change that sends them to the hub."""
    person = laptop_store.add_person(Person(preferred_name=name, presenting_problem="Falls"))
    state = laptop_store.record_state("people", person.id)
    return OutgoingChange(change_id(device_id, "people", person.id, state.revision), state)


def edited(device_id: str, base: RecordChange, **fields: Any) -> OutgoingChange:
    """An edit of `base` (a state the hub sent) made on a laptop."""
    revision = base.revision + 1
    state = replace(
        base, fields={**base.fields, **fields}, revision=revision, based_on=base.revision
    )
    changed = {name: base.fields[name] for name in fields}
    return OutgoingChange(change_id(device_id, base.kind, base.id, revision), state, changed)


def push(client: httpx.Client, laptop: Laptop, *changes: OutgoingChange) -> list[ChangeResult]:
    answer = client.post(
        "/v1/push", json={"changes": [c.to_json() for c in changes]}, headers=laptop.auth
    )
    assert answer.status_code == 200, answer.text
    return [ChangeResult.from_json(result) for result in answer.json()["results"]]


def pull_all(client: httpx.Client, laptop: Laptop, limit: int = 1500) -> dict[str, RecordChange]:
    """Every row the laptop is sent on a first sync, page by page, by id."""
    rows: dict[str, RecordChange] = {}
    cursor, more = None, True
    while more:
        answer = client.post(
            "/v1/pull", json={"cursor": cursor, "limit": limit}, headers=laptop.auth
        )
        assert answer.status_code == 200, answer.text
        page = answer.json()
        rows.update({row["id"]: state_from_json(row) for row in page["rows"]})
        cursor, more = page["cursor"], page["more"]
    return rows
