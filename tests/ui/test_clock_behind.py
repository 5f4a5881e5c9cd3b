"""A laptop whose clock is behind its records says so as soon as the store is open."""

from __future__ import annotations

from datetime import timedelta

from tests.ui.clock import MOMENT
from ui.kit.runner import Runner
from ui.shell.main_window import MainWindow


def test_a_clock_set_back_400_days_is_named_before_anything_is_recorded(qtbot, example_store):
    set_back = MOMENT - timedelta(days=400)  # the store stamps by the clock running from MOMENT
    window = MainWindow(example_store, "Test Worker", Runner(), now=lambda: set_back)
    qtbot.addWidget(window)
    window.show()
    check = window.clock_check
    qtbot.waitUntil(lambda: check.box is not None and check.box.isVisible())
    assert "This laptop’s clock says" in check.box.text()
    assert "Check the date and time" in check.box.text()
    assert check.note.isVisible()


def test_a_right_clock_says_nothing(qtbot, window):
    qtbot.waitUntil(lambda: window.clock_check.compared)
    assert not window.clock_check.note.isVisible()
