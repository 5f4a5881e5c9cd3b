"""Connect to the council…: typed with the keyboard alone, connecting in the background, and
saying who the laptop connected as, or in plain words why it could not."""

from __future__ import annotations

import keyring
from keyring.backends import fail
from PySide6.QtCore import Qt

from council.connect import connect
from council.credentials import keyring_credentials
from db.store import Store
from db.sync.laptop_side import LaptopSync
from tests.ui.sync.conftest import TEAM
from tests.ui.sync.kit import unreachable_hub
from ui.sync.connect_dialog import ConnectDialog


def open_dialog(qtbot, window) -> ConnectDialog:
    window.sync.connect_action.trigger()
    dialog = window.findChild(ConnectDialog)
    qtbot.waitUntil(dialog.address.hasFocus)  # the cursor is in the first field
    return dialog


def type_and_connect(qtbot, dialog: ConnectDialog, address: str, code: str) -> None:
    """As a worker would: type, Tab to the code, type, Enter."""
    qtbot.keyClicks(dialog.address, address)
    qtbot.keyClick(dialog.address, Qt.Key.Key_Tab)
    assert dialog.code.hasFocus()
    assert dialog.code.hasFocus()
    qtbot.keyClicks(dialog.code, code)
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)


def test_every_control_has_a_name_a_screen_reader_says(qtbot, make_window, store):
    dialog = open_dialog(qtbot, make_window(store))
    for control in (dialog.address, dialog.code, dialog.connect_button):
        assert control.accessibleName() or control.text()
    assert dialog.address.accessibleName() == "The hub’s address"
    assert dialog.code.accessibleName() == "One-time code"


def test_connecting_says_who_the_laptop_is_connected_as_and_syncs(qtbot, make_window, store, hub):
    window = make_window(store)
    dialog = open_dialog(qtbot, window)
    type_and_connect(qtbot, dialog, hub.url, hub.code_for("Test Worker"))
    qtbot.waitUntil(dialog.outcome.isVisible, timeout=10000)
    assert dialog.outcome.text() == (
        f"Connected as Test Worker (worker, {TEAM}). Your records now sync with the council."
    )
    assert dialog.cancel.text() == "Close" and dialog.cancel.hasFocus()
    assert LaptopSync(store).status().connected
    said = window.sync.indicator.text
    qtbot.waitUntil(lambda: said.text().startswith("Synced "), timeout=10000)


def test_a_code_used_already_is_said_in_the_hubs_words(qtbot, make_window, store, hub, tmp_path):
    code = hub.code_for("Test Worker")
    other = Store.open(tmp_path / "other laptop", "Test Worker", create=True)
    connect(other, hub.url, code, credentials=keyring_credentials(), device_name="other")
    other.close()
    dialog = open_dialog(qtbot, make_window(store))
    type_and_connect(qtbot, dialog, hub.url, code)
    qtbot.waitUntil(dialog.problem.isVisible, timeout=10000)
    assert "used" in dialog.problem.text() and "{" not in dialog.problem.text()
    assert dialog.connect_button.isEnabled() and dialog.isVisible()
    assert not LaptopSync(store).status().connected


def test_a_hub_out_of_reach_is_said_plainly(qtbot, make_window, store):
    dialog = open_dialog(qtbot, make_window(store))
    hub = unreachable_hub()
    type_and_connect(qtbot, dialog, hub, "GOOD-CODE")
    qtbot.waitUntil(dialog.problem.isVisible, timeout=10000)
    assert dialog.problem.text().startswith(f"The council's hub at {hub} cannot be reached.")


def test_no_keyring_is_said_plainly_and_nothing_is_kept(qtbot, make_window, store, hub):
    keyring.set_keyring(fail.Keyring())
    dialog = open_dialog(qtbot, make_window(store))
    type_and_connect(qtbot, dialog, hub.url, hub.code_for("Test Worker"))
    qtbot.waitUntil(dialog.problem.isVisible, timeout=10000)
    assert dialog.problem.text() == (
        "This computer has no safe place for the council's key (no keyring). Ask council IT; "
        "nothing was saved."
    )
    assert not LaptopSync(store).status().connected


def test_nothing_is_sent_until_both_are_typed(qtbot, make_window, store):
    dialog = open_dialog(qtbot, make_window(store))
    qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
    assert dialog.problem.text() == "Type the hub’s address and the one-time code from council IT."
