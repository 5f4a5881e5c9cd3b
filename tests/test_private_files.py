"""Every file the app's entry points write is the worker's alone, whatever the desktop's umask:
the store's files are made private by the store, everything else by the process's umask."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from assessor.example import example_caseload, example_id
from db.store import Store

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.parametrize(
    "entry_point",
    [
        pytest.param(["-m", "cli"], id="python -m cli"),
        pytest.param(
            ["-c", "import sys; from ui.app import main; sys.exit(main())"], id="assessor"
        ),
    ],
)
def test_an_export_written_by_a_command_is_readable_by_the_worker_alone(
    tmp_path: Path, entry_point: list[str]
) -> None:
    data_dir = tmp_path / "data"
    store = Store.open(data_dir, "Test Worker", create=True)
    store.add_files(example_caseload(date(2026, 11, 23)))
    store.close()
    exported = tmp_path / "peggy.json"

    subprocess.run(
        [
            sys.executable,
            *entry_point,
            "export",
            example_id("peggy"),
            "--out",
            str(exported),
            "--data-dir",
            str(data_dir),
        ],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        umask=0o022,
        capture_output=True,
        timeout=60,
        check=True,
    )

    assert stat.S_IMODE(exported.stat().st_mode) == 0o600
