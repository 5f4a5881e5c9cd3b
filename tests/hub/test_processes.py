"""The hub keeps nothing in memory between requests: two `python -m hub serve` processes on one
PostgreSQL database serve one laptop alternately, as a council's processes behind a load
balancer would, and a revocation made by the command counts on both at once."""

from __future__ import annotations

import io
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import pytest

from db.changelog import utc_now
from db.hub_admin import HubAdmin
from db.hub_open import open_hub_store
from db.store import Store
from hub.cli import main
from tests.hub.conftest import Laptop, PinnedClock, code_for, wait_for
from tests.hub.records import edited, new_person, pull_all, push


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}/v1/status", timeout=1).status_code == 401
    except httpx.TransportError:
        return False


@contextmanager
def hub_process(database: str, folder: Path) -> Iterator[httpx.Client]:
    """`python -m hub serve` on a free port, stopped on leaving; yields a client of it."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (folder / f"hub-{port}.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "hub", "serve", "--database", database, "--port", str(port),
         "--data-dir", str(folder)],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_for(lambda: process.poll() is not None or answers(url), "the hub process", 30)
        assert process.poll() is None, (folder / f"hub-{port}.log").read_text()
        with httpx.Client(base_url=url, timeout=10) as client:
            yield client
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.mark.slow
def test_two_hub_processes_serve_one_laptop_alternately(postgres_url: str, tmp_path: Path) -> None:
    hub = open_hub_store(tmp_path, postgres_url)
    admin = HubAdmin(hub)
    clock = PinnedClock(utc_now())
    admin.add_team("North", clock())
    admin.add_worker("Ann Example", "North", "worker", clock())
    code = code_for(hub, clock, "Ann Example")
    laptop = Store.open(tmp_path / "laptop", "Ann Example", create=True)
    with ExitStack() as stack:
        stack.callback(hub.close)
        stack.callback(laptop.close)
        first = stack.enter_context(hub_process(postgres_url, tmp_path))
        second = stack.enter_context(hub_process(postgres_url, tmp_path))

        enrolled = first.post("/v1/enrol", json={"code": code, "device_name": "Ann's laptop"})
        device_id, secret = enrolled.json()["device_id"], enrolled.json()["secret"]
        session = second.post("/v1/session", json={"device_id": device_id, "secret": secret})
        ann = Laptop(device_id, secret, session.json()["token"])  # signed by the second

        (sent,) = push(first, ann, new_person(laptop, device_id, "Eve Example"))
        assert sent.state is not None
        assert pull_all(second, ann)[sent.state.id].fields["preferred_name"] == "Eve Example"
        (moved,) = push(second, ann, edited(device_id, sent.state, preferred_name="Eve"))
        assert moved.state is not None
        assert pull_all(first, ann)[sent.state.id].revision == moved.state.revision

        out, err = io.StringIO(), io.StringIO()
        revoked = main(["revoke-device", device_id, "--database", postgres_url], out, err)
        assert (revoked, err.getvalue()) == (0, "")
        for client in (first, second):
            refused = client.get("/v1/status", headers=ann.auth)
            assert refused.json()["error"]["code"] == "revoked"
