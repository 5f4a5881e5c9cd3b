"""Enrolment and sign-in over HTTP: a code works once and for 24 hours, the secret is kept only
as a hash, and a revoked laptop is refused on its very next request."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import httpx

from db.connection import store_path
from db.hub_admin import HubAdmin
from db.store import Store
from hub.errors import UNAVAILABLE
from tests.hub.conftest import PinnedClock, code_for, connect


def enrol(client: httpx.Client, code: str) -> httpx.Response:
    return client.post("/v1/enrol", json={"code": code, "device_name": "Ann's laptop"})


def test_a_code_connects_a_laptop_once(
    client: httpx.Client, hub_store: Store, clock: PinnedClock, teams: HubAdmin
) -> None:
    code = code_for(hub_store, clock, "Ann Example")

    first = enrol(client, code.lower().replace("-", " "))  # typed loosely: still the code
    again = enrol(client, code)

    assert first.status_code == 200
    answer = first.json()
    assert answer["worker"] == {"name": "Ann Example", "team": "North", "role": "worker"}
    assert len(answer["secret"]) >= 43
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "code_used"
    (device,) = teams.devices()
    assert (device.id, device.name, device.enrolled_at) == (
        answer["device_id"],
        "Ann's laptop",
        clock(),
    )
    assert [(e.action, e.device_id) for e in teams.audit()] == [("enrol", device.id)]


def test_a_code_expires_after_24_hours(
    client: httpx.Client, hub_store: Store, clock: PinnedClock, teams: HubAdmin
) -> None:
    code = code_for(hub_store, clock, "Ann Example")
    clock.advance(timedelta(hours=25))

    refused = enrol(client, code)

    assert refused.status_code == 410
    assert refused.json()["error"]["code"] == "code_expired"
    assert "24 hours" in refused.json()["error"]["message"]
    assert teams.devices() == []


def test_an_unknown_code_is_refused_in_plain_words(client: httpx.Client, teams: HubAdmin) -> None:
    refused = enrol(client, "AAAA-BBBB-CCCC")

    assert refused.status_code == 400
    assert refused.json()["error"]["message"].startswith("That enrolment code is not one")


def test_neither_the_code_nor_the_secret_is_stored_in_plain(
    client: httpx.Client, hub_store: Store, clock: PinnedClock, teams: HubAdmin, tmp_path: Path
) -> None:
    code = code_for(hub_store, clock, "Ann Example")
    laptop = connect_with(client, code)

    kept = b"".join(path.read_bytes() for path in (tmp_path / "hub").glob("assessor.sqlite*"))
    assert store_path(tmp_path / "hub").exists()
    assert laptop["device_id"].encode() in kept  # the search does see the file's contents
    assert laptop["secret"].encode() not in kept
    assert code.encode() not in kept and code.replace("-", "").encode() not in kept


def connect_with(client: httpx.Client, code: str) -> dict[str, str]:
    answer = enrol(client, code)
    assert answer.status_code == 200
    return dict(answer.json())


def test_a_session_token_lasts_15_minutes(
    client: httpx.Client, hub_store: Store, clock: PinnedClock, teams: HubAdmin
) -> None:
    laptop = connect(client, hub_store, clock, "Ann Example")

    clock.advance(timedelta(minutes=14))
    still = client.get("/v1/status", headers=laptop.auth)
    clock.advance(timedelta(minutes=2))
    expired = client.get("/v1/status", headers=laptop.auth)

    assert still.json() == {
        "worker": "Ann Example",
        "team": "North",
        "role": "worker",
        "device_id": laptop.device_id,
    }
    assert expired.status_code == 401
    assert expired.json()["error"]["code"] == "token_expired"


def test_a_wrong_secret_a_forged_token_and_an_unknown_device_are_refused(
    client: httpx.Client, hub_store: Store, clock: PinnedClock, teams: HubAdmin
) -> None:
    laptop = connect(client, hub_store, clock, "Ann Example")
    payload, _dot, _signature = laptop.token.partition(".")

    wrong = client.post("/v1/session", json={"device_id": laptop.device_id, "secret": "x" * 43})
    unknown = client.post("/v1/session", json={"device_id": "nope", "secret": laptop.secret})
    forged = client.get("/v1/status", headers={"Authorization": f"Bearer {payload}.AAAA"})
    garbled = client.get("/v1/status", headers={"Authorization": "Bearer !!!"})

    assert [r.status_code for r in (wrong, unknown, forged, garbled)] == [401] * 4
    codes = [r.json()["error"]["code"] for r in (wrong, unknown, forged, garbled)]
    assert codes == ["bad_secret", "unknown_device", "bad_token", "bad_token"]


def test_revoking_refuses_the_next_request_with_a_still_valid_token(
    client: httpx.Client, hub_store: Store, clock: PinnedClock, teams: HubAdmin
) -> None:
    laptop = connect(client, hub_store, clock, "Ann Example")
    assert client.get("/v1/status", headers=laptop.auth).status_code == 200

    teams.revoke_device(laptop.device_id, clock())
    refused = client.get("/v1/status", headers=laptop.auth)
    again = client.post(
        "/v1/session", json={"device_id": laptop.device_id, "secret": laptop.secret}
    )

    for answer in (refused, again):
        assert answer.status_code == 401
        assert answer.json()["error"] == {
            "code": "revoked",
            "message": "This laptop's connection to the council was withdrawn on 23 Nov 2026. "
            "Nothing on it has been removed; ask council IT to connect it again.",
        }


def test_a_malformed_request_and_an_unknown_address_get_the_error_shape(
    client: httpx.Client, teams: HubAdmin
) -> None:
    malformed = client.post("/v1/enrol", json={"code": 5})
    nowhere = client.get("/v1/nowhere")

    assert malformed.status_code == 400
    assert malformed.json()["error"]["code"] == "bad_request"
    assert nowhere.status_code == 404
    assert nowhere.json()["error"]["code"] == "not_found"


def test_the_hub_serves_its_openapi_description(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]

    assert set(paths) == {"/v1/enrol", "/v1/session", "/v1/push", "/v1/pull", "/v1/status"}


def test_a_database_out_of_reach_is_a_503_in_plain_words(
    client: httpx.Client, hub_store: Store, clock: PinnedClock, teams: HubAdmin, tmp_path: Path
) -> None:
    laptop = connect(client, hub_store, clock, "Ann Example")
    shutil.rmtree(tmp_path / "hub")
    hub_store.engine.dispose()  # its open connections go, so the next must find the file

    answer = client.get("/v1/status", headers=laptop.auth)

    assert answer.status_code == 503
    assert answer.json()["error"] == {"code": "unavailable", "message": UNAVAILABLE}
