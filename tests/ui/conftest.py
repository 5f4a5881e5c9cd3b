"""Fixtures for driving the real main window on a real store, on a pinned day (`TODAY`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from assessor.example import example_caseload
from db.store import Store
from tests.ui.clock import TODAY, running_clock
from ui.kit.runner import Runner
from ui.shell.main_window import MainWindow


@pytest.fixture
def clock() -> Callable[[], datetime]:
    """The one clock of a test's store and window, running from the pinned day."""
    return running_clock()


@pytest.fixture
def store(tmp_path: Path, clock: Callable[[], datetime]) -> Iterator[Store]:
    """A new store, stamping by the test's clock."""
    opened = Store.open(tmp_path / "store", "Test Worker", create=True, clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def make_window(qtbot: QtBot, clock: Callable[[], datetime]) -> Callable[..., MainWindow]:
    def make(store: Store, today: Callable[[], date] = lambda: TODAY) -> MainWindow:
        window = MainWindow(store, "Test Worker", Runner(), today=today, now=clock)
        # Closed after the test as at a shutdown: a draft a test left raises no question.
        qtbot.addWidget(window, before_close_func=MainWindow.close_now)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return make


@pytest.fixture
def example_store(store: Store) -> Store:
    """The fictional example caseload, built around the day the window is given."""
    store.add_files(example_caseload(TODAY))
    return store


@pytest.fixture
def window(make_window: Callable[..., MainWindow], example_store: Store) -> MainWindow:
    """The main window on the example caseload."""
    return make_window(example_store)


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[Runner]:
    """The one runner, for a tab tested on its own, as the main window hands it to each tab;
    anything it still runs ends before the store closes."""
    shared = Runner()
    yield shared
    shared.wait()
