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
    for handler in logging.getLogger("assessor").handlers[:]:
        if getattr(handler, "baseFilename", None) == str(path.resolve()):
            logging.getLogger("assessor").removeHandler(handler)
            handler.close()


def test_no_folder_no_log(tmp_path):
    assert start_log(tmp_path / "not yet made") is None
