"""A real hub on 127.0.0.1 for the desktop's sync screens, with the test's worker on a team."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.council.running_hub import RunningHub

TEAM = "North Team"
WORKER = "Test Worker"  # the worker of the UI tests' store


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[RunningHub]:
    running = RunningHub(tmp_path / "hub")
    running.team(TEAM, WORKER)
    running.start()
    yield running
    running.close()
