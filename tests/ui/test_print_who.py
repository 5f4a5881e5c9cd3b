"""Printed plans name the worker as they gave their name and say how to reach the team; a plan
without a team phone number or a name for the worker is warned about in the preview, which
never prints a computer login."""

from __future__ import annotations

import getpass
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from assessor.paths import WORKER_VARIABLE
from assessor.team import Team
from assessor.your_details import Role, details_given, save_details
from tests.ui.helpers import open_person
from ui.kit.runner import Runner
from ui.printing.details_warning import NO_NAME, NO_PHONE
from ui.printing.print_window import PrintDialog
from ui.shell.main_window import MainWindow
from ui.shell.your_details import YourDetailsDialog

DEPLOYED = Team("Fernley Adult Social Care", "01632 960000", "fernley.team@example.org")


def pdf_text(data: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())  # lines joined as they are read


def previewed(qtbot: QtBot, store, data_dir: Path, worker: str, name: str = "Peggy") -> PrintDialog:
    """The print window on `name`'s plan: Peggy's in large print, Des's in Easy Read."""
    window = MainWindow(store, worker, Runner(), data_dir=data_dir)
    qtbot.addWidget(window, before_close_func=MainWindow.close_now)
    window.show()
    open_person(window, name)
    window.print_person()
    dialog = window.print_dialog
    qtbot.waitUntil(dialog.print_button.isEnabled, timeout=10000)
    return dialog


def test_a_plan_printed_after_first_start_names_the_worker_and_the_teams_phone(
    qtbot: QtBot, example_store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(WORKER_VARIABLE)
    (tmp_path / "team.toml").write_text(
        'name = "Fernley Adult Social Care"\nphone = "01632 960000"\n', encoding="utf-8"
    )
    changed = Team("Fernley Adult Social Care", "01632 960000", out_of_hours="01632 960999")
    given = details_given("Sam Patel", Role.SOCIAL_WORKER, changed, Team(phone="01632 960000"))
    save_details(tmp_path, given)

    dialog = previewed(qtbot, example_store, tmp_path, "Sam Patel")
    text = pdf_text(dialog.pdf)
    assert "by Sam Patel, Fernley Adult Social Care." in text
    assert "My worker Sam Patel, social worker" in text
    assert "Phone 01632 960000" in text and "Out of hours 01632 960999" in text
    assert "Sam Patel will" in text
    assert dialog.details_warning.isHidden()


def test_a_plan_with_no_team_phone_warns_in_the_preview_and_never_prints_the_login(
    qtbot: QtBot, example_store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(WORKER_VARIABLE)
    dialog = previewed(qtbot, example_store, tmp_path, "")
    warning = dialog.details_warning
    assert warning.isVisible()
    assert warning.text.text() == f"{NO_PHONE}\n{NO_NAME}"
    assert warning.icon.pixmap() is not None and not warning.icon.pixmap().isNull()
    assert warning.add_button.isVisible() and warning.add_button.text() == "Add your &details…"
    text = pdf_text(dialog.pdf)
    assert "My worker will" in text
    login = getpass.getuser()
    assert f" {login} " not in f" {text} " and f"by {login}" not in text


def test_adding_the_details_from_the_warning_shows_the_plan_again_with_them(
    qtbot: QtBot, example_store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(WORKER_VARIABLE)
    dialog = previewed(qtbot, example_store, tmp_path, "")
    dialog.details_warning.add_button.click()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), YourDetailsDialog))
    details = QApplication.activeModalWidget()
    assert details.parent() is dialog, "it opens over the print window"
    details.name.setText("Sam Patel")
    details.team["phone"].setText("01632 960000")
    with qtbot.waitSignal(dialog.ready, timeout=10000):
        details.save_button.click()
    assert dialog.details_warning.isHidden()
    text = pdf_text(dialog.pdf)
    assert "Phone 01632 960000" in text and "Sam Patel will" in text


def test_a_worker_with_no_name_is_warned_even_with_a_phone(
    qtbot: QtBot, example_store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(WORKER_VARIABLE)
    (tmp_path / "team.toml").write_text('phone = "01632 960000"\n', encoding="utf-8")
    dialog = previewed(qtbot, example_store, tmp_path, "")
    assert dialog.details_warning.text.text() == NO_NAME
