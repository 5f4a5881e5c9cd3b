"""The status bar's save state: always in view, and standing out while something is not saved.

"Not saved" is said in words; colour and weight are a second cue, never the only one.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from ui.kit.autosave import Autosaver


class SaveState(QLabel):
    def __init__(self, autosaver: Autosaver, status_bar: QStatusBar) -> None:
        super().__init__()
        self._autosaver = autosaver
        self._status_bar = status_bar
        self.setObjectName("saveState")
        self.setProperty("problem", False)  # set before it is styled: restyling costs a start
        self.setAccessibleName("Save state")
        self.setWordWrap(True)
        status_bar.addPermanentWidget(self, 1)
        autosaver.state_changed.connect(self._show)
        autosaver.failed.connect(self._failed)
        self._show(autosaver.state())

    def _show(self, text: str) -> None:
        self.setText(text)
        problem = self._autosaver.has_problem()
        if self.property("problem") != problem:
            self.setProperty("problem", problem)
            self.style().unpolish(self)
            self.style().polish(self)

    def _failed(self, message: str) -> None:
        """Once when saving starts failing; the label then counts down to each retry."""
        self._status_bar.showMessage(message, 10000)
