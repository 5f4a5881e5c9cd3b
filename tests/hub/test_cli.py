"""The `assessor-hub` command: each command's output, and each mistake as one plain line on
standard error with a non-zero exit."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from db.hub_access import HubAccess
from db.hub_open import open_hub_store
from hub.auth import CODE_ALPHABET, code_hash
from hub.cli import main
from tests.hub.conftest import PinnedClock


@dataclass(frozen=True)
class Ran:
    status: int
    out: str
    err: str


RunHub = Callable[..., Ran]


@pytest.fixture
def hub_cli(tmp_path: Path, clock: PinnedClock) -> RunHub:
    folder = tmp_path / "hub"

    def run(*argv: str) -> Ran:
        out, err = io.StringIO(), io.StringIO()
        status = main([*argv, "--data-dir", str(folder)], out, err, clock)
        return Ran(status, out.getvalue(), err.getvalue())

    return run


def test_council_it_sets_up_a_team_and_gives_a_code(hub_cli: RunHub, clock: PinnedClock) -> None:
    assert hub_cli("add-team", "North") == Ran(0, "Added the team North.\n", "")
    assert hub_cli("add-worker", "Ann Example", "--team", "North", "--role", "ot") == Ran(
        0, "Added Ann Example to North as ot.\n", ""
    )

    given = hub_cli("enrolment-code", "Ann Example")

    assert given.status == 0 and given.err == ""
    first, code = given.out.splitlines()
    assert first == (
        "An enrolment code for Ann Example (North). It works once, until 24 Nov 2026 09:30 UTC:"
    )
    groups = code.split("-")
    assert [len(group) for group in groups] == [4, 4, 4]
    assert set("".join(groups)) <= set(CODE_ALPHABET)


def test_devices_lists_each_laptop_and_revoke_device_withdraws_one(
    hub_cli: RunHub, clock: PinnedClock, tmp_path: Path
) -> None:
    assert "No laptops are connected yet" in hub_cli("devices").out
    hub_cli("add-team", "North")
    hub_cli("add-worker", "Ann Example", "--team", "North", "--role", "worker")
    code = hub_cli("enrolment-code", "Ann Example").out.splitlines()[-1]
    store = open_hub_store(tmp_path / "hub", None, clock=clock)
    try:
        HubAccess(store).enrol(code_hash(code), "device-1", "Ann's laptop", "hash", clock())
    finally:
        store.close()
    clock.advance(timedelta(days=2))

    revoked = hub_cli("revoke-device", "device-1")
    listed = hub_cli("devices").out.splitlines()
    audit = hub_cli("audit", "--worker", "Ann Example").out.splitlines()

    assert revoked.status == 0 and "refused from its next request" in revoked.out
    assert listed[0].split() == [
        "id",
        "worker",
        "team",
        "name",
        "enrolled",
        "last",
        "seen",
        "revoked",
    ]
    assert listed[1].split() == [
        "device-1", "Ann", "Example", "North", "Ann's", "laptop",
        "23", "Nov", "2026", "09:30", "UTC", "23", "Nov", "2026", "09:30", "UTC",
        "25", "Nov", "2026", "09:30", "UTC",
    ]  # fmt: skip
    assert [line.split()[8] for line in audit[1:]] == ["enrol", "revoke"]
    assert hub_cli("audit", "--since", "2026-11-24").out.count("revoke") == 2  # action, detail
    assert "nothing that matches" in hub_cli("audit", "--person", "someone").out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["add-worker", "Ann Example", "--team", "Nowhere", "--role", "worker"],
         "There is no team called Nowhere; add it first with add-team."),
        (["add-worker", "Bea Example", "--team", "North", "--role", "boss"],
         "'boss' is not a role; choose one of: worker, ot, team-lead, administrator."),
        (["add-worker", "Ann Example", "--team", "North", "--role", "worker"],
         "There is already a worker called Ann Example."),
        (["add-team", "North"], "There is already a team called North."),
        (["enrolment-code", "Zed Example"],
         "There is no worker called Zed Example; add them with add-worker."),
        (["revoke-device", "no-such-device"],
         "There is no device no-such-device; `devices` lists them."),
        (["audit", "--since", "yesterday"],
         "argument --since: 'yesterday' is not a date like 2026-11-23 "
         "(assessor-hub --help lists the commands)"),
        (["devices", "--database", "mysql://somewhere/hub"],
         "The database address is not one the hub can use"),
        (["devices", "--database", "postgresql+psycopg://hub@/none?host=/nowhere"],
         "The hub's database cannot be reached."),
    ],
)  # fmt: skip
def test_a_mistake_is_one_plain_line_and_a_failed_exit(
    hub_cli: RunHub, argv: list[str], message: str
) -> None:
    hub_cli("add-team", "North")
    hub_cli("add-worker", "Ann Example", "--team", "North", "--role", "worker")

    failed = hub_cli(*argv)

    assert failed.status != 0
    assert failed.out == ""
    assert failed.err.startswith(message)
    assert failed.err.count("\n") == 1


@pytest.mark.slow
def test_python_m_hub_is_the_command(tmp_path: Path) -> None:
    environment = {**os.environ, "ASSESSOR_HUB_DATA_DIR": str(tmp_path / "hub")}

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "hub", *argv],
            capture_output=True, text=True, env=environment, timeout=60, check=False,
        )  # fmt: skip

    added = run("add-team", "North")
    duplicate = run("add-team", "North")

    assert (added.returncode, added.stdout, added.stderr) == (0, "Added the team North.\n", "")
    assert (duplicate.returncode, duplicate.stdout) == (1, "")
    assert duplicate.stderr == "There is already a team called North.\n"
    assert (tmp_path / "hub" / "assessor.sqlite").exists()
