"""Failures are written in full to the data folder's log, which only the worker can read."""

from __future__ import annotations

import logging
import stat

from assessor.logfile import start_log


def test_the_log_is_the_users_alone_and_holds_the_traceback(tmp_path):
    path = start_log(tmp_path)
    assert path == tmp_path / "assessor.log"
    assert start_log(tmp_path) == path  # once per folder: no line is written twice
    try:
        raise ValueError("the detail council IT needs")
    except ValueError:
        logging.getLogger("assessor.test").exception("Something failed")
    logged = path.read_text(encoding="utf-8")
    assert logged.count("Something failed") == 1
    assert "Traceback" in logged and "the detail council IT needs" in logged
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_second_folder_takes_over_the_log(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    start_log(first)
    start_log(second)
    logging.getLogger("assessor").error("Only in the second")
    assert "Only in the second" not in (first / "assessor.log").read_text(encoding="utf-8")
    assert "Only in the second" in (second / "assessor.log").read_text(encoding="utf-8")


def test_no_folder_no_log(tmp_path):
    assert start_log(tmp_path / "not yet made") is None
