"""Every route under /v1 but enrolment and sign-in, taken from the app's own route table, refuses
a request with no token, a revoked laptop's token, and another team's records. A new route is
tested here without anyone listing it, and fails until it says what a request to it looks like
and how it keeps to the caller's team."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute

from assessor.sync.wire import Outcome
from db.hub_admin import HubAdmin
from db.store import Store
from hub.app import api
from tests.hub.conftest import Laptop, PinnedClock, connect
from tests.hub.records import edited, new_person, pull_all, push

OPEN = {"/v1/enrol", "/v1/session"}
GUARDED = sorted(
    (
        route
        for route in api().routes
        if isinstance(route, APIRoute) and route.path.startswith("/v1/") and route.path not in OPEN
    ),
    key=lambda route: route.path,
)

# A well-formed request to each guarded route: its body (None for a GET).
BODIES: dict[str, Any] = {
    "/v1/push": {"changes": []},
    "/v1/pull": {"cursor": None, "limit": 10},
    "/v1/status": None,
}


def call(client: httpx.Client, route: APIRoute, headers: dict[str, str]) -> httpx.Response:
    assert route.path in BODIES, f"say what a request to {route.path} looks like in BODIES"
    (method,) = route.methods
    return client.request(method, route.path, json=BODIES[route.path], headers=headers)


@dataclass(frozen=True)
class TwoTeams:
    """A laptop in North and one in South, and a laptop store to make North's records on."""

    client: httpx.Client
    north: Laptop
    south: Laptop
    records: Store


def status_keeps_to_the_team(teams: TwoTeams) -> None:
    """Status tells a laptop about itself alone."""
    for laptop, team in ((teams.north, "North"), (teams.south, "South")):
        answer = teams.client.get("/v1/status", headers=laptop.auth).json()
        assert (answer["team"], answer["device_id"]) == (team, laptop.device_id)


def push_keeps_to_the_team(teams: TwoTeams) -> None:
    """South cannot change North's person."""
    client, north, south = teams.client, teams.north, teams.south
    (sent,) = push(client, north, new_person(teams.records, north.device_id, "Eve Example"))
    assert sent.state is not None

    (refused,) = push(client, south, edited(south.device_id, sent.state, preferred_name="Eve"))

    assert refused.outcome is Outcome.NOT_ACCEPTED
    assert pull_all(client, north)[sent.state.id].fields["preferred_name"] == "Eve Example"


def pull_keeps_to_the_team(teams: TwoTeams) -> None:
    """South is never sent North's person; North is."""
    change = new_person(teams.records, teams.north.device_id, "Eve Example")
    push(teams.client, teams.north, change)

    assert change.state.id in pull_all(teams.client, teams.north)
    assert change.state.id not in pull_all(teams.client, teams.south)


# How each guarded route is shown to keep a laptop to its worker's team's records.
KEEPS_TO_THE_TEAM: dict[str, Callable[[TwoTeams], None]] = {
    "/v1/push": push_keeps_to_the_team,
    "/v1/pull": pull_keeps_to_the_team,
    "/v1/status": status_keeps_to_the_team,
}


def test_every_guarded_route_is_walked_and_nothing_else() -> None:
    """The tests below are made from the route table; this one fails if it has none."""
    assert {route.path for route in GUARDED} == set(BODIES) == set(KEEPS_TO_THE_TEAM)


@pytest.fixture(params=GUARDED, ids=lambda route: route.path)
def route(request: pytest.FixtureRequest) -> APIRoute:
    return request.param  # type: ignore[no-any-return]


def test_it_refuses_a_request_without_a_token(
    client: httpx.Client, route: APIRoute, teams: HubAdmin
) -> None:
    for headers in ({}, {"Authorization": "Basic QW5uOnNlY3JldA=="}, {"Authorization": "Bearer"}):
        refused = call(client, route, headers)

        assert refused.status_code == 401
        assert refused.json()["error"]["code"] == "no_token"


def test_it_refuses_a_revoked_laptop(
    client: httpx.Client, route: APIRoute, hub_store: Store, clock: PinnedClock, teams: HubAdmin
) -> None:
    laptop = connect(client, hub_store, clock, "Ann Example")
    assert call(client, route, laptop.auth).status_code == 200

    teams.revoke_device(laptop.device_id, clock())
    refused = call(client, route, laptop.auth)

    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "revoked"


def test_it_keeps_to_the_callers_team(
    client: httpx.Client,
    route: APIRoute,
    hub_store: Store,
    clock: PinnedClock,
    teams: HubAdmin,
    tmp_path: Path,
) -> None:
    assert route.path in KEEPS_TO_THE_TEAM, f"show how {route.path} keeps to the caller's team"
    north = connect(client, hub_store, clock, "Ann Example")
    south = connect(client, hub_store, clock, "Cal Example")
    records = Store.open(tmp_path / "laptop", "Ann Example", create=True)
    try:
        KEEPS_TO_THE_TEAM[route.path](TwoTeams(client, north, south, records))
    finally:
        records.close()
