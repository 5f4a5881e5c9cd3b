"""Every window and dialog fits a 1366 by 768 laptop screen, at 100 % and at 150 % scaling,
with its buttons and the save state in view; the main window remembers its place per screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, QSize

from assessor.example import example_caseload
from db.store import Store
from tests.ui import screen_child
from ui.kit.runner import Runner
from ui.shell.main_window import MainWindow
from ui.shell.window_memory import FILE_NAME, screen_key

REPO = Path(__file__).resolve().parents[2]
TASK_BAR = 40  # the free area is the screen less a task bar along its bottom
WINDOWS = [
    "main window",
    "new person",
    "main window with a person",
    "someone who matters",
    "goal",
    "short-term help",
    "progression plan",
    "link a carer",
    "a carer's own record",
    "weekly review",
    "their caring",
    "offer to a carer",
    "carer's review",
    "print",
    "print plans for today",
    "not saved",
]


def laptop_screen(folder: Path) -> str:
    """The offscreen platform with one 1366 by 768 screen less its task bar."""
    config = folder / "laptop.json"
    screen = {"name": "Laptop", "x": 0, "y": 0, "width": 1366, "height": 768 - TASK_BAR}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    return f"offscreen:configfile={config}"


@pytest.mark.parametrize(("scale", "free"), [("1", (1366, 728)), ("1.5", (911, 485))])
def test_every_window_fits_a_laptop_screen_with_its_buttons_in_view(tmp_path, scale, free):
    data_dir = tmp_path / "data"
    store = Store.open(data_dir, "Test Worker", create=True)
    store.add_files(example_caseload(date(2026, 11, 23)))
    store.close()
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": laptop_screen(tmp_path),
        "QT_SCALE_FACTOR": scale,
    }
    done = subprocess.run(
        [sys.executable, screen_child.__file__, str(data_dir)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert [window["name"] for window in seen] == WINDOWS
    for window in seen:
        area, frame = QRect(*window["area"]), QRect(*window["frame"])
        assert (area.width(), area.height()) == free
        assert area.contains(frame), f"{window['name']} {frame} is not within {area}"
        assert window["keep_in_view"], f"{window['name']} has nothing to act with"
        for name, *place in window["keep_in_view"]:
            assert frame.contains(QRect(*place)), f"{window['name']}: {name} is out of view"


def test_the_main_window_comes_back_where_it_was_on_this_screen(qtbot, tmp_path, store):
    def opened() -> MainWindow:
        window = MainWindow(store, "Test Worker", Runner(), data_dir=tmp_path)
        qtbot.addWidget(window, before_close_func=MainWindow.close_now)
        window.show()
        qtbot.waitUntil(window.isVisible)
        return window

    first = opened()
    first.setGeometry(40, 30, 700, 500)
    first.splitter.setSizes([200, 480])
    qtbot.waitUntil(lambda: first.splitter.sizes()[0] == 200)
    first.close_now()
    settings = QSettings(str(tmp_path / FILE_NAME), QSettings.Format.IniFormat)
    assert isinstance(settings.value(f"{screen_key(first)}/geometry"), QByteArray)

    again = opened()
    assert again.size() == QSize(700, 500)
    moved = again.pos() - QPoint(40, 30)
    assert moved.manhattanLength() <= 4, "where it was, give or take the frame's width"
    assert again.splitter.sizes()[0] == 200


def test_a_window_left_larger_than_the_screen_comes_back_within_it(qtbot, tmp_path, store):
    window = MainWindow(store, "Test Worker", Runner(), data_dir=tmp_path)
    qtbot.addWidget(window, before_close_func=MainWindow.close_now)
    area = window.screen().availableGeometry()
    window.setMaximumSize(16777215, 16777215)  # as it was before a smaller screen
    window.setGeometry(area.adjusted(-50, -50, 400, 300))
    window.close_now()

    again = MainWindow(store, "Test Worker", Runner(), data_dir=tmp_path)
    qtbot.addWidget(again, before_close_func=MainWindow.close_now)
    again.show()
    qtbot.waitUntil(lambda: area.contains(again.frameGeometry()))
