"""While a sync's push holds the store's writer (waiting for the hub's answer), the window is
never frozen by a save: it waits a second at most, says why, keeps the text and saves it once
the writer is free."""

from __future__ import annotations

from tests.ui.helpers import open_person


def test_a_save_while_a_push_holds_the_writer_waits_then_goes_through(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    phone = window.workspace.page_one.phone
    phone.setFocus()
    phone.selectAll()
    qtbot.keyClicks(phone, "0113 496 0123")
    writer = window.runner.writer()
    with writer:  # as a push waiting for the hub's answer holds it
        assert window.autosaver.flush() is False
        assert "waits for the sync with the council to finish" in window.save_state.text()
        assert example_store.person(person_id).phone != "0113 496 0123"
    qtbot.waitUntil(lambda: window.save_state.text() == "All changes saved", timeout=10_000)
    assert example_store.person(person_id).phone == "0113 496 0123"
