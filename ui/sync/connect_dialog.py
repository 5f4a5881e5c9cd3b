"""Connect to the council…: the hub's address and the one-time code from council IT, sent in
the background; the dialog then says who the laptop is connected as, or, in plain words, why
not (no keyring, a code used or out of date, the hub out of reach)."""

from __future__ import annotations

import socket
from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from council.connect import Enrolment
from ui.kit.forms import dialog_buttons, hint_label, line_edit, problem_label
from ui.kit.runner import Runner
from ui.sync.engine import SyncEngine, problem_words

CONNECT = "Connect"


class ConnectDialog(QDialog):
    def __init__(
        self, engine: SyncEngine, runner: Runner, connected: Callable[[], None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Connect to the council")
        self.setAccessibleName("Connect to the council")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self._engine, self._runner, self._connected = engine, runner, connected
        intro = hint_label(
            "Council IT gives you the hub’s address and a one-time code. Once connected, your "
            "records sync with the council whenever it can be reached; you can keep working "
            "offline at any time."
        )
        self.address = line_edit("The hub’s address", "https://hub.example.gov.uk")
        self.code = line_edit("One-time code")
        form = QFormLayout()
        form.addRow("The hub’s &address", self.address)
        form.addRow("One-time &code", self.code)
        self.problem = problem_label()
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName("Connected")
        self.outcome.hide()
        self.buttons, self.connect_button = dialog_buttons(self, CONNECT)
        self.cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel.setAutoDefault(False)  # Enter connects, never cancels
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        for widget in (self.problem, self.outcome, self.buttons):
            layout.addWidget(widget)
        self.address.setFocus()

    def accept(self) -> None:
        """Connect in the background; the dialog stays open to say how it went."""
        address, code = self.address.text().strip(), self.code.text().strip()
        if not address or not code:
            self._say_problem("Type the hub’s address and the one-time code from council IT.")
            return
        self.problem.hide()
        self.connect_button.setEnabled(False)
        self.connect_button.setText("Connecting…")
        device = socket.gethostname()
        self._runner.job(
            lambda _job: self._engine.connect(address, code, device), self._done, self._failed
        )

    def _done(self, enrolment: Enrolment) -> None:
        role = enrolment.role.replace("-", " ")
        self.outcome.setText(
            f"Connected as {enrolment.worker} ({role}, {enrolment.team}). "
            "Your records now sync with the council."
        )
        self.outcome.show()
        for field in (self.address, self.code):
            field.setEnabled(False)
        self.connect_button.hide()
        self.cancel.setText("Close")
        self.cancel.setAccessibleName("Close")
        self.cancel.setFocus()
        self._connected()

    def _failed(self, problem: Exception) -> None:
        self.connect_button.setEnabled(True)
        self.connect_button.setText(CONNECT)
        self._say_problem(problem_words(problem))

    def _say_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.code.setFocus()
