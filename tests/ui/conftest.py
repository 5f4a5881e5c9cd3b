"""Fixtures for driving the real main window on a real store."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from db.store import Store
from ui.kit.runner import Runner
from ui.shell.main_window import MainWindow


@pytest.fixture
def make_window(qtbot: QtBot) -> Callable[[Store], MainWindow]:
    def make(store: Store) -> MainWindow:
        window = MainWindow(store, "Test Worker", Runner())
        # Closed after the test as at a shutdown: a draft a test left raises no question.
        qtbot.addWidget(window, before_close_func=MainWindow.close_now)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return make


@pytest.fixture
def window(make_window: Callable[[Store], MainWindow], example_store: Store) -> MainWindow:
    """The main window on the example caseload."""
    return make_window(example_store)


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[Runner]:
    """The one runner, for a tab tested on its own, as the main window hands it to each tab;
    anything it still runs ends before the store closes."""
    shared = Runner()
    yield shared
    shared.wait()
