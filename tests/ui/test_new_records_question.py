"""A new store is made unasked only on the first start in the default folder; a folder the
worker named that holds no records is asked about first, since it may be a typo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from db.connection import store_path
from db.migrate import HEAD_REVISION, stored_revision
from ui.app import open_window
from ui.kit.runner import Runner
from ui.shell.main_window import MainWindow

Button = QMessageBox.StandardButton


def open_answering(
    qtbot: QtBot, data_dir: Path, button: Button, *, is_default_folder: bool
) -> tuple[MainWindow | None, list[str]]:
    """open_window, pressing `button` on any question it asks; the window and the questions."""
    asked: list[str] = []
    waiting = True

    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            box.button(button).click()
        elif waiting:  # not shown yet: look again on the event loop's next turn
            QTimer.singleShot(0, press)

    QTimer.singleShot(0, press)
    window = open_window(
        data_dir,
        "Test Worker",
        Runner(),
        is_default_folder=is_default_folder,
        notify=_unexpected,
    )
    waiting = False
    QApplication.processEvents()  # a look still queued ends here, not in a later test
    if window is not None:
        qtbot.addWidget(window)
        window.store.close()
    return window, asked


def _unexpected(notice: str) -> None:
    raise AssertionError(f"nothing to tell on a new store, but was told: {notice}")


def test_the_first_start_in_the_default_folder_makes_the_store_without_asking(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data_dir = tmp_path / "Assessor"
    window, asked = open_answering(qtbot, data_dir, Button.No, is_default_folder=True)
    assert window is not None and asked == []
    assert stored_revision(store_path(data_dir)) == HEAD_REVISION


def test_a_named_folder_with_no_records_is_asked_about_and_no_leaves_it_untouched(
    qtbot: QtBot, tmp_path: Path
) -> None:
    mistyped = tmp_path / "Asessor"
    window, asked = open_answering(qtbot, mistyped, Button.No, is_default_folder=False)
    assert window is None
    assert asked == [
        f"No records were found in {mistyped}. Start a new, empty set of records there?"
    ]
    assert not mistyped.exists()


def test_yes_starts_a_new_empty_set_of_records_in_the_named_folder(
    qtbot: QtBot, tmp_path: Path
) -> None:
    chosen = tmp_path / "Team records"
    window, asked = open_answering(qtbot, chosen, Button.Yes, is_default_folder=False)
    assert window is not None and len(asked) == 1
    assert stored_revision(store_path(chosen)) == HEAD_REVISION
