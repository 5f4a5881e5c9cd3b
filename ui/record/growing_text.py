"""A text box as tall as its text, so page two has one scroll bar: the page's.

A box that scrolls inside a page that scrolls hides what was written and catches the wheel
half-way down the page. This one grows a line at a time as the worker types, and keeps the line
being typed in view by scrolling the page around it. Only text past the field's limit (a paste
of a whole document, refused and kept as a draft) stops it growing: it then scrolls inside,
rather than make a page of many thousands of lines.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent, QWheelEvent
from PySide6.QtWidgets import QPlainTextEdit, QScrollArea, QSizePolicy

from ui.kit.forms import named
from ui.kit.wheel_guard import scroll_page_instead

_ALWAYS_OFF = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
_AS_NEEDED = Qt.ScrollBarPolicy.ScrollBarAsNeeded


class GrowingText(QPlainTextEdit):
    """At least `lines` lines tall, and as tall as its text up to `longest` characters."""

    def __init__(self, name: str, longest: int, lines: int = 2) -> None:
        super().__init__()
        named(self, name)
        self.setTabChangesFocus(True)
        self._least = self.fontMetrics().lineSpacing() * lines
        self._longest = longest
        self._page: QScrollArea | None = None
        self.setVerticalScrollBarPolicy(_ALWAYS_OFF)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().contentsChanged.connect(self.fit)
        self.cursorPositionChanged.connect(self._soon_in_view)

    def fit(self) -> None:
        """Be as tall as the text, laid out at today's width."""
        document = self.document()
        if document.characterCount() > self._longest:
            self.setVerticalScrollBarPolicy(_AS_NEEDED)
            return
        self.setVerticalScrollBarPolicy(_ALWAYS_OFF)
        text = 0.0
        block = document.firstBlock()
        while block.isValid():
            text += self.blockBoundingRect(block).height()
            block = block.next()
        frame = self.frameWidth() * 2 + document.documentMargin() * 2
        height = int(max(text, self._least) + frame) + 2
        if self.minimumHeight() != height or self.maximumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._page is None:
            self._page = self._page_around()
            if self._page is not None:
                # The page grows a moment after the box does: follow the cursor then too.
                self._page.verticalScrollBar().rangeChanged.connect(self._soon_in_view)
        self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """A box that has grown has nothing to scroll: the wheel scrolls the page (Ctrl and
        the wheel still zoom the text)."""
        zoom = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if self.verticalScrollBarPolicy() == _ALWAYS_OFF and not zoom:
            scroll_page_instead(self, event)
        else:
            super().wheelEvent(event)

    def _page_around(self) -> QScrollArea | None:
        page = self.parentWidget()
        while page is not None and not isinstance(page, QScrollArea):
            page = page.parentWidget()
        return page

    def _soon_in_view(self) -> None:
        # Once the page has been laid out again around a line just added.
        if self.hasFocus():
            QTimer.singleShot(0, self.keep_cursor_in_view)

    def keep_cursor_in_view(self) -> None:
        """Scroll the page around the box so the line with the cursor shows."""
        page = self._page
        if page is None or page.widget() is None or not self.hasFocus():
            return
        line = self.cursorRect()
        where = self.viewport().mapTo(page.widget(), line.center())
        page.ensureVisible(where.x(), where.y(), 0, line.height() * 2)
