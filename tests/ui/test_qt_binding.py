"""The installed PySide6 must not leak references to None, True or False.

PySide6 6.12.0 on Python 3.11 releases a reference to None on each call that returns nothing
(and to True or False on each bool signal); after a few hundred person opens Python frees None
and the app aborts. pyproject.toml keeps that version out; this test keeps it out for good.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Flag(QObject):
    changed = Signal(bool)


def test_calls_returning_nothing_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("Peggy")
    assert sys.getrefcount(None) - before > -100


def test_bool_signals_keep_true_alive(qtbot):
    flag = _Flag()
    flag.changed.connect(lambda _value: None)
    before = sys.getrefcount(True)
    for _ in range(1000):
        flag.changed.emit(True)
    assert sys.getrefcount(True) - before > -100
