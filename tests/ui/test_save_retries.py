"""A save that fails is kept and tried again until it goes through, and the window says so."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from assessor.example import example_caseload
from assessor.unsaved_journal import JOURNAL_FILE_NAME
from db.connection import store_path
from db.store import Store
from tests.ui import lock_holder, typing_child
from tests.ui.clock import TODAY
from tests.ui.helpers import open_person
from tests.ui.kill_harness import add_reg, start_app, wait_for_line
from tests.ui.test_goals import focus, tomek_with_goals
from ui.kit.runner import Runner
from ui.shell.main_window import MainWindow


@pytest.fixture
def busy_store(tmp_path):
    """The example caseload in a store that gives up on a busy lock after a tenth of a second."""
    store = Store.open(tmp_path, "Test Worker", create=True, busy_timeout_ms=100)
    store.add_files(example_caseload(TODAY))
    yield store
    store.close()


@contextmanager
def another_program_writing(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    """A real second process holding the store's write lock until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, lock_holder.__file__, str(store_path(data_dir))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_line(holder, "LOCKED")
        yield holder
        holder.stdin.write("\n")
        holder.stdin.flush()
        wait_for_line(holder, "FREE")
    finally:
        holder.kill()
        holder.communicate()


@pytest.mark.slow
def test_text_typed_while_another_program_writes_is_saved_when_it_finishes(
    qtbot, make_window, busy_store, tmp_path, caplog
):
    window = make_window(busy_store)
    person_id = open_person(window, "Tomek")
    with another_program_writing(tmp_path):
        page = window.workspace.page_one
        page.other_names.setFocus()
        qtbot.keyClicks(page.other_names, "Tom")
        assert not window.autosaver.flush()
        state = window.save_state.text()
        assert state.startswith("Not saved yet. Your records are busy"), state
        assert "Trying again in" in state
        assert "SELECT" not in state and "UPDATE" not in state
        assert page.other_names.text() == "Tom"
    failures = [record for record in caplog.records if record.exc_info]
    assert failures, "the detail of the failure is logged"
    assert "Tom" not in caplog.text, "the log names the statement, not the words being saved"
    with qtbot.waitSignal(window.autosaver.saved, timeout=15000):
        pass
    assert busy_store.person(person_id).other_names == "Tom"
    assert window.save_state.text() == "All changes saved"


@pytest.mark.slow
def test_a_retry_after_another_person_is_shown_saves_to_the_one_it_was_typed_for(
    qtbot, make_window, busy_store, tmp_path
):
    window = make_window(busy_store)
    tomek_id = open_person(window, "Tomek")
    with another_program_writing(tmp_path):
        page = window.workspace.page_one
        page.other_names.setFocus()
        qtbot.keyClicks(page.other_names, "Tom")
        assert not window.autosaver.flush()
        priya_id = open_person(window, "Priya")
        assert window.workspace.person_id == priya_id
        priya_before = busy_store.person(priya_id).other_names
    with qtbot.waitSignal(window.autosaver.saved, timeout=15000):
        pass
    assert busy_store.person(tomek_id).other_names == "Tom"
    assert busy_store.person(priya_id).other_names == priya_before


@pytest.mark.slow
def test_a_review_that_cannot_be_stored_says_why_in_plain_words(
    qtbot, make_window, busy_store, tmp_path
):
    window = make_window(busy_store)
    _id, (goal,), tab = tomek_with_goals(qtbot, window, busy_store, "Walk to the shop")
    focus(qtbot, tab.list)
    with another_program_writing(tmp_path):
        qtbot.keyClick(tab.list, Qt.Key.Key_4)
        qtbot.keyClick(tab.list, Qt.Key.Key_Return)
        said = tab.confirmation.text()
    assert said.startswith("Review not saved. Your records are busy"), said
    assert "INSERT" not in said and "sqlite" not in said.lower()
    assert busy_store.reviews([goal.id])[goal.id] == []


@pytest.mark.slow
def test_text_typed_while_the_store_is_busy_survives_a_kill(qtbot, tmp_path):
    person_id = add_reg(tmp_path)
    with another_program_writing(tmp_path):
        child = start_app(tmp_path, person_id, "while-busy")
        wait_for_line(child, "TYPED")
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
    assert typing_child.OTHER_NAMES in (tmp_path / JOURNAL_FILE_NAME).read_text(encoding="utf-8")
    store = Store.open(tmp_path, "Test Worker")
    window = MainWindow(store, "Test Worker", Runner(), data_dir=tmp_path)
    qtbot.addWidget(window, before_close_func=MainWindow.close_now)
    assert not (tmp_path / JOURNAL_FILE_NAME).exists(), "moved into the store's drafts"
    window.open_person(person_id)
    assert store.person(person_id).other_names == typing_child.OTHER_NAMES
    assert store.drafts() == []
    store.close()
