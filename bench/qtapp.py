"""The Qt application the in-process benchmarks drive: offscreen, styled as the app styles it.

Two workarounds, both only for running benchmarks:

- The offscreen platform warns "does not support propagateSizeHints" whenever a window is
  shown; that line is dropped so the figures are readable. Other Qt messages still print.
- PySide6 6.12.0 on Python 3.11 drops references it does not own: one to None on every call
  of a Qt method that returns nothing (setText, setVisible, ...), and one to True or False on
  some calls (emitting a Signal(bool), for one). These objects are not immortal before
  Python 3.12, so after enough calls Python aborts ("deallocating None"), during the run or
  while exiting. Here they are given many extra references that are never released, so a
  benchmark can run to the end. The app itself has no such guard; see bench/README.md.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from ui.app import STYLESHEET

_QUIET = "This plugin does not support propagateSizeHints()"


def _print_message(kind: QtMsgType, _context: object, message: str) -> None:
    if message != _QUIET:
        print(f"Qt {kind.name}: {message}", file=sys.stderr)


def keep_singletons_alive() -> None:
    """Give None, True and False 2**30 references each that nobody releases (needless from
    Python 3.12, where they are immortal)."""
    if sys.version_info < (3, 12):
        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += 2**30


def make_app() -> QApplication:
    keep_singletons_alive()
    qInstallMessageHandler(_print_message)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Assessor")
    app.setStyleSheet(STYLESHEET.read_text(encoding="utf-8"))
    return app
