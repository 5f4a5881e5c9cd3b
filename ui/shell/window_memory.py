"""Where the main window was, and how its panels were split, remembered for each screen.

A laptop is used on its own screen and on a large one at the office; the window and the
caseload's width that suit one do not suit the other. Kept with the records' settings in the
data folder (`window.ini`), never in the worker's home, so a test's window is its own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtWidgets import QMainWindow, QSplitter

from ui.kit.screen_fit import fit_to_screen, refit_on_show

FILE_NAME = "window.ini"
FIRST_SIZE = QSize(1280, 800)  # what the window asks for on a screen it has not been on
CASELOAD_SHARE = 0.28  # of the window's width, at first, within the widths below
CASELOAD_WIDTHS = (240, 320)  # names and birth dates readable; the record keeps the most room


def screen_key(window: QMainWindow) -> str:
    """The screen by name and size: the same monitor at another resolution is another place."""
    screen = window.screen()
    size = screen.size()
    name = "".join(c if c.isalnum() else "_" for c in screen.name()) or "screen"
    return f"{name}_{size.width()}x{size.height()}"


class WindowMemory:
    """Puts the window back as it was left on this screen, and notes it when it closes."""

    def __init__(self, window: QMainWindow, splitter: QSplitter, data_dir: Path | None) -> None:
        self._window, self._splitter = window, splitter
        path = data_dir / FILE_NAME if data_dir is not None else None
        self._settings = QSettings(str(path), QSettings.Format.IniFormat) if path else None
        refit_on_show(window)  # again once shown: only then is the frame around it known

    def restore(self) -> None:
        """As it was on this screen, fitted to the screen's free area now; or a first size."""
        window = self._window
        saved = self._settings.value(f"{screen_key(window)}/geometry") if self._settings else None
        if isinstance(saved, QByteArray) and window.restoreGeometry(saved):
            fit_to_screen(window, window.size())
        else:
            fit_to_screen(window, FIRST_SIZE)
        sizes = self._settings.value(f"{screen_key(window)}/splitter") if self._settings else None
        if not (isinstance(sizes, QByteArray) and self._splitter.restoreState(sizes)):
            least, most = CASELOAD_WIDTHS
            caseload = min(most, max(least, int(window.width() * CASELOAD_SHARE)))
            self._splitter.setSizes([caseload, window.width() - caseload])

    def remember(self) -> None:
        if self._settings is None:
            return
        key = screen_key(self._window)
        self._settings.setValue(f"{key}/geometry", self._window.saveGeometry())
        self._settings.setValue(f"{key}/splitter", self._splitter.saveState())
        self._settings.sync()
