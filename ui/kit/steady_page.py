"""A page that keeps what happens inside it to itself.

Qt passes every layout change up to the window: a label's new text inside a tab makes the tab
widget above lay itself out again and repaint the whole tab, and its parents after it. A steady
page holds its body without a layout of its own, so a change inside is laid out inside, and goes
further only when the body's size hints (what the window around must make room for) changed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class SteadyPage(QWidget):
    """Lay out `body`; the page fills itself with it."""

    def __init__(self) -> None:
        super().__init__()
        self.body = QWidget(self)
        self._hints = self._body_hints()

    def _body_hints(self) -> tuple[QSize, QSize, QSizePolicy]:
        return self.body.sizeHint(), self.body.minimumSizeHint(), self.body.sizePolicy()

    def sizeHint(self) -> QSize:
        return self.body.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.body.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.body.setGeometry(self.rect())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            hints = self._body_hints()
            if hints != self._hints:
                self._hints = hints
                self.updateGeometry()
        return super().event(event)
