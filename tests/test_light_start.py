"""The window can show the caseload before SQLAlchemy is loaded: nothing on that path needs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

SHOWN_PATH = """
import sys
import ui.app, ui.shell.main_window, db.caseload, db.connection, db.migrate
print("sqlalchemy" in sys.modules)
"""


def test_showing_the_caseload_does_not_load_sqlalchemy():
    result = subprocess.run(
        [sys.executable, "-c", SHOWN_PATH],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=True,
    )
    assert result.stdout.strip() == "False"
