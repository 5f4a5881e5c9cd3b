"""What the right side shows before a person is chosen: a welcome on a first start with an
empty store, and otherwise how to choose or add someone."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.kit.forms import named


class WelcomePage(QWidget):
    """What a first start with an empty store shows: what to do next."""

    def __init__(self, on_new_person: Callable[[], None], on_example: Callable[[], None]) -> None:
        super().__init__()
        title = QLabel("<h2>Welcome to Assessor</h2>")
        text = QLabel(
            "No one is on your caseload yet. Add the person you are talking to with "
            "<b>New person</b> (Ctrl+N): a name and what they are asking for help with is "
            "enough to start. Everything saves as you type.<br><br>"
            "To look around first, load the example caseload: a handful of fictional people, "
            "a carer among them, with contacts and conversations."
        )
        text.setWordWrap(True)
        self.new_button = named(QPushButton("New person"), "New person")
        self.new_button.clicked.connect(on_new_person)
        self.example_button = named(
            QPushButton("Load the example caseload"), "Load the example caseload"
        )
        self.example_button.clicked.connect(on_example)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.example_button)
        buttons.addStretch(1)
        column = QWidget()
        column.setMaximumWidth(720)
        column_layout = QVBoxLayout(column)
        column_layout.addWidget(title)
        column_layout.addWidget(text)
        column_layout.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.addStretch(1)
        layout.addWidget(column)
        layout.addStretch(2)


class ChoosePage(QLabel):
    def __init__(self) -> None:
        super().__init__(
            "Choose a person from the caseload, or add a new person (Ctrl+N).\n"
            "Find someone with Ctrl+F."
        )
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
