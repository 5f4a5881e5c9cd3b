"""The banner a person's record shows while it has two versions waiting for a choice, with a
button that opens them. It says so in words and with the warning sign, never by colour alone."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from assessor.sync.conflicts import SyncConflict
from ui.kit.forms import named, set_shown
from ui.kit.runner import Runner
from ui.sync.engine import SyncEngine
from ui.sync.wording import kind_label


class ConflictBanner(QFrame):
    open_asked = Signal(object)  # the first SyncConflict

    def __init__(self, engine: SyncEngine, runner: Runner) -> None:
        super().__init__()
        self.setObjectName("alertBanner")
        self._engine, self._runner = engine, runner
        self._conflicts: list[SyncConflict] = []
        self.person_id = ""
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = named(QPushButton("Choose…"), "Choose between the two versions")
        self.button.clicked.connect(lambda: self.open_asked.emit(self._conflicts[0]))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel("⚠"))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.hide()

    def show_person(self, person_id: str) -> None:
        """Read the person's open conflicts in the background, and show what is found."""
        self.person_id = person_id
        engine = self._engine
        self._runner.read(
            lambda: (person_id, engine.conflicts(person_id)), self._show, latest_of="banner"
        )

    def _show(self, found: tuple[str, list[SyncConflict]]) -> None:
        person_id, conflicts = found
        if person_id != self.person_id:
            return
        self._conflicts = conflicts
        what = sorted({kind_label(conflict.kind) for conflict in conflicts})
        self.text.setText(
            f"Two versions of {' and '.join(what)} need your choice." if conflicts else ""
        )
        self.setAccessibleName(self.text.text())
        set_shown(self, bool(conflicts))
