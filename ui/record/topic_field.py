"""One topic of page two: folded to a line while nothing is written, open once it is.

Ten empty boxes read as a form to fill in; a list of folded topics reads as things the
conversation may touch. A folded topic is one line, its heading and hint, reached by Tab: a
click, Enter or Space opens it with the cursor in it, and typing on it opens it with what was
typed. A topic with words in it is always open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from assessor.limits import RecordKind, check_length, limit_for
from assessor.prompts import Topic
from assessor.record import Entry
from ui.kit.binding import ErrorLabel
from ui.kit.forms import hint_label, named, set_shown
from ui.record.growing_text import GrowingText

OPENS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


class OneLine(QLabel):
    """A hint cut to the width it has, with an ellipsis; the whole hint is its tooltip."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setObjectName("hint")
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.width()
        )
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignVCenter), shown)


class FoldedTopic(QPushButton):
    """The folded line: "+ Heading  hint". Typing on it hands the text to `typed`."""

    typed = Signal(str)

    def __init__(self, topic: Topic) -> None:
        super().__init__()
        named(
            self,
            f"{topic.heading}: nothing written yet",
            f"{topic.hint} Press Enter or start typing to write here.",
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        title = QLabel(f"<b>+ {topic.heading}</b>")
        title.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(title)
        layout.addWidget(OneLine(topic.hint), 1)
        self.setMinimumHeight(title.sizeHint().height() + 10)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in OPENS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.click()
        elif event.text().isprintable() and event.text() and not _shortcut(event):
            self.typed.emit(event.text())
        else:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() != Qt.Key.Key_Space:  # Space has opened it already
            super().keyReleaseEvent(event)


def _shortcut(event: QKeyEvent) -> bool:
    held = event.modifiers() & ~(
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
    )
    return bool(held)


class TopicField(QWidget):
    """One topic: folded while empty; open, its heading, hint, the text and whether it is in
    the person's own words."""

    def __init__(self, topic: Topic) -> None:
        super().__init__()
        self.topic = topic
        self.folded = FoldedTopic(topic)
        self.body = QWidget()
        self.heading = QLabel(f"<b>{topic.heading}</b>")
        limit = limit_for(RecordKind.CONVERSATION_ENTRY, "text")
        self.text = GrowingText(topic.heading, longest=limit)
        self.heading.setBuddy(self.text)
        self.own_words = named(
            QCheckBox("These are their own words"), f"{topic.heading}: their own words"
        )
        self.quote_note = QLabel("“Their own words, kept exactly as said”")
        self.quote_note.setObjectName("quoteNote")
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 6, 0, 6)
        body.addWidget(self.heading)
        body.addWidget(hint_label(topic.hint))
        body.addWidget(self.quote_note)
        body.addWidget(self.text)
        self.error = ErrorLabel(self.text)
        body.addWidget(self.error)
        body.addWidget(self.own_words)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.folded)
        layout.addWidget(self.body)
        self.own_words.toggled.connect(self._show_as_quote)
        self.folded.clicked.connect(self.open)
        self.folded.typed.connect(self._typed_on_fold)
        self.text.textChanged.connect(self._open_when_written)
        self._show_as_quote(False)
        self.fold(True)

    def is_folded(self) -> bool:
        return self.body.isHidden()

    def fold(self, folded: bool) -> None:
        """Fold to one line, or open; the keyboard stays where the worker was."""
        moving = folded and self.body.isAncestorOf(self.focusWidget() or self)
        set_shown(self.folded, folded)
        set_shown(self.body, not folded)
        if moving:
            self.folded.setFocus()

    def open(self) -> None:
        """Open the topic with the cursor in it, at the end of what is written."""
        self.fold(False)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)

    def _typed_on_fold(self, typed: str) -> None:
        self.open()
        self.text.insertPlainText(typed)

    def _open_when_written(self) -> None:
        if self.is_folded() and self.text.toPlainText():
            self.fold(False)

    def entry(self) -> Entry:
        """The answer as typed, once it is within the limit for an answer."""
        text = self.text.toPlainText()
        check_length(RecordKind.CONVERSATION_ENTRY, "text", text)
        return Entry(text, self.own_words.isChecked())

    def load(self, entry: Entry | None) -> None:
        """Show a stored answer; an empty topic folds."""
        self.error.show_message(None)
        self.text.setPlainText(entry.text if entry else "")
        self.own_words.setChecked(bool(entry and entry.own_words))
        self.fold(not (entry and entry.text))

    def _show_as_quote(self, own_words: bool) -> None:
        """Own words look like a quotation: a marked border and a caption, not colour alone."""
        set_shown(self.quote_note, own_words)
        self.text.setProperty("ownWords", own_words)
        self.text.style().unpolish(self.text)
        self.text.style().polish(self.text)
