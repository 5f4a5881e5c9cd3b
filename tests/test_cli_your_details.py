"""The command line reads the worker's details from the data folder as the app does: their name
on every change and on every document, their team's numbers printed, and never a login."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest
from pypdf import PdfReader

from assessor.example import example_id
from assessor.paths import DATA_DIR_VARIABLE, WORKER_VARIABLE
from assessor.team import Team
from assessor.your_details import DETAILS_FILE, Role, details_given, save_details
from db.store import Store
from tests.cli_helpers import cli

PEGGY = example_id("peggy")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder with only the computer login to name the worker."""
    monkeypatch.delenv(WORKER_VARIABLE)
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path / "not-this-one"))
    folder = tmp_path / "store"
    folder.mkdir()
    return folder


def text_of(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_the_cli_stamps_and_prints_the_name_the_worker_gave(data_dir: Path, tmp_path: Path):
    team = Team("Fernley Adult Social Care", "01632 960000", out_of_hours="01632 960999")
    save_details(data_dir, details_given("Sam Patel", Role.TEAM_LEAD, team, Team()))
    assert cli("example-caseload", "--data-dir", str(data_dir))[0] == 0
    target = tmp_path / "peggy.pdf"
    assert cli("plan", PEGGY, "--data-dir", str(data_dir), "--out", str(target))[0] == 0
    text = text_of(target)
    assert "by Sam Patel, Fernley Adult Social Care." in text
    assert "My worker Sam Patel, team lead" in text
    assert "Phone 01632 960000" in text and "Out of hours 01632 960999" in text
    store = Store.open(data_dir, "Reader")
    try:
        stamped = {entry.changed_by for entry in store.history([PEGGY])}
    finally:
        store.close()
    assert stamped == {"Sam Patel"}


def test_with_no_details_the_cli_prints_no_login(data_dir: Path, tmp_path: Path) -> None:
    assert cli("example-caseload", "--data-dir", str(data_dir))[0] == 0
    target = tmp_path / "peggy.pdf"
    assert cli("plan", PEGGY, "--data-dir", str(data_dir), "--out", str(target))[0] == 0
    text = text_of(target)
    assert "My worker will" in text
    assert f" {getpass.getuser()} " not in f" {text} "


def test_damaged_details_stop_the_cli_and_say_what_to_do(data_dir: Path) -> None:
    (data_dir / DETAILS_FILE).write_text("[]", encoding="utf-8")
    code, out, err = cli("people", "--data-dir", str(data_dir))
    assert code != 0 and out == ""
    assert "your_details.json is damaged" in err and "Your details and team" in err
