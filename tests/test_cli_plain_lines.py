"""What the command line shows stays plain: a fault nobody foresaw is one line on the terminal
and a traceback in the data folder's log; names from the store are shown escaped."""

from __future__ import annotations

from pathlib import Path

import pytest

import cli.main as command_line
from assessor.logfile import LOG_FILE_NAME as LOG_FILE
from assessor.record import Person
from cli.guard import EXIT_UNEXPECTED
from db.store import Store
from tests.cli_helpers import cli


def broken_people(*_args: object) -> int:
    raise ZeroDivisionError("a fault in Assessor itself")


def test_an_unforeseen_fault_is_one_line_and_its_traceback_goes_to_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("example-caseload", "--data-dir", str(tmp_path))[0] == 0
    monkeypatch.setitem(command_line._COMMANDS, "people", broken_people)
    code, out, err = cli("people", "--data-dir", str(tmp_path))
    log = tmp_path / LOG_FILE
    assert (code, out) == (EXIT_UNEXPECTED, "")
    assert err == (
        f"assessor: something unexpected went wrong (ZeroDivisionError); the details are in {log}\n"
    )
    text = log.read_text()
    assert "Traceback (most recent call last)" in text
    assert "ZeroDivisionError: a fault in Assessor itself" in text
    assert oct(log.stat().st_mode & 0o777) == "0o600"

    cli("people", "--data-dir", str(tmp_path))
    assert log.read_text().count("ZeroDivisionError: a fault") == 2  # kept, not overwritten


def test_without_a_data_folder_nothing_is_written_anywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(command_line._COMMANDS, "people", broken_people)
    monkeypatch.setattr(command_line, "_run", lambda *_: broken_people())
    code, _, err = cli("people", "--data-dir", str(tmp_path / "missing"))
    assert code == EXIT_UNEXPECTED
    assert err.endswith("(ZeroDivisionError); no details could be kept\n")
    assert list(tmp_path.iterdir()) == []


def test_people_shows_names_from_the_store_with_control_characters_escaped(
    tmp_path: Path,
) -> None:
    """A name pasted with an escape code or a line break stays one line, and cannot recolour
    or rewrite the terminal that lists it."""
    cli("example-caseload", "--data-dir", str(tmp_path))
    store = Store.open(tmp_path, "Sam Patel")
    try:
        added = store.add_person(
            Person("\x1b[31mRed", "Pasted from an email", family_name="Two\nLines")
        )
    finally:
        store.close()
    code, out, err = cli("people", "--data-dir", str(tmp_path))
    assert (code, err) == (0, "")
    assert f"{added.id}\t\\x1b[31mRed\tTwo\\x0aLines\n" in out
    assert "\x1b" not in out and len(out.splitlines()) == 8
