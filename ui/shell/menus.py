"""The main window's People and Print menus, each action with its shortcut.

The actions are kept on the window (`window.new_person_action` and so on), which enables them
when the store is ready and a person is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow


def add_menus(window: MainWindow) -> None:
    def action(text: str, shortcut: QKeySequence | str, slot: Callable[[], None]) -> QAction:
        made = QAction(text, window)
        made.setShortcut(QKeySequence(shortcut))
        made.triggered.connect(slot)
        return made

    window.new_person_action = action("&New person…", "Ctrl+N", window.new_person)
    window.new_contact_action = action("New &contact", "Ctrl+Shift+N", window.new_contact)
    window.find_action = action("&Find a person", "Ctrl+F", window.focus_search)
    window.due_action = action("What is &due", "Ctrl+R", window.show_due)
    window.carers_action = action(
        "Ca&rers not yet offered a conversation", "Ctrl+Shift+R", window.show_carers
    )
    window.example_action = action("Load the &example caseload", "", window.load_example_caseload)
    window.mark_person_action = action(
        "Mark this person as &entered in error…", "", lambda: _ask_person_in_error(window)
    )
    window.mark_person_action.setEnabled(False)
    window.your_details_action = action(
        "Your &details and team…", "", lambda: _open_your_details(window)
    )
    window.your_details_action.setEnabled(window.data_dir is not None)
    window.print_action = action("&Print…", "Ctrl+P", window.print_person)
    window.print_action.setEnabled(False)
    window.print_today_action = action(
        "Print plans for everyone with a contact &today…", "", window.print_plans_today
    )
    quit_action = action("&Quit", QKeySequence.StandardKey.Quit, window.close)
    people = window.menuBar().addMenu("&People")
    for item in (
        window.new_person_action,
        window.new_contact_action,
        window.find_action,
        window.due_action,
        window.carers_action,
    ):
        people.addAction(item)
    people.addSeparator()
    people.addAction(window.mark_person_action)
    people.addSeparator()
    people.addAction(window.example_action)
    people.addAction(window.your_details_action)
    people.addSeparator()
    people.addAction(quit_action)
    printing = window.menuBar().addMenu("P&rint")
    printing.addAction(window.print_action)
    printing.addAction(window.print_today_action)


# Imported when first asked for, not before the window first shows (bench/startup.py).
def _ask_person_in_error(window: MainWindow) -> None:
    from ui.shell.person_in_error import ask_person_in_error

    ask_person_in_error(window)


def _open_your_details(window: MainWindow) -> None:
    from ui.shell.your_details import open_your_details

    open_your_details(window)
