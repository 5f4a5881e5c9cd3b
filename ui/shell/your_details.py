"""Your details and team: the worker's name as people should read it, their role, and how
people reach their team, for every plan they print.

Asked by the app on first start (`ui.app`) and from People > Your details and team…. The team's
details start as council IT deployed them in team.toml; only what the worker changes is kept as
theirs (`assessor.your_details`). Nothing is written until Save, and a check that fails keeps
everything typed and says why beside the field.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from assessor.files import CannotWrite
from assessor.paths import name_problem
from assessor.problems import PlainProblem
from assessor.team import Team, load_team, value_problem
from assessor.your_details import (
    Role,
    YourDetails,
    details_given,
    load_details,
    save_details,
)
from ui.kit.binding import ErrorLabel, chosen
from ui.kit.forms import Section, dialog_buttons, line_edit, named, problem_label
from ui.kit.wheel_guard import guard_the_wheel

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

FIRST_START = (
    "Before you start: your name as people should read it on their plans, and how they reach "
    "your team. Council IT may have filled in the team’s details; change any that are wrong "
    "for you. You can change all of this later: People menu, Your details and team."
)
LATER = (
    "Your name and your team’s details, as people read them on their plans. Plans printed from "
    "now on use what you save; new contacts and goals carry your new name from the next time "
    "Assessor starts."
)
T = TypeVar("T")
NAME_NEEDED = "Give your name as people should read it on their plans, for example Sam Patel."
# The team's details as the worker reads them, in the order they are asked for.
TEAM_FIELDS = (
    ("name", "Team name", "For example Adult Social Care, North Leeds"),
    ("phone", "Team phone", "The number printed on every plan"),
    ("email", "Team email", ""),
    ("out_of_hours", "Out-of-hours phone", "For evenings, nights and weekends"),
)


class YourDetailsDialog(QDialog):
    """Who the worker is and how people reach their team. `details` holds what was saved."""

    def __init__(
        self, data_dir: Path, parent: QWidget | None = None, *, first_start: bool = False
    ) -> None:
        super().__init__(parent)
        guard_the_wheel(QApplication.instance())  # on first start no window has yet
        self.setWindowTitle("Your details and team")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._data_dir = data_dir
        self.details: YourDetails | None = None
        self.problem = problem_label()
        self._deployed = self._read(lambda: load_team(data_dir), Team())
        saved = self._read(lambda: load_details(data_dir), None)

        intro = QLabel(FIRST_START if first_start else LATER)
        intro.setWordWrap(True)
        you = Section("You")
        self.name = line_edit("Your name (needed)", "As people should read it, such as Sam Patel")
        self.name_error = ErrorLabel(self.name)
        you.add("Your &name (needed)", self.name, self.name_error)
        self.role = named(QComboBox(), "Your role")
        self.role.addItem("Choose your role", None)
        for role in Role:
            self.role.addItem(role.label, role.value)
        you.add("Your &role", self.role)
        team_section = Section("Your team")
        self.team: dict[str, QLineEdit] = {}
        self.team_errors: dict[str, ErrorLabel] = {}
        for key, label, placeholder in TEAM_FIELDS:
            edit = line_edit(label, placeholder)
            self.team[key], self.team_errors[key] = edit, ErrorLabel(edit)
            team_section.add(label, edit, self.team_errors[key])

        buttons, self.save_button = dialog_buttons(self, "Save")
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if first_start:  # asked again at the next start
            self.cancel_button.setText("Not now")
            self.cancel_button.setIcon(QIcon())  # not a cross: nothing is refused or lost
            named(self.cancel_button, "Not now")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(you)
        layout.addWidget(team_section)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._fill(saved)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Tall enough for every field and message at this width: wrapped words make Qt's
        own guess too short, squeezing the fields."""
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else 0
        self.resize(self.width(), max(self.height(), needed, layout.totalSizeHint().height()))

    def _read(self, read: Callable[[], T], fallback: T) -> T:
        """What a settings file holds; one that cannot be read is named and left to be put
        right by saving."""
        try:
            return read()
        except PlainProblem as problem:
            self.problem.setText(str(problem))
            self.problem.show()
            return fallback

    def _fill(self, saved: YourDetails | None) -> None:
        details = saved or YourDetails()
        team = details.team(self._deployed)
        self.name.setText(details.name)
        self.role.setCurrentIndex(max(self.role.findData(details.role), 0))
        for key, edit in self.team.items():
            edit.setText(getattr(team, key))
        self.name.setFocus()

    def typed_team(self) -> Team:
        return Team(**{key: edit.text().strip() for key, edit in self.team.items()})

    def accept(self) -> None:
        """Check what was typed; save it whole, or say why not and keep it all here."""
        name, team = self.name.text().strip(), self.typed_team()
        says = {self.name: f"Your name {name_problem(name)}." if name else NAME_NEEDED}
        if name and not name_problem(name):
            says[self.name] = ""
        for key, edit in self.team.items():
            problem = value_problem(key, getattr(team, key))
            says[edit] = problem[:1].upper() + problem[1:]
        self.name_error.show_message(says[self.name])
        for key, edit in self.team.items():
            self.team_errors[key].show_message(says[edit])
        wrong = [edit for edit, message in says.items() if message]
        if wrong:
            QTimer.singleShot(0, self._fit)  # room for the messages, once laid out
            wrong[0].setFocus()
            return
        details = details_given(name, chosen(self.role, Role), team, self._deployed)
        try:
            self._data_dir.mkdir(parents=True, exist_ok=True)
            save_details(self._data_dir, details)
        except (CannotWrite, OSError) as problem:
            self.problem.setText(f"Your details were not saved: {problem}. They are still here.")
            self.problem.show()
            return
        self.details = details
        super().accept()


def open_your_details(window: MainWindow) -> None:
    """The dialog over the main window, or over the print window when it asked (its warning's
    button), which then shows the document again with what is saved."""
    preview = window.print_dialog
    printing = preview is not None and preview.isVisible()
    if window.data_dir is None:
        return
    dialog = YourDetailsDialog(window.data_dir, preview if printing else window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if preview is not None and printing:
        dialog.accepted.connect(preview.read_again)
    dialog.open()
