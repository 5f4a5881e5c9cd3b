"""Tell the worker when the laptop's clock is behind the records they already hold.

A clock set back dates everything recorded from then on wrongly, and the worker is the only
one who can put it right. The check reads the store's newest stamp in the background when the
store is ready, and if the clock is behind it says so once, in a box that does not block, and
keeps a short note in the status bar until the app closes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from assessor.clock import clock_behind
from ui.kit.forms import named

if TYPE_CHECKING:
    from ui.kit.runner import Runner


class ClockCheck:
    """Owned by the main window; `run` once the store is open."""

    def __init__(self, window: QMainWindow, now: Callable[[], datetime]) -> None:
        self._window = window
        self._now = now
        self.note = named(QLabel("The laptop’s clock is behind your records"), "Clock warning")
        self.note.setObjectName("clockWarning")
        self.note.hide()
        window.statusBar().addWidget(self.note)
        self.box: QMessageBox | None = None  # made only for a warning: it slows a start
        self.compared = False  # the store's newest stamp has been read and compared

    def run(self, newest_stamp: Callable[[], datetime | None], runner: Runner) -> None:
        # A store that cannot be read says so elsewhere; the runner logs why, and the check
        # stays quiet rather than warn about a clock it could not compare.
        runner.read(newest_stamp, self._compare, lambda _problem: None)

    def _compare(self, newest: datetime | None) -> None:
        self.compared = True
        warning = clock_behind(self._now(), newest)
        if warning is None:
            return
        self.note.setToolTip(warning)
        self.note.show()
        self.box = QMessageBox(
            QMessageBox.Icon.Warning, "Check the clock", warning, parent=self._window
        )
        self.box.open()
