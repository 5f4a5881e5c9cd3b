"""The Qt application the in-process benchmarks drive: offscreen, styled as the app styles it,
with PySide6's reading of imported modules' sources undone as the app undoes it.

The offscreen platform warns "does not support propagateSizeHints" whenever a window is
shown; that line is dropped so the figures are readable. Other Qt messages still print.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from ui.app import STYLESHEET, stop_reading_sources

_QUIET = "This plugin does not support propagateSizeHints()"


def _print_message(kind: QtMsgType, _context: object, message: str) -> None:
    if message != _QUIET:
        print(f"Qt {kind.name}: {message}", file=sys.stderr)


def make_app() -> QApplication:
    qInstallMessageHandler(_print_message)
    stop_reading_sources()  # as the app does
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Assessor")
    app.setStyleSheet(STYLESHEET.read_text(encoding="utf-8"))
    return app
