"""Start a real Assessor that types, kill it, and see what reached the store.

Shared by the kill tests (a few trials) and `bench/kill_typing.py` (hundreds).
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from assessor.record import Person
from db.store import Store
from tests.ui import typing_child

REPO = Path(__file__).resolve().parents[2]
OWED_AFTER_S = 2.0  # text typed this long before a kill must be in the store


class ChildFailed(AssertionError):
    pass


def start_typing(data_dir: Path, mode: str, seed: int = 0) -> tuple[subprocess.Popen[str], str]:
    """A store holding Reg, and the app typing on it in `mode` (see typing_child)."""
    person_id = add_reg(data_dir)
    return start_app(data_dir, person_id, mode, seed), person_id


def add_reg(data_dir: Path) -> str:
    store = Store.open(data_dir, "Test Worker", create=True)
    person_id = store.add_person(Person(preferred_name="Reg", presenting_problem="Lonely")).id
    store.close()
    return person_id


def start_app(data_dir: Path, person_id: str, mode: str, seed: int = 0) -> subprocess.Popen[str]:
    """The app typing into `person_id`'s record. A worker's name is always given, so the
    first-start question about the worker's details never stands in front of the window
    (the benchmark runs it outside the tests, where no name is set)."""
    return subprocess.Popen(
        [sys.executable, typing_child.__file__, str(data_dir), person_id, mode, str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={
            "ASSESSOR_WORKER": "Typing Worker",
            **os.environ,
            "PYTHONPATH": str(REPO),
            "QT_QPA_PLATFORM": "offscreen",
        },
    )


def next_line(child: subprocess.Popen[str], timeout: float = 60) -> str:
    """The child's next line of output, or ChildFailed with what it said on stderr."""
    assert child.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(child.stdout, selectors.EVENT_READ)
        ready = selector.select(timeout)
    line = child.stdout.readline().strip() if ready else ""
    if not line:
        child.kill()
        raise ChildFailed(f"the app stopped reporting: {child.communicate()[1]}")
    return line


def wait_for_line(child: subprocess.Popen[str], expected: str, timeout: float = 60) -> None:
    line = next_line(child, timeout)
    if line != expected:
        child.kill()
        raise ChildFailed(f"the app said {line!r}, not {expected!r}: {child.communicate()[1]}")


def stored_conversation(data_dir: Path, person_id: str) -> str:
    """What page two's "what matters" holds for the person's one contact ("" if none)."""
    store = Store.open(data_dir, "Test Worker")
    try:
        contacts = store.contacts(person_id)
        return store.conversation(contacts[0].id).text("what_matters") if contacts else ""
    finally:
        store.close()


@dataclass(frozen=True)
class Trial:
    typed: int  # keys typed before the kill
    owed: int  # of those, typed more than OWED_AFTER_S before it
    stored: int  # characters found in the store afterwards
    garbled: bool  # what was stored is not what was typed

    @property
    def lost(self) -> int:
        """Characters typed long enough before the kill that are not in the store."""
        return max(0, self.owed - self.stored)


def kill_while_typing(
    data_dir: Path, mode: str, seed: int, kill_now: Callable[[list[float]], bool]
) -> Trial:
    """Type in a real app until `kill_now(arrival times of the keys)`, then SIGKILL it."""
    child, person_id = start_typing(data_dir, mode, seed)
    arrivals: list[float] = []
    while not kill_now(arrivals):
        line = next_line(child)
        if line.startswith("KEY "):
            arrivals.append(time.monotonic())
    killed_at = time.monotonic()
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    stored = stored_conversation(data_dir, person_id)
    return Trial(
        typed=len(arrivals),
        owed=sum(1 for at in arrivals if killed_at - at > OWED_AFTER_S),
        stored=len(stored),
        garbled=not typing_child.LONG_TEXT.startswith(stored),
    )
