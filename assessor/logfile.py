"""Where failures are written in full: `assessor.log` in the data folder, the user's alone.

Screens and the command line say what went wrong in plain words; the detail (the exception and
its traceback) goes here for council IT. The store is set to hide the values it was saving
from its error messages, so a failed save does not copy a person's words into the log.
"""

from __future__ import annotations

import logging
from pathlib import Path

LOG_FILE_NAME = "assessor.log"
LOGGER = "assessor"


def start_log(data_dir: Path) -> Path | None:
    """Send the app's log to the data folder, if there is one yet: one folder's log at a time
    (a process works on one store), set up once."""
    from logging.handlers import RotatingFileHandler  # here: not needed to show the window

    path = data_dir / LOG_FILE_NAME
    logger = logging.getLogger(LOGGER)
    logs = [h for h in logger.handlers if isinstance(h, RotatingFileHandler)]
    if any(h.baseFilename == str(path.resolve()) for h in logs):
        return path
    if not data_dir.is_dir():
        return None
    for old in logs:
        logger.removeHandler(old)
        old.close()
    try:
        path.touch(mode=0o600, exist_ok=True)
        path.chmod(0o600)
        handler = RotatingFileHandler(path, maxBytes=500_000, backupCount=2, encoding="utf-8")
    except OSError:
        return None  # a folder we cannot write to says so elsewhere; the log is not worth a stop
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path
