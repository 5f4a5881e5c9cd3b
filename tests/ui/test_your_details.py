"""Your details and team: asked on first start, kept in the data folder with only what the
worker changed from what council IT deployed, changed later from the People menu."""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from assessor.paths import WORKER_VARIABLE
from assessor.team import Team
from assessor.your_details import DETAILS_FILE, Role, load_details
from tests.ui.test_keyboard_and_names import unnamed_controls
from ui.app import open_window, who_is_working
from ui.kit.runner import Runner
from ui.shell.main_window import MainWindow
from ui.shell.your_details import YourDetailsDialog

DEPLOYED = (
    'name = "Fernley Adult Social Care"\nphone = "01632 960000"\n'
    'email = "fernley.team@example.org"\n'
)


def answering(answer: Callable[[YourDetailsDialog], None]) -> list[YourDetailsDialog]:
    """Answer the first-start question when it is shown, as the worker would; the dialogs
    seen."""
    seen: list[YourDetailsDialog] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, YourDetailsDialog):
            seen.append(dialog)
            answer(dialog)
        else:  # not shown yet: look again on the event loop's next turn
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    return seen


def as_sam(dialog: YourDetailsDialog) -> None:
    dialog.name.setText("Sam Patel")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.OCCUPATIONAL_THERAPIST.value))
    dialog.team["out_of_hours"].setText("01632 960999")
    dialog.save_button.click()


@pytest.fixture
def no_worker_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """A laptop where only the computer login is known, as on a first start."""
    monkeypatch.delenv(WORKER_VARIABLE, raising=False)


def test_first_start_asks_with_the_deployed_team_and_keeps_only_what_changed(
    qtbot: QtBot, tmp_path: Path, no_worker_named: None
) -> None:
    data_dir = tmp_path / "Assessor"
    data_dir.mkdir()
    (data_dir / "team.toml").write_text(DEPLOYED, encoding="utf-8")
    shown: dict[str, str] = {}

    def answer(dialog: YourDetailsDialog) -> None:
        shown.update({key: edit.text() for key, edit in dialog.team.items()})
        shown["name"], shown["button"] = dialog.name.text(), dialog.cancel_button.text()
        as_sam(dialog)

    seen = answering(answer)
    assert who_is_working(data_dir) == ("Sam Patel", "Sam Patel")
    assert len(seen) == 1
    assert shown == {
        "name": "",  # the worker's own name is never guessed from the login
        "phone": "01632 960000",
        "email": "fernley.team@example.org",
        "out_of_hours": "",
        "button": "Not now",
    }
    kept = json.loads((data_dir / DETAILS_FILE).read_text(encoding="utf-8"))
    assert kept == {
        "name": "Sam Patel",
        "role": "occupational_therapist",
        "team": {"out_of_hours": "01632 960999"},  # IT's own numbers stay IT's to change
    }
    assert who_is_working(data_dir) == ("Sam Patel", "Sam Patel"), "asked only once"
    assert len(seen) == 1


def test_the_first_start_makes_the_store_stamp_changes_with_the_name_given(
    qtbot: QtBot, tmp_path: Path, no_worker_named: None
) -> None:
    data_dir = tmp_path / "Assessor"
    answering(as_sam)
    window = open_window(data_dir, None, Runner(), is_default_folder=True, notify=print)
    assert window is not None
    qtbot.addWidget(window, before_close_func=MainWindow.close_now)
    assert window.store.worker == "Sam Patel"
    assert load_details(data_dir).name == "Sam Patel"
    window.store.close()


def test_not_now_asks_again_next_time_and_names_no_one_by_their_login(
    qtbot: QtBot, tmp_path: Path, no_worker_named: None
) -> None:
    seen = answering(lambda dialog: dialog.cancel_button.click())
    name, stamp = who_is_working(tmp_path)
    assert (name, stamp) == ("", getpass.getuser()), "the login is only ever a stamp"
    assert not (tmp_path / DETAILS_FILE).exists()
    assert len(seen) == 1
    again = answering(lambda dialog: dialog.cancel_button.click())
    assert who_is_working(tmp_path) == ("", getpass.getuser())
    assert len(again) == 1 and not (tmp_path / DETAILS_FILE).exists()


def test_a_worker_named_by_assessor_worker_is_not_asked(tmp_path: Path) -> None:
    assert who_is_working(tmp_path) == ("Test Worker", "Test Worker")
    assert QApplication.activeModalWidget() is None


def test_a_damaged_details_file_is_asked_about_again(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / DETAILS_FILE).write_text("{not json", encoding="utf-8")
    said: list[str] = []

    def answer(dialog: YourDetailsDialog) -> None:
        said.append(dialog.problem.text())
        as_sam(dialog)

    answering(answer)
    assert who_is_working(tmp_path) == ("Sam Patel", "Sam Patel")
    assert "your_details.json is damaged" in said[0]


def test_a_check_that_fails_keeps_everything_typed_and_says_why(qtbot: QtBot, tmp_path: Path):
    dialog = YourDetailsDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.team["phone"].setText("0" * 41)
    dialog.team["name"].setText("Fernley Adult Social Care")
    dialog.save_button.click()
    assert dialog.isVisible() and not (tmp_path / DETAILS_FILE).exists()
    assert dialog.name_error.text() == (
        "Give your name as people should read it on their plans, for example Sam Patel."
    )
    assert dialog.team_errors["phone"].text() == (
        "The phone number is 41 characters long; it may have at most 40."
    )
    assert dialog.team["name"].text() == "Fernley Adult Social Care"
    assert dialog.focusWidget() is dialog.name
    dialog.name.setText("Sam Patel")
    dialog.team["phone"].setText("01632 960000")
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert load_details(tmp_path).team(Team()).phone == "01632 960000"


def test_every_control_is_named_and_the_role_ignores_a_passing_wheel(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from ui.kit.wheel_guard import is_guarded

    dialog = YourDetailsDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_controls(dialog) == []
    assert is_guarded(dialog.role) and QApplication.instance().property("wheelGuarded")


def test_the_menu_item_changes_the_details_later(qtbot: QtBot, example_store, tmp_path: Path):
    window = MainWindow(example_store, "Sam Patel", Runner(), data_dir=tmp_path)
    qtbot.addWidget(window, before_close_func=MainWindow.close_now)
    window.show()
    people = window.menuBar().actions()[0].menu()
    assert "Your &details and team…" in [action.text() for action in people.actions()]
    window.your_details_action.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), YourDetailsDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog.cancel_button.text() == "Cancel"
    dialog.name.setText("Samira Patel")
    dialog.team["phone"].setText("01632 960000")
    dialog.save_button.click()
    saved = load_details(tmp_path)
    assert (saved.name, saved.team_changes) == ("Samira Patel", {"phone": "01632 960000"})


def test_every_field_and_message_has_room_after_a_check_fails(qtbot: QtBot, tmp_path: Path):
    dialog = YourDetailsDialog(tmp_path, first_start=True)
    qtbot.addWidget(dialog)
    dialog.show()
    fields = [dialog.name, dialog.role, *dialog.team.values()]

    def roomy() -> bool:
        message = dialog.name_error
        return message.height() >= message.heightForWidth(message.width()) and all(
            field.height() >= field.sizeHint().height() for field in fields
        )

    assert roomy()
    dialog.save_button.click()
    qtbot.waitUntil(roomy)
