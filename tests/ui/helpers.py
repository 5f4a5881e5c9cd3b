"""Steps a worker takes, shared by the UI tests."""

from __future__ import annotations

from PySide6.QtWidgets import QListView
from pytestqt.qtbot import QtBot

from ui.shell.main_window import MainWindow


def open_person(window: MainWindow, preferred_name: str) -> str:
    """Choose someone in the caseload list as a worker would; returns their id."""
    model = window.caseload.model
    for row in range(model.rowCount()):
        person = model.person_at(row)
        if person.preferred_name == preferred_name:
            window.caseload.list.setCurrentIndex(model.index(row))
            return person.id
    raise AssertionError(f"{preferred_name} is not in the caseload list")


def choose_row(view: QListView, row: int) -> None:
    """Make a row of a list current, as the arrow keys would."""
    view.setCurrentIndex(view.model().index(row, 0))


def lists_read(qtbot: QtBot, window: MainWindow) -> None:
    """Ask for the Due and Carers tabs to be read again, and wait until both show the answer
    (they are read in the background)."""
    with qtbot.waitSignals([window.due.refreshed, window.carers.refreshed], timeout=10000):
        window.left.refresh()
