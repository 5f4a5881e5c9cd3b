"""Small helpers that give every form the same shape: a label, the field, its message, a hint."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor.operations.field_problem import FieldProblem
from assessor.validation import InvalidInput
from db.failures import explain

W = TypeVar("W", bound=QWidget)
T = TypeVar("T")
Beside = Callable[[str], None]  # shows a message beside one field, and puts the cursor there


def named(widget: W, name: str, description: str = "") -> W:
    """Give a control the accessible name a screen reader announces."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def set_shown(widget: QWidget, shown: bool) -> None:
    """Show or hide only on a change: each call otherwise makes Qt lay the page out again."""
    if widget.isHidden() == shown:
        widget.setVisible(shown)


# Qt cuts a one-line field silently at 32,767 characters; a paste longer than a field's limit
# should get the field's message (with its true length) instead, so the cut is far beyond it.
LONGEST_LINE = 1_000_000
LINE_CHARS = 20  # the least a one-line field of no set width shows, in average characters


def line_edit(name: str, placeholder: str = "", chars: int = 0) -> QLineEdit:
    """A one-line field; given `chars`, only as wide as that many characters (or its
    placeholder) need, for something short such as a postcode or a date."""
    edit = named(QLineEdit(), name)
    edit.setMaxLength(LONGEST_LINE)
    edit.setPlaceholderText(placeholder)
    if chars:
        fit_to(edit, chars)
    else:  # in a narrow form it goes under its label rather than shrink to a sliver
        edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * LINE_CHARS)
    return edit


# How many characters the short one-line fields of a record need, by the record's field name:
# stretched across a wide screen they read as places for a paragraph.
DATE_CHARS = 11
SHORT_FIELDS: dict[str, int] = {
    "postcode": 9,
    "nhs_number": 13,
    "phone": 16,
    "date_of_birth": DATE_CHARS,
    "consent_date": DATE_CHARS,
    "on": DATE_CHARS,
    "review_on": DATE_CHARS,
    "since": DATE_CHARS,
    "follow_up_on": DATE_CHARS,
}


def fit_to(edit: QLineEdit, chars: int) -> QLineEdit:
    """As wide as `chars` characters or the placeholder, whichever is wider, and no wider."""
    metrics = edit.fontMetrics()
    text = max(
        metrics.averageCharWidth() * chars, metrics.horizontalAdvance(edit.placeholderText())
    )
    edit.setFixedWidth(text + metrics.averageCharWidth() * 2 + 12)  # the frame and margins
    return edit


def text_edit(name: str, lines: int = 3) -> QPlainTextEdit:
    edit = named(QPlainTextEdit(), name)
    edit.setTabChangesFocus(True)
    line = edit.fontMetrics().lineSpacing()
    edit.setMinimumHeight(line * lines + 12)
    edit.setMaximumHeight(line * lines * 3 + 12)
    return edit


LABEL_CHARS = 24  # the label column, in average characters: the same in every section
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" width


class Section(QGroupBox):
    """A titled group of fields laid out label-beside-field.

    The title is a heading label rather than the group box's own title, which a stylesheet
    cannot make bold without restyling every field inside.
    """

    def __init__(self, title: str, label_chars: int = LABEL_CHARS) -> None:
        """`label_chars` 0 lets a narrow panel on its own, never beside another section, keep
        its labels as narrow as their words."""
        super().__init__()
        self.setAccessibleName(title)
        self._label_chars = label_chars
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        self.form = QFormLayout(self)
        self.form.addRow(heading)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def add(
        self, label: str, field: QWidget, message: QWidget | None = None, hint: str = ""
    ) -> None:
        """Add a row; the label's mnemonic moves focus to the field. Every label is as wide
        as every other, so the fields of one section line up with the next's; a longer label
        wraps. A field narrower than the column stays at the left, under the one above."""
        caption = QLabel(label)
        caption.setBuddy(field)
        if self._label_chars:
            caption.setWordWrap(True)
            caption.setFixedWidth(caption.fontMetrics().averageCharWidth() * self._label_chars)
        else:
            caption.setWordWrap(len(label) > 32)  # a wrapped QLabel asks for too little width
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        narrow = field.maximumWidth() < QWIDGETSIZE_MAX
        layout.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft if narrow else Qt.AlignmentFlag(0))
        if message is not None:
            layout.addWidget(message)
        if hint:
            layout.addWidget(hint_label(hint))
        self.form.addRow(caption, column)

    def set_row_shown(self, field: QWidget, shown: bool) -> None:
        """Show or hide a row made by `add`, its label with it."""
        self.form.setRowVisible(field.parentWidget(), shown)


def problem_label() -> QLabel:
    """A dialog's message for a problem not tied to one field; hidden until there is one."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


def failure_text(problem: Exception) -> str:
    """A failure in plain words for the worker, never its detail (the database's own text
    names tables and the data being saved). The runner that ran the work has already logged
    the detail, with its traceback."""
    return explain(problem)


def not_saved(label: QLabel, problem: Exception) -> None:
    """Say that storing failed, and that nothing typed was lost."""
    label.setText(f"Not saved. {failure_text(problem)} What you typed is still here.")
    label.show()


def attempt(
    save: Callable[[], T],
    message: QLabel,
    on_invalid: Beside | Mapping[str, Beside] | None = None,
) -> T | None:
    """Store something for a dialog. A failed check goes beside its field: to `on_invalid`,
    or to the entry for the field a `FieldProblem` names; otherwise to the dialog's message.
    Any other failure says it was not saved. None means the dialog stays open with
    everything typed."""
    try:
        return save()
    except InvalidInput as problem:
        beside = on_invalid
        if isinstance(on_invalid, Mapping):
            field = problem.field if isinstance(problem, FieldProblem) else ""
            beside = on_invalid.get(field)
        if beside is None:
            message.setText(str(problem))
            message.show()
        else:
            beside(str(problem))
    except Exception as problem:
        not_saved(message, problem)
    return None


def record_actions(*buttons: QPushButton) -> tuple[QHBoxLayout, QLabel]:
    """The row above a tab's records: its buttons, then what was last done, in words."""
    confirmation = QLabel()
    confirmation.setAccessibleName("Last action")
    confirmation.setWordWrap(True)
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addWidget(confirmation, 1)
    return row, confirmation


def dialog_buttons(dialog: QDialog, accept_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """Cancel and a default button named for what it does; accept() decides whether to close."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    accept = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
    accept.setDefault(True)
    named(accept, accept_text)
    named(buttons.button(QDialogButtonBox.StandardButton.Cancel), "Cancel")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, accept


# The one model of saving, said where the worker sees it: what is written saves as they type;
# a review, an outcome or an offer is a record kept as it was, so it is recorded on purpose.
SAVES_AS_YOU_TYPE = "Everything here saves as you type."


def kept_once_recorded(what: str, button: str) -> QLabel:
    """The sentence beside a button that records something kept as it is, such as a review."""
    return hint_label(f"{what} is kept as it is once recorded: check it, then {button}.")


def hint_label(text: str) -> QLabel:
    hint = QLabel(text)
    hint.setObjectName("hint")
    hint.setWordWrap(True)
    hint.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return hint
