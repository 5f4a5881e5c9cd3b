"""A hub on a real store (SQLite file or a throw-away PostgreSQL database), served by a real
uvicorn on 127.0.0.1, a pinned clock, and the steps every test needs: teams, workers, a
connected laptop."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest
import uvicorn

from db.hub_admin import HubAdmin
from db.hub_open import open_hub_store
from db.store import Store
from hub.app import create_app
from hub.auth import CODE_LIFETIME, code_hash, new_code

START = datetime(2026, 11, 23, 9, 30)


class PinnedClock:
    """UTC without zone, as the hub's clock gives; moved only by the test."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, by: timedelta) -> None:
        self.now += by


@pytest.fixture
def clock() -> PinnedClock:
    return PinnedClock()


@pytest.fixture(params=["sqlite"])
def backend(request: pytest.FixtureRequest) -> str:
    """SQLite by default; a test asks for both with `@both_backends`."""
    return str(request.param)


both_backends = pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def database(backend: str, request: pytest.FixtureRequest) -> str | None:
    return request.getfixturevalue("postgres_url") if backend == "postgresql" else None


@pytest.fixture
def hub_store(tmp_path: Path, database: str | None, clock: PinnedClock) -> Iterator[Store]:
    store = open_hub_store(tmp_path / "hub", database, clock=clock)
    yield store
    store.close()


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 10) -> None:
    """Until `condition` holds, checking every 10 ms; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not condition():
        assert time.monotonic() < deadline, f"waited {timeout} s for {what}"
        pause.wait(0.01)


@contextmanager
def serving(store: Store, clock: PinnedClock) -> Iterator[str]:
    """The hub app on a free loopback port in a thread; yields its base URL."""
    server = uvicorn.Server(
        uvicorn.Config(create_app(store, clock), host="127.0.0.1", port=0, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_for(lambda: server.started or not thread.is_alive(), "the hub to start")
        assert server.started, "the hub did not start"
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def base_url(hub_store: Store, clock: PinnedClock) -> Iterator[str]:
    with serving(hub_store, clock) as url:
        yield url


@pytest.fixture
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=10) as http:
        yield http


@dataclass(frozen=True)
class Laptop:
    device_id: str
    secret: str
    token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def code_for(store: Store, clock: PinnedClock, worker: str) -> str:
    code = new_code()
    HubAdmin(store).add_enrolment_code(worker, code_hash(code), clock(), clock() + CODE_LIFETIME)
    return code


def connect(client: httpx.Client, store: Store, clock: PinnedClock, worker: str) -> Laptop:
    """Enrol a laptop for `worker` and sign it in."""
    code = code_for(store, clock, worker)
    enrolled = client.post("/v1/enrol", json={"code": code, "device_name": f"{worker}'s laptop"})
    assert enrolled.status_code == 200, enrolled.text
    device_id, secret = enrolled.json()["device_id"], enrolled.json()["secret"]
    signed_in = client.post("/v1/session", json={"device_id": device_id, "secret": secret})
    assert signed_in.status_code == 200, signed_in.text
    return Laptop(device_id, secret, signed_in.json()["token"])


@pytest.fixture
def teams(hub_store: Store, clock: PinnedClock) -> HubAdmin:
    """Two teams: Ann Example (worker) and Bea Example (team lead) in North, Cal Example in
    South, and Dee Example, an administrator, in North."""
    admin = HubAdmin(hub_store)
    admin.add_team("North", clock())
    admin.add_team("South", clock())
    admin.add_worker("Ann Example", "North", "worker", clock())
    admin.add_worker("Bea Example", "North", "team-lead", clock())
    admin.add_worker("Cal Example", "South", "ot", clock())
    admin.add_worker("Dee Example", "North", "administrator", clock())
    return admin
