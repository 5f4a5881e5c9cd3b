"""One app per store: a second start brings the first window forward and opens nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.kill_harness import REPO, start_typing, wait_for_line
from ui.app import ALREADY_OPEN


def second_start(data_dir: Path) -> subprocess.CompletedProcess[str]:
    """`assessor --data-dir DIR`, as a worker double-clicking the icon again would."""
    return subprocess.run(
        [sys.executable, "-m", "ui.app", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )


@pytest.mark.slow
def test_a_second_start_brings_the_first_window_forward(tmp_path):
    first, _person_id = start_typing(tmp_path, "wait")
    try:
        wait_for_line(first, "READY")
        second = second_start(tmp_path)
        assert second.returncode == 0, second.stderr
        assert second.stderr.strip().endswith(ALREADY_OPEN)
        wait_for_line(first, "FORWARD")
        assert first.poll() is None, "the first copy is still running"
    finally:
        first.send_signal(signal.SIGTERM)
        first.communicate(timeout=30)


@pytest.mark.slow
def test_a_copy_that_was_killed_does_not_keep_the_store_locked(tmp_path):
    first, _person_id = start_typing(tmp_path, "wait")
    wait_for_line(first, "READY")
    first.send_signal(signal.SIGKILL)
    first.communicate(timeout=30)
    again, _ = start_typing(tmp_path, "wait")
    try:
        wait_for_line(again, "READY")
    finally:
        again.send_signal(signal.SIGTERM)
        again.communicate(timeout=30)
