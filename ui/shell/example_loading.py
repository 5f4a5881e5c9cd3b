"""Loading the fictional example caseload, from the menu or the welcome page, in the
background: a worker trying the app sees it fill without the window stopping."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from assessor.operations.people import add_files
from db.failures import explain

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow


def load_example_caseload(window: MainWindow) -> None:
    """Add the example's people through the runner; the menu item and the welcome page's
    button wait until it is done, and the status bar says what happened."""
    from assessor.example import example_caseload

    def offer(again: bool) -> None:
        window.example_action.setEnabled(again)
        window.welcome.example_button.setEnabled(again)

    def loaded(added: list[str]) -> None:
        offer(True)
        message = (
            f"Added {len(added)} fictional people."
            if added
            else "The example caseload is already here."
        )
        window.statusBar().showMessage(message, 8000)
        if window.pages.currentWidget() is window.welcome:
            window.pages.setCurrentWidget(window.choose)

    def failed(problem: Exception) -> None:
        offer(True)
        QMessageBox.warning(window, "Something went wrong", explain(problem))

    offer(False)
    window.statusBar().showMessage("Loading the example caseload…")
    files = example_caseload(window.today())
    window.runner.write(lambda: add_files(window.store, files), loaded, failed, source=window)
