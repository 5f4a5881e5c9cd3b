"""The mouse wheel never changes a value the worker is not working on.

Scrolling down a form with the pointer passing over a drop-down used to change the choice and
autosave it under the worker's name. One filter on the application covers every combo box,
spin box, date field and slider in every window: without keyboard focus they pass the wheel to
the page around them, which scrolls; with focus they behave as usual. They also no longer take
focus from the wheel, so a turn of the wheel never arms them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider)
_WHEEL, _POLISH = QEvent.Type.Wheel, QEvent.Type.Polish


def is_guarded(widget: QObject) -> bool:
    """A control whose value a wheel turn would change (scroll bars only scroll)."""
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


class WheelGuard(QObject):
    """Installed once on the application; see the module's docstring."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Called for every event in the app: the common case returns at the first test.
        kind = event.type()
        if kind is not _WHEEL and kind is not _POLISH:
            return False
        if not is_guarded(watched):
            return False
        if kind is _POLISH:
            _no_wheel_focus(watched)
            return False
        if watched.hasFocus():
            return False
        scroll_page_instead(watched, event)
        return True


def _no_wheel_focus(control: QWidget) -> None:
    if control.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        control.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def scroll_page_instead(control: QWidget, event: QWheelEvent) -> None:
    """Hand the turn to the nearest scrolling page around the control, if there is one."""
    area = control.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    event.accept()  # the control has had its turn: Qt must not offer it to the parents too
    if area is None:
        return
    viewport = area.viewport()
    position = viewport.mapFromGlobal(event.globalPosition())
    QApplication.sendEvent(
        viewport,
        QWheelEvent(
            position,
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
        ),
    )


def guard_the_wheel(app: QApplication) -> None:
    """Install the guard on the application, once however many windows are made.

    An application-wide filter runs Python for every event, and the thousands of events that
    build and first show the window cost a start-up about 35 ms; so the window installs it just
    after it is first shown (`MainWindow`), before the worker can turn the wheel, and the
    controls made before then are set right here.
    """
    if app.property("wheelGuarded"):
        return
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    app.setProperty("wheelGuarded", True)
    for widget in app.allWidgets():
        if is_guarded(widget):
            _no_wheel_focus(widget)
