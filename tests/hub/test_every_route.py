"""Every route under /v1 but enrolment and sign-in, taken from the app's own route table, refuses
a request with no token, a revoked laptop's token, and another team's records. A new route is
tested here without anyone listing it, and fails until it says what a request to it looks like
and how it keeps to the caller's team."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute

from db.hub_admin import HubAdmin
from db.store import Store
from hub.app import api
from tests.hub.conftest import Laptop, PinnedClock, connect

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
    "/v1/status": None,
}


def call(client: httpx.Client, route: APIRoute, headers: dict[str, str]) -> httpx.Response:
    assert route.path in BODIES, f"say what a request to {route.path} looks like in BODIES"
    (method,) = route.methods
    return client.request(method, route.path, json=BODIES[route.path], headers=headers)


def status_keeps_to_the_team(
    client: httpx.Client, store: Store, clock: PinnedClock, north: Laptop, south: Laptop
) -> None:
    """Status tells a laptop about itself alone."""
    for laptop, team in ((north, "North"), (south, "South")):
        answer = client.get("/v1/status", headers=laptop.auth).json()
        assert (answer["team"], answer["device_id"]) == (team, laptop.device_id)


# How each guarded route is shown to keep a laptop to its worker's team's records.
KEEPS_TO_THE_TEAM: dict[str, Callable[[httpx.Client, Store, PinnedClock, Laptop, Laptop], None]] = {
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
    client: httpx.Client, route: APIRoute, hub_store: Store, clock: PinnedClock, teams: HubAdmin
) -> None:
    assert route.path in KEEPS_TO_THE_TEAM, f"show how {route.path} keeps to the caller's team"
    north = connect(client, hub_store, clock, "Ann Example")
    south = connect(client, hub_store, clock, "Cal Example")

    KEEPS_TO_THE_TEAM[route.path](client, hub_store, clock, north, south)
