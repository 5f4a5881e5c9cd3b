"""`assessor connect` and `assessor sync` against a real hub: what the person at the terminal
reads, and the exit codes scripts rely on."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from council.problems import OFFLINE
from db.store import Store
from db.sync.laptop_side import LaptopSync
from tests.cli_helpers import cli, isolated_data_dir
from tests.council.conftest import ANN, TEAM
from tests.council.running_hub import RunningHub


@pytest.fixture(autouse=True)
def env_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return isolated_data_dir(tmp_path, monkeypatch)


def connected(hub: RunningHub, data_dir: Path) -> None:
    code, out, err = cli("connect", hub.url, hub.code_for(ANN), "--data-dir", str(data_dir))
    assert (code, err) == (0, ""), err
    assert out == f"Connected to the council's hub at {hub.url} as {ANN} ({TEAM}, worker).\n"


def test_connect_makes_the_store_and_says_who_the_laptop_is_for(
    hub: RunningHub, tmp_path: Path
) -> None:
    connected(hub, tmp_path / "laptop")
    store = Store.open(tmp_path / "laptop", "CLI Test Worker")
    assert LaptopSync(store).status().worker == ANN
    store.close()


def test_connect_with_no_keyring_fails_in_plain_words_and_keeps_nothing(
    hub: RunningHub, tmp_path: Path
) -> None:
    keyring.set_keyring(fail.Keyring())
    code, out, err = cli("connect", hub.url, hub.code_for(ANN), "--data-dir", str(tmp_path / "l"))
    assert (code, out) == (1, "")
    assert "no safe place for the council's key (no keyring)" in err
    store = Store.open(tmp_path / "l", "CLI Test Worker")
    assert not LaptopSync(store).status().connected
    store.close()


def test_sync_offline_is_fine_unless_strict(hub: RunningHub, tmp_path: Path) -> None:
    connected(hub, tmp_path / "laptop")
    hub.stop()
    code, out, err = cli("sync", "--data-dir", str(tmp_path / "laptop"))
    assert (code, out, err) == (0, f"Working offline. {OFFLINE}\n", "")
    code, out, err = cli("sync", "--strict", "--data-dir", str(tmp_path / "laptop"))
    assert (code, out) == (1, "") and OFFLINE in err


def test_sync_of_a_revoked_laptop_fails_with_the_hubs_message(
    hub: RunningHub, tmp_path: Path
) -> None:
    connected(hub, tmp_path / "laptop")
    store = Store.open(tmp_path / "laptop", "CLI Test Worker")
    device_id = LaptopSync(store).device_id()
    store.close()
    assert device_id is not None
    hub.admin("revoke-device", device_id)
    code, out, err = cli("sync", "--data-dir", str(tmp_path / "laptop"))
    assert (code, out) == (1, "") and "withdrawn" in err
