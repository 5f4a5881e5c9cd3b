"""Push and pull over HTTP on a real uvicorn, on SQLite and on PostgreSQL: what one laptop of a
team sends reaches the others of that team, never another team's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from assessor.sync.wire import Outcome
from db.hub_admin import HubAdmin
from db.store import Store
from tests.hub.conftest import PinnedClock, both_backends, connect
from tests.hub.records import edited, new_person, pull_all, push


@pytest.fixture
def laptop_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "laptop", "Ann Example", create=True)
    yield store
    store.close()


@both_backends
def test_what_a_laptop_pushes_reaches_its_team_and_no_other(
    client: httpx.Client,
    hub_store: Store,
    clock: PinnedClock,
    teams: HubAdmin,
    laptop_store: Store,
) -> None:
    ann = connect(client, hub_store, clock, "Ann Example")
    bea = connect(client, hub_store, clock, "Bea Example")  # North's team lead
    cal = connect(client, hub_store, clock, "Cal Example")  # South
    change = new_person(laptop_store, ann.device_id, "Ann's person")

    (first,) = push(client, ann, change)

    assert first.outcome is Outcome.APPLIED
    seen_by_lead = pull_all(client, bea)
    assert seen_by_lead[change.state.id].fields["preferred_name"] == "Ann's person"
    assert change.state.id not in pull_all(client, cal)
    reads = [e for e in teams.audit(worker="Bea Example") if e.action == "read"]
    assert (change.state.id, bea.device_id) in {(e.row_id, e.device_id) for e in reads}


@both_backends
def test_a_change_sent_twice_is_applied_once(
    client: httpx.Client,
    hub_store: Store,
    clock: PinnedClock,
    teams: HubAdmin,
    laptop_store: Store,
) -> None:
    ann = connect(client, hub_store, clock, "Ann Example")
    change = new_person(laptop_store, ann.device_id, "Ann's person")

    (first,) = push(client, ann, change)
    (again,) = push(client, ann, change)

    assert (first.outcome, again.outcome) == (Outcome.APPLIED, Outcome.ALREADY_APPLIED)
    assert again.state == first.state


@both_backends
def test_another_teams_edit_is_not_accepted_and_changes_nothing(
    client: httpx.Client,
    hub_store: Store,
    clock: PinnedClock,
    teams: HubAdmin,
    laptop_store: Store,
) -> None:
    ann = connect(client, hub_store, clock, "Ann Example")
    cal = connect(client, hub_store, clock, "Cal Example")
    (sent,) = push(client, ann, new_person(laptop_store, ann.device_id, "Ann's person"))
    assert sent.state is not None

    (refused,) = push(client, cal, edited(cal.device_id, sent.state, preferred_name="Changed"))

    assert refused.outcome is Outcome.NOT_ACCEPTED
    assert "another team" in refused.reason
    assert pull_all(client, ann)[sent.state.id].fields["preferred_name"] == "Ann's person"


def test_an_administrators_laptop_holds_no_records(
    client: httpx.Client, hub_store: Store, clock: PinnedClock, teams: HubAdmin
) -> None:
    dee = connect(client, hub_store, clock, "Dee Example")

    pushed = client.post("/v1/push", json={"changes": []}, headers=dee.auth)
    pulled = client.post("/v1/pull", json={"cursor": None, "limit": 10}, headers=dee.auth)

    for answer in (pushed, pulled):
        assert answer.status_code == 403
        assert answer.json()["error"]["code"] == "not_your_team"


def test_a_bad_cursor_and_too_many_changes_are_bad_requests(
    client: httpx.Client, hub_store: Store, clock: PinnedClock, teams: HubAdmin
) -> None:
    ann = connect(client, hub_store, clock, "Ann Example")

    cursor = client.post("/v1/pull", json={"cursor": "not-ours", "limit": 10}, headers=ann.auth)
    batch = client.post("/v1/push", json={"changes": [{}] * 501}, headers=ann.auth)

    assert [cursor.status_code, batch.status_code] == [400, 400]
    assert cursor.json()["error"]["code"] == batch.json()["error"]["code"] == "bad_request"
