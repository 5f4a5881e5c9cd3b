"""A real hub on 127.0.0.1 with one team, and laptops' stores beside it, for the council's
link's tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from db.store import Store
from tests.council.running_hub import RunningHub

TEAM = "North Team"
ANN, BOB = "Ann Example", "Bob Example"


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[RunningHub]:
    running = RunningHub(tmp_path / "hub")
    running.team(TEAM, ANN, BOB)
    running.start()
    yield running
    running.close()


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Callable[[str], Store]]:
    """A laptop's store in a folder of its own, by name; closed at the end."""
    opened: list[Store] = []

    def open_laptop(name: str) -> Store:
        store = Store.open(tmp_path / name, name, create=True)
        opened.append(store)
        return store

    yield open_laptop
    for store in opened:
        store.close()
