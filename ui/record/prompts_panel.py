"""The questions that may help, kept in view beside page two whatever is being typed.

It sits beside the page's scroll, not inside it, so a worker half-way down a long answer still
sees them: first the topic being written (its hint and questions), then the chosen
conversation's own questions (Connect, At risk, Long-term support or a carer's), then, except
for a carer, Swindon's three for opening a conversation.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QGroupBox, QLabel, QSizePolicy, QVBoxLayout

from assessor.prompts import (
    AGREED_QUESTIONS,
    CARER_QUESTIONS,
    SWINDON_QUESTIONS,
    THREE_CONVERSATIONS_QUESTIONS,
    TOPIC_QUESTIONS,
    Topic,
)
from assessor.record import ConversationKind
from ui.kit.forms import hint_label

NO_TOPIC = (
    "Questions for a topic show here once you are in it; these are for the whole conversation."
)


def conversation_questions(kind: ConversationKind | None) -> list[tuple[str, tuple[str, ...]]]:
    """The chosen conversation's questions under its name, then Swindon's but for a carer."""
    if kind is ConversationKind.CARER:
        return [(kind.label, CARER_QUESTIONS)]
    sections = [] if kind is None else [(kind.label, THREE_CONVERSATIONS_QUESTIONS[kind])]
    return [*sections, ("To open the conversation", SWINDON_QUESTIONS)]


def _questions_text(heading: str, questions: tuple[str, ...]) -> str:
    lines = "".join(f"<br>• {escape(question)}" for question in questions)
    return f"<b>{escape(heading)}</b>{lines}"


class PromptsPanel(QGroupBox):
    """Questions that may help, never required; see the module's docstring."""

    def __init__(self) -> None:
        super().__init__("Questions that may help")
        self.setObjectName("prompts")
        self.setAccessibleName("Questions that may help")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.topic = QLabel()
        self.topic.setWordWrap(True)
        self.topic.setAccessibleName("Questions for this topic")
        self.topic_hint = hint_label("")
        self.conversation = QLabel()
        self.conversation.setWordWrap(True)
        self.conversation.setAccessibleName("Questions for this conversation")
        layout = QVBoxLayout(self)
        layout.addWidget(self.topic)
        layout.addWidget(self.topic_hint)
        layout.addSpacing(8)
        layout.addWidget(self.conversation)
        layout.addStretch(1)
        self.show_topic(None)
        self.set_kind(None)

    def show_topic(self, topic: Topic | None) -> None:
        """The topic the worker is on: its heading, hint and questions."""
        if topic is None:
            self.topic.setText(f"<i>{NO_TOPIC}</i>")
            self.topic_hint.setText("")
            return
        questions = TOPIC_QUESTIONS.get(topic.code, ())
        self.topic.setText(_questions_text(f"Now: {topic.heading}", questions))
        self.topic_hint.setText(topic.hint)

    def show_agreed(self) -> None:
        """The worker is on what we agreed: questions for ending the conversation."""
        self.topic.setText(_questions_text("Now: What we agreed", AGREED_QUESTIONS))
        self.topic_hint.setText("")

    def set_kind(self, kind: ConversationKind | None) -> None:
        """The chosen conversation's questions."""
        parts = [_questions_text(heading, qs) for heading, qs in conversation_questions(kind)]
        self.conversation.setText("<br><br>".join(parts))
