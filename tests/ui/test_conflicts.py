"""A change made elsewhere while the worker types is never silently overwritten."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from assessor.record import Person
from db.store import Store
from tests.ui import other_writer
from tests.ui.kill_harness import REPO


def another_program_changes(data_dir, kind: str, record_id: str, field: str, value: str) -> None:
    done = subprocess.run(
        [sys.executable, other_writer.__file__, str(data_dir), kind, record_id, field, value],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )
    assert done.stdout.strip() == "WROTE", done.stderr


@pytest.mark.slow
def test_typing_over_a_change_made_elsewhere_keeps_both(qtbot, make_window, tmp_path):
    store = Store.open(tmp_path, "Test Worker", create=True)
    reg = store.add_person(Person(preferred_name="Reg", presenting_problem="Lonely")).id
    window = make_window(store)
    window.open_person(reg)
    page = window.workspace.page_one
    page.other_names.setFocus()
    qtbot.keyClicks(page.other_names, "Reggie")
    window.autosaver.flush()
    assert store.person(reg).other_names == "Reggie"

    another_program_changes(tmp_path, "person", reg, "other_names", "Reginald")
    qtbot.keyClicks(page.other_names, " B")
    window.autosaver.flush()

    assert store.person(reg).other_names == "Reginald", "their change is not overwritten"
    message = page.binder.message("other_names")
    assert message.isVisible()
    assert message.text().startswith("Other Writer changed this record at")
    (draft,) = store.drafts()
    assert (draft.text, draft.kind) == ("Reggie B", "conflict")
    assert "Not saved: Other names (Reg, page one)" in window.save_state.text()

    window.open_person(reg)  # opened again: theirs is stored, ours waits beside it
    assert page.other_names.text() == "Reggie B"
    assert message.isVisible()
    assert store.person(reg).other_names == "Reginald"

    page.other_names.end(False)
    qtbot.keyClicks(page.other_names, "!")  # the worker decides: theirs is replaced
    window.autosaver.flush()
    assert store.person(reg).other_names == "Reggie B!"
    assert store.drafts() == []
    store.close()


@pytest.mark.slow
def test_an_answer_changed_elsewhere_is_kept_beside_the_workers(qtbot, make_window, tmp_path):
    store = Store.open(tmp_path, "Test Worker", create=True)
    reg = store.add_person(Person(preferred_name="Reg", presenting_problem="Lonely")).id
    window = make_window(store)
    window.open_person(reg)
    window.new_contact()
    field = window.workspace.contacts.conversation.fields["what_matters"]
    qtbot.keyClicks(field.text, "My pigeons")
    window.autosaver.flush()
    contact_id = store.contacts(reg)[0].id

    another_program_changes(tmp_path, "entry", contact_id, "what_matters", "The club")
    qtbot.keyClicks(field.text, " and the lads")
    window.autosaver.flush()
    assert store.conversation(contact_id).text("what_matters") == "The club"
    assert field.error.text().startswith("Other Writer changed this record")

    window.open_person(reg)  # opened again: the worker's words wait beside theirs
    field = window.workspace.contacts.conversation.fields["what_matters"]
    assert field.text.toPlainText() == "My pigeons and the lads"
    assert field.error.isVisible()
    assert store.conversation(contact_id).text("what_matters") == "The club"
    store.close()
