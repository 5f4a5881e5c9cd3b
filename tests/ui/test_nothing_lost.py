"""Nothing typed is lost: not when the app is killed, nor when told to quit in any way."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from db.store import Store
from tests.ui import typing_child
from tests.ui.kill_harness import kill_while_typing, start_typing, wait_for_line


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
@pytest.mark.parametrize(
    "signal_number", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT]
)
def test_text_still_waiting_to_save_is_written_when_the_app_is_told_to_quit(
    tmp_path, signal_number
):
    """A logout or a closed terminal (SIGHUP), Ctrl+\\ (SIGQUIT), a shutdown (SIGTERM) and
    Ctrl+C (SIGINT) each save first."""
    child, person_id = start_typing(tmp_path, "pending")
    wait_for_line(child, "TYPED")
    child.send_signal(signal_number)
    _, errors = child.communicate(timeout=30)
    assert child.returncode == 0, errors
    assert read_back(tmp_path, person_id) == (typing_child.PHONE, typing_child.WHAT_MATTERS)


@pytest.mark.slow
def test_steady_typing_is_stored_while_it_goes_on(tmp_path):
    """Killed after four seconds of typing with no pause, the app has stored everything typed
    more than two seconds before the kill (bench/kill_typing.py runs hundreds of these)."""
    trial = kill_while_typing(tmp_path, "steady", 0, lambda keys: len(keys) >= 40)
    assert trial.owed >= 15  # the test typed long enough to mean something
    assert not trial.garbled
    assert trial.lost == 0, trial
