"""The one dialog for marking a record entered in error: it asks why, and stores nothing until
a reason is given and Mark is pressed. Escape or Cancel leaves the record as it was."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui.kit.forms import attempt, dialog_buttons, hint_label, line_edit, problem_label

MARK = "Mark as entered in error"
SHORTCUT = "Ctrl+Shift+E"  # E for error, wherever a list holds something that can be marked


class InErrorDialog(QDialog):
    """Why `what` was entered in error; `mark(reason)` stores the mark when the worker says so."""

    def __init__(
        self, parent: QWidget, what: str, consequence: str, mark: Callable[[str], None]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Entered in error")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self._mark = mark
        heading = QLabel(f"<b>{what}</b>")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.RichText)
        self.consequence = hint_label(
            f"{consequence} It stays in the history and the export, marked with your reason."
        )
        label = QLabel("&Why was it entered in error?")
        self.reason = line_edit(
            "Why it was entered in error", "For example: recorded for the wrong person"
        )
        label.setBuddy(self.reason)
        self.problem = problem_label()
        buttons, self.mark_button = dialog_buttons(self, MARK)
        # Enter never cancels: only Mark is pressed by it, once a reason is there to keep.
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.mark_button.setEnabled(False)
        self.reason.textChanged.connect(self._typed)
        layout = QVBoxLayout(self)
        for widget in (heading, self.consequence, label, self.reason, self.problem, buttons):
            layout.addWidget(widget)
        self.setAccessibleName(f"Entered in error: {what}")
        self.reason.setFocus()

    def _typed(self, text: str) -> None:
        self.mark_button.setEnabled(bool(text.strip()))
        self.mark_button.setDefault(True)
        self.problem.hide()

    def accept(self) -> None:
        """Store the mark; on a problem say so and keep the reason typed."""
        if not self.reason.text().strip():
            self.problem.setText("Say why it was entered in error.")
            self.problem.show()
            return
        if attempt(self._stored, self.problem):
            super().accept()

    def _stored(self) -> bool:
        self._mark(self.reason.text())
        return True


def ask_in_error(
    parent: QWidget, what: str, consequence: str, mark: Callable[[str], None]
) -> InErrorDialog:
    """Open the dialog over `parent` (window-modal, so the app keeps running); returns it."""
    dialog = InErrorDialog(parent, what, consequence, mark)
    dialog.open()
    dialog.reason.setFocus()
    return dialog


def in_error_action(widget: QWidget, text: str, slot: Callable[[], None]) -> QAction:
    """ "Mark … as entered in error" on a list: in its context menu and on Ctrl+Shift+E while it
    has the focus."""
    action = QAction(f"{text} ({SHORTCUT})", widget)
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(slot)
    widget.addAction(action)
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action
