"""Windows and dialogs that fit the screen they are on, with their buttons always in view.

A council laptop is often 1366 by 768, and at 150 % scaling that is 911 by 512 of Qt's pixels: a
dialog laid out for a desktop screen would put its Save and Cancel buttons below the task bar.
So a dialog's body scrolls and its buttons sit outside the scroll, and no window is ever made
larger than the free area of its screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLayout,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)


def free_area(window: QWidget) -> QRect:
    """The part of the window's screen not taken by task bars and docks."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def frame_extra(window: QWidget) -> QSize:
    """What the window manager's frame adds around the window: its title bar and borders,
    or room for a title bar while the frame is not yet known."""
    extra = window.frameGeometry().size() - window.geometry().size()
    if extra.height() <= 0:
        return QSize(0, window.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight))
    return extra


def fit_to_screen(window: QWidget, wanted: QSize | None = None) -> None:
    """Size `window` to `wanted` (or what it asks for), never beyond the free area of its
    screen with its frame, and move it wholly onto that area."""
    fit_size(window, wanted)
    keep_on_screen(window, free_area(window))


def fit_size(window: QWidget, wanted: QSize | None = None) -> None:
    """Size `window` to `wanted` (or what it asks for), never beyond the free area of its
    screen with its frame. A maximised or full-screen window is the window manager's to size."""
    if window.isMaximized() or window.isFullScreen():
        return
    room = free_area(window).size() - frame_extra(window)
    window.setMaximumSize(room)
    size = (wanted or window.sizeHint()).boundedTo(room).expandedTo(window.minimumSizeHint())
    window.resize(size.boundedTo(room))


def keep_on_screen(window: QWidget, area: QRect) -> None:
    """Move the window (frame and all) so that none of it lies outside `area`."""
    frame = window.frameGeometry()
    left = min(max(frame.left(), area.left()), area.right() - frame.width() + 1)
    top = min(max(frame.top(), area.top()), area.bottom() - frame.height() + 1)
    window.move(max(left, area.left()), max(top, area.top()))


class _RefitOnShow(QObject):
    """Fits a window to its screen each time it is shown or moved to another screen, at the
    size `wanted` says then."""

    def __init__(self, window: QWidget, wanted: Callable[[], QSize]) -> None:
        super().__init__(window)
        self._wanted = wanted
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        refit = (QEvent.Type.Show, QEvent.Type.ScreenChangeInternal)
        if event.type() in refit and isinstance(watched, QWidget):
            fit_size(watched, self._wanted())
            # Moved once placed: a dialog centres itself over its window as it is shown,
            # unless it has been moved already.
            QTimer.singleShot(0, watched, lambda: keep_on_screen(watched, free_area(watched)))
        return False


class BodyScroll(QScrollArea):
    """A scroll area that asks for its whole body's size (a plain one asks for at most about
    36 by 24 lines) and can shrink to a few lines: the window's room decides, not the body."""

    def __init__(self, body: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Not a stop of its own for Tab: moving into a field inside scrolls it into view.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(body)

    def _bar(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)

    def sizeHint(self) -> QSize:
        body = self.widget().sizeHint()
        return QSize(body.width() + self._bar(), body.height())

    def minimumSizeHint(self) -> QSize:
        body = self.widget().minimumSizeHint()
        return QSize(body.width() + self._bar(), self.fontMetrics().lineSpacing() * 4)


def scroll_body(owner: QWidget, outside: int = 1) -> BodyScroll:
    """Move everything in `owner`'s box layout except its last `outside` items (the row of
    buttons, and the message above it saying why something was not saved) into a scroll area
    that takes their place, so those stay in view however tall the body."""
    layout = owner.layout()
    assert isinstance(layout, QBoxLayout), "a dialog laid out in a column"
    body = QWidget()
    column = QVBoxLayout(body)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(layout.spacing())
    while layout.count() > outside:
        stretch = layout.stretch(0)
        item = layout.takeAt(0)
        if item.widget() is not None:
            column.addWidget(item.widget(), stretch)
        elif isinstance(item.layout(), QLayout):
            column.addLayout(item.layout(), stretch)
        else:
            column.addStretch(max(stretch, 1))
    scroll = BodyScroll(body)
    layout.insertWidget(0, scroll, 1)
    return scroll


def fit_dialog(dialog: QWidget, outside: int = 1, wanted: QSize | None = None) -> BodyScroll:
    """A dialog whose body scrolls above its buttons (and the `outside` - 1 items above them)
    and which always fits its screen."""
    scroll = scroll_body(dialog, outside)
    # All it asks for, where there is room: Qt would show a dialog at most two thirds of the
    # screen's height and scroll the rest.
    _RefitOnShow(dialog, lambda: wanted or dialog.sizeHint())
    return scroll


def refit_on_show(window: QWidget, wanted: QSize | None = None) -> None:
    """Fit `window` to its screen whenever it is shown: at `wanted` size if there is room, or
    else at the size it has (as the worker left it)."""
    _RefitOnShow(window, lambda: wanted or window.size())
