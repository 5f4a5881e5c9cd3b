"""Before leaving a person or closing the app with something typed not saved, say so and offer
to go back to it.

The questions are window-modal but never block the event loop (`open`, not `exec`): autosave
keeps running behind them, and a test can answer them like a worker.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from assessor.drafts import Draft, draft_list
from ui.kit.forms import named


class UnsavedQuestion(QMessageBox):
    """ "Go back to it" (the default) or carry on and keep the draft."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Not saved")
        self.go_back = named(self.addButton("Go back to it", self.ButtonRole.RejectRole), "")
        self.carry_on: QPushButton = self.addButton("", self.ButtonRole.AcceptRole)
        self.setDefaultButton(self.go_back)
        self.setEscapeButton(self.go_back)
        self._on_carry_on: Callable[[], None] = lambda: None
        self._on_go_back: Callable[[], None] = lambda: None
        self.buttonClicked.connect(self._answered)

    def ask(
        self,
        text: str,
        carry_on: str,
        on_carry_on: Callable[[], None],
        on_go_back: Callable[[], None],
    ) -> None:
        self.setText(text)
        self.carry_on.setText(carry_on)
        named(self.carry_on, carry_on)
        named(self.go_back, "Go back to it")
        self._on_carry_on, self._on_go_back = on_carry_on, on_go_back
        self.open()

    def _answered(self, button: object) -> None:
        (self._on_carry_on if button is self.carry_on else self._on_go_back)()


def leaving_text(name: str, drafts: list[Draft]) -> str:
    return (
        f"Some of what you typed for {name} is not saved in their record:\n\n"
        f"{draft_list(drafts)}\n\n"
        "It is kept as a draft, on this laptop only, and shown again when you open their record."
    )


def closing_text(drafts: list[Draft]) -> str:
    return (
        "Some of what you typed is not saved in its record:\n\n"
        f"{draft_list(drafts)}\n\n"
        "It is kept as a draft, on this laptop only, and shown again when you open those "
        "records."
    )


def waiting_text(problem: str) -> str:
    return (
        f"Some changes are not saved yet. {problem}\n\n"
        "If you close now, what is still waiting to be saved is lost."
    )
