"""The `assessor` command for council IT and scripts: example data, listing, the store's folder."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from assessor.example import example_caseload, example_id
from assessor.paths import DATA_DIR_VARIABLE, WORKER_VARIABLE
from db.connection import raw_connection
from db.store import Store
from tests.cli_helpers import cli, isolated_data_dir

REPO_ROOT = Path(__file__).resolve().parents[1]
PEGGY = example_id("peggy")


@pytest.fixture(autouse=True)
def env_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return isolated_data_dir(tmp_path, monkeypatch)


def test_example_caseload_adds_seven_people_once(tmp_path: Path) -> None:
    """Running it twice leaves seven people, and the second run says nothing was added."""
    code, out, err = cli("example-caseload", "--data-dir", str(tmp_path))
    assert (code, err) == (0, "")
    assert "Added 7 " in out

    code, out, err = cli("example-caseload", "--data-dir", str(tmp_path))
    assert (code, err) == (0, "")
    assert "nothing added" in out

    code, out, _ = cli("people", "--data-dir", str(tmp_path))
    assert len(out.splitlines()) == 7


def test_data_dir_may_come_before_the_command(tmp_path: Path, env_data_dir: Path) -> None:
    """`assessor --data-dir DIR people` reads DIR, as `assessor people --data-dir DIR` does.

    The help shows --data-dir on the main command, so a worker may well put it first; it must
    not be silently dropped in favour of the default store.
    """
    given = tmp_path / "given"
    cli("example-caseload", "--data-dir", str(given))
    code, out, _ = cli("--data-dir", str(given), "people")
    assert code == 0
    assert len(out.splitlines()) == 7
    assert not env_data_dir.exists()


def test_people_prints_one_tab_separated_line_per_person(tmp_path: Path) -> None:
    """Each line is id, preferred name and family name, separated by tabs, for scripts."""
    cli("example-caseload", "--data-dir", str(tmp_path))
    code, out, err = cli("people", "--data-dir", str(tmp_path))
    assert (code, err) == (0, "")
    rows = {tuple(line.split("\t")) for line in out.splitlines()}
    expected = {
        (f.person.id, f.person.preferred_name, f.person.family_name)
        for f in example_caseload(date.today())
    }
    assert rows == expected
    assert (PEGGY, "Peggy", "Okafor") in rows


def test_people_on_an_empty_store_prints_nothing(tmp_path: Path) -> None:
    """A new store lists nobody and succeeds."""
    Store.open(tmp_path, "CLI Test Worker", create=True).close()
    assert cli("people", "--data-dir", str(tmp_path)) == (0, "", "")


def test_people_in_a_folder_with_no_store_fails_with_one_line_and_creates_nothing(
    tmp_path: Path,
) -> None:
    """A mistyped --data-dir is reported, not answered with an empty list from a new store."""
    mistyped = tmp_path / "Asessor"
    code, out, err = cli("people", "--data-dir", str(mistyped))
    assert (code, out) == (2, "")
    assert err == (
        f"assessor: cannot open the store: No records were found in {mistyped}. Check the "
        "folder's name; nothing has been created there.\n"
    )
    assert not mistyped.exists()


def test_a_store_from_a_newer_version_fails_with_one_line(tmp_path: Path) -> None:
    """A store the command cannot open is reported in one line, not a traceback."""
    Store.open(tmp_path, "CLI Test Worker", create=True).close()
    with raw_connection(tmp_path / "assessor.sqlite") as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    code, out, err = cli("people", "--data-dir", str(tmp_path))
    assert code != 0
    assert out == ""
    assert len(err.splitlines()) == 1
    assert "newer version" in err


def test_data_dir_comes_from_the_environment_when_not_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ASSESSOR_DATA_DIR chooses the store when --data-dir is absent."""
    from_env = tmp_path / "from-env"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(from_env))
    code, _, _ = cli("example-caseload")
    assert code == 0
    assert (from_env / "assessor.sqlite").exists()
    code, out, _ = cli("people")
    assert len(out.splitlines()) == 7


def test_data_dir_option_wins_over_the_environment(tmp_path: Path, env_data_dir: Path) -> None:
    """--data-dir is used even when ASSESSOR_DATA_DIR is set."""
    cli("example-caseload", "--data-dir", str(tmp_path / "given"))
    assert (tmp_path / "given" / "assessor.sqlite").exists()
    assert not env_data_dir.exists()


@pytest.mark.slow
def test_python_dash_m_assessor_runs_a_command(tmp_path: Path) -> None:
    """`python -m cli people` works as a separate process and exits 0."""
    Store.open(tmp_path, "CLI Test Worker", create=True).close()
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), WORKER_VARIABLE: "CLI Test Worker"}
    finished = subprocess.run(
        [sys.executable, "-m", "cli", "people", "--data-dir", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout == ""


@pytest.mark.slow
def test_python_dash_m_assessor_without_a_command_explains(tmp_path: Path) -> None:
    """With no command, `python -m cli` says what to do and exits non-zero."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    finished = subprocess.run(
        [sys.executable, "-m", "cli", "--data-dir", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert finished.returncode != 0
    assert "name a command" in finished.stderr
