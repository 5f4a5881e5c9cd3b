"""Marking the person shown as entered in error (People menu): the one place the whole record
is hidden, so the dialog says so before anything is stored."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assessor.operations.in_error import mark_person
from ui.kit.in_error_dialog import InErrorDialog, ask_in_error

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow


def ask_person_in_error(window: MainWindow) -> InErrorDialog | None:
    """Ask why the person shown was entered in error; once marked they leave the caseload and
    the window goes back to choosing a person."""
    workspace, store = window.workspace, window.store
    if workspace is None or store is None or window.pages.currentWidget() is not workspace:
        return None
    window.autosaver.flush()
    person = store.person(workspace.person_id)

    def mark(reason: str) -> None:
        window.runner.write_now(lambda: mark_person(store, person, reason), source=window)
        window.pages.setCurrentWidget(window.choose)
        window.caseload.search.setFocus()

    return ask_in_error(
        window,
        f"The whole record of {person.display_name}",
        f"{person.display_name} leaves the caseload, search, the Due list and the Carers list "
        "at once, with all their contacts, goals and help.",
        mark,
    )
