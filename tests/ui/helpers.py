"""Steps a worker takes, shared by the UI tests."""

from __future__ import annotations

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
