"""Nothing typed is lost: not when the app is killed after autosave, nor when told to quit."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from assessor.record import Person
from db.store import Store
from tests.ui import typing_child

REPO = Path(__file__).resolve().parents[2]


def start_typing(data_dir: Path, mode: str) -> tuple[subprocess.Popen[str], str]:
    store = Store.open(data_dir, "Test Worker", create=True)
    person_id = store.add_person(Person(preferred_name="Reg", presenting_problem="Lonely")).id
    store.close()
    child = subprocess.Popen(
        [sys.executable, str(Path(typing_child.__file__)), str(data_dir), person_id, mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"},
    )
    return child, person_id


def wait_for_line(child: subprocess.Popen[str], expected: str, timeout: float = 60) -> None:
    """Block until the child prints the line (or fail with what it said on stderr)."""
    assert child.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(child.stdout, selectors.EVENT_READ)
        ready = selector.select(timeout)
    line = child.stdout.readline().strip() if ready else ""
    if line != expected:
        child.kill()
        pytest.fail(f"the app did not report {expected!r}: {child.communicate()[1]}")


def read_back(data_dir: Path, person_id: str) -> tuple[str, str]:
    store = Store.open(data_dir, "Test Worker")
    try:
        (contact,) = store.contacts(person_id)
        return store.person(person_id).phone, store.conversation(contact.id).text("what_matters")
    finally:
        store.close()


@pytest.mark.slow
def test_text_survives_sigkill_once_autosaved(tmp_path):
    child, person_id = start_typing(tmp_path, "after-save")
    wait_for_line(child, "TYPED")
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert read_back(tmp_path, person_id) == (typing_child.PHONE, typing_child.WHAT_MATTERS)


@pytest.mark.slow
def test_text_still_waiting_to_save_is_written_when_the_app_is_told_to_quit(tmp_path):
    child, person_id = start_typing(tmp_path, "pending")
    wait_for_line(child, "TYPED")
    child.send_signal(signal.SIGTERM)
    _, errors = child.communicate(timeout=30)
    assert child.returncode == 0, errors
    assert read_back(tmp_path, person_id) == (typing_child.PHONE, typing_child.WHAT_MATTERS)
