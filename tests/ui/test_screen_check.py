"""Started with no screen, the app says so in plain words instead of Qt's advice to reinstall."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ui.screen_check import no_screen_reason

RUNNING = {Path("/tmp/.X11-unix/X0")}


def running(path: Path) -> bool:
    return path in RUNNING


def test_no_display_at_all_is_named() -> None:
    reason = no_screen_reason({}, "linux", running)
    assert reason is not None
    assert "no DISPLAY is set" in reason and "reinstall" not in reason


def test_a_local_display_that_is_not_running_is_named() -> None:
    reason = no_screen_reason({"DISPLAY": ":7"}, "linux", running)
    assert reason is not None and "display :7 is not running" in reason


def test_a_running_display_wayland_or_a_chosen_screenless_platform_is_trusted() -> None:
    assert no_screen_reason({"DISPLAY": ":0"}, "linux", running) is None
    assert no_screen_reason({"DISPLAY": ":0.0"}, "linux", running) is None
    assert no_screen_reason({"DISPLAY": "laptop:10.0"}, "linux", running) is None
    assert no_screen_reason({"WAYLAND_DISPLAY": "wayland-0"}, "linux", running) is None
    assert no_screen_reason({"QT_QPA_PLATFORM": "offscreen"}, "linux", running) is None
    assert no_screen_reason({}, "win32", running) is None
    assert no_screen_reason({}, "darwin", running) is None


def test_wayland_does_not_help_when_xcb_is_asked_for() -> None:
    environ = {"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}
    assert no_screen_reason(environ, "linux", running) is not None


def test_the_app_started_with_no_screen_says_so_and_makes_nothing(tmp_path: Path) -> None:
    environ = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    data_dir = tmp_path / "records"
    start = "import sys, ui.app; sys.exit(ui.app.main(sys.argv[1:]))"
    started = subprocess.run(
        [sys.executable, "-c", start, "--data-dir", str(data_dir)],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert started.returncode == 2
    assert started.stderr.startswith("assessor: there is no screen to show the app on")
    assert "reinstall" not in started.stderr.lower()
    assert not data_dir.exists()
