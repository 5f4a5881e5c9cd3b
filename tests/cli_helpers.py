"""Running the command line in-process, and keeping its tests away from the real data folder."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from assessor.paths import DATA_DIR_VARIABLE, WORKER_VARIABLE
from cli.main import Clock, build_parser, run, utc_clock


def cli(*argv: str, clock: Clock = utc_clock) -> tuple[int, str, str]:
    """Run one command as `assessor` would: its exit code, standard output and standard error."""
    out, err = io.StringIO(), io.StringIO()
    code = run(build_parser().parse_args(list(argv)), out, err, clock)
    return code, out.getvalue(), err.getvalue()


def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A known worker, and ASSESSOR_DATA_DIR pointing at a folder tests can check is unused.

    The real user data folder is never reached, even when --data-dir is wrongly ignored.
    """
    monkeypatch.setenv(WORKER_VARIABLE, "CLI Test Worker")
    folder = tmp_path / "env-data-dir"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    return folder
