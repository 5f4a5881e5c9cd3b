"""The print window's warning when a document cannot say how to reach the team, or whom: no
team phone number, or no name for the worker (the document then says "my worker"). Words and an
icon, never colour alone, and a button to add the details there and then."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStyle, QVBoxLayout, QWidget

from assessor.documents import PrintContext
from ui.kit.forms import named, set_shown

NO_PHONE = "No phone number for your team: this document does not say how to ring you."
NO_NAME = "No name for you: this document says “my worker” instead."
ICON_SIZE = 32  # pixels: seen at a glance beside the words


def missing(context: PrintContext) -> list[str]:
    """What the document will lack, in words; none when it names the worker and a phone."""
    said = []
    if not context.team.phone:
        said.append(NO_PHONE)
    if not context.worker:
        said.append(NO_NAME)
    return said


class DetailsWarning(QWidget):
    """Hidden while the document names the worker and a phone; `asked` when the worker chooses
    to add what is missing."""

    asked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.icon = QLabel()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.icon.setPixmap(warning.pixmap(ICON_SIZE))
        self.icon.setAccessibleName("Warning")
        self.text = named(QLabel(), "Warning")
        self.text.setWordWrap(True)
        self.add_button = named(QPushButton("Add your &details…"), "Add your details…")
        self.add_button.clicked.connect(self.asked)
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.addWidget(self.text)
        words.addWidget(self.add_button)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.icon, 0)
        row.addLayout(words, 1)
        self.hide()

    def show_for(self, context: PrintContext) -> None:
        said = "\n".join(missing(context))  # one line each: two problems, two sentences
        self.text.setText(said)
        self.text.setAccessibleDescription(said)
        set_shown(self, bool(said))
