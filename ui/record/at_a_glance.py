"""The two things the top of a person's record shows above every tab: the alerts a visitor must
know before they go, and the kind of conversation going on now. Each says so in words and with
an icon, never by colour alone, and is hidden when there is nothing to say."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QStyle, QWidget

from assessor.at_a_glance import alert_lines
from assessor.record import ConversationKind, Person
from ui.kit.forms import set_shown


def _warning_icon(beside: QWidget) -> QLabel:
    """The warning sign, as tall as a line and a half of text; a screen reader skips it, as
    the words beside it say the same."""
    icon = QLabel()
    size = beside.fontMetrics().height() * 3 // 2
    sign = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    icon.setPixmap(sign.pixmap(size, size))
    icon.setAccessibleName("")
    return icon


class AlertBanner(QFrame):
    """The person's alerts ("do not visit alone", "dog", "key safe code held by…") under the
    word Alert, shown above whichever tab is open."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("alertBanner")
        self.word = QLabel("Alert")
        self.word.setObjectName("alertWord")
        self.text = QLabel()
        self.text.setObjectName("alertText")
        self.text.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(_warning_icon(self))
        layout.addWidget(self.word)
        layout.addWidget(self.text, 1)
        self.hide()

    def show_person(self, person: Person) -> None:
        lines = alert_lines(person)
        said = " · ".join(lines)
        self.text.setText(said)
        self.setAccessibleName(f"Alert: {'; '.join(lines)}" if lines else "")
        self.text.setAccessibleName(self.accessibleName())
        set_shown(self, bool(lines))


class ConversationBadge(QFrame):
    """The current conversation's kind beside the person's name; an At risk conversation has
    the warning sign and bold words, so it stands out without colour."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("conversationBadge")
        self.icon = _warning_icon(self)
        self.text = QLabel()
        self.text.setObjectName("conversationKind")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.icon)
        layout.addWidget(self.text)
        self.hide()

    def show_kind(self, kind: ConversationKind | None) -> None:
        at_risk = kind is ConversationKind.AT_RISK
        self.text.setText("" if kind is None else f"Current conversation: {kind.label}")
        self.setAccessibleName(self.text.text())
        self.setProperty("atRisk", at_risk)
        self.text.setProperty("atRisk", at_risk)
        for widget in (self, self.text):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        set_shown(self.icon, at_risk)
        set_shown(self, kind is not None)
