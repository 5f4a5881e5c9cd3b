"""Every test gets its own data folder, worker name and an offscreen Qt; no test touches the
real user data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
