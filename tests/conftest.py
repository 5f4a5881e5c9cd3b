"""Every test gets its own data folder, worker name and an offscreen Qt; no test touches the
real user data folder."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.kit.keyring import MemoryKeyring
from tests.kit.postgres import TEMPLATE, PostgresServer, running_server


def laptop_screen() -> str:
    """Qt's offscreen platform with one screen the size of the commonest council laptop's
    (1366 by 768 less a task bar), so windows are laid out as a worker would see them rather
    than on the plugin's default 800 by 800."""
    config = Path(tempfile.mkdtemp(prefix="assessor-screen-")) / "laptop.json"
    screen = {"name": "Laptop", "x": 0, "y": 0, "width": 1366, "height": 728}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    return f"offscreen:configfile={config}"


if "QT_QPA_PLATFORM" not in os.environ:
    os.environ["QT_QPA_PLATFORM"] = laptop_screen()


@pytest.fixture(autouse=True)
def isolated_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The store, settings and caches of a test live under its own temporary folder."""
    data = tmp_path / "data"
    monkeypatch.setenv("ASSESSOR_DATA_DIR", str(data))
    monkeypatch.setenv("ASSESSOR_WORKER", "Test Worker")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    return data


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    """No test reads or writes the computer's real keyring: each gets an empty one in memory."""
    import keyring

    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    return ring


@pytest.fixture
def store(tmp_path: Path) -> Iterator[object]:
    from db.store import Store

    opened = Store.open(tmp_path / "store", "Test Worker", create=True)
    yield opened
    opened.close()


@pytest.fixture
def example_store(store: object) -> object:
    """A store holding the fictional example caseload."""
    from assessor.example import example_caseload

    store.add_files(example_caseload(date.today()))  # type: ignore[attr-defined]
    return store


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One throw-away PostgreSQL server for the session, with a database at the current schema
    to copy, so a test's fresh database costs a copy rather than a migration."""
    from db.server import open_server_store

    with running_server() as server:
        open_server_store(server.new_database(name=TEMPLATE), "Test Worker").close()
        yield server


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """A database of the test's own, at the current schema."""
    return postgres_server.new_database(template=TEMPLATE)
