"""Page two: the conversation, with its questions beside the fields as prompts, never required."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assessor.drafts import Draft
from assessor.limits import RecordKind, check_length
from assessor.operations.contacts import set_entry
from assessor.prompts import (
    CARER_QUESTIONS,
    SWINDON_QUESTIONS,
    THREE_CONVERSATIONS_QUESTIONS,
    TOPICS,
    Topic,
)
from assessor.record import Conversation, ConversationKind, Entry
from ui.kit.autosave import Autosaver, FormPlace
from ui.kit.binding import ErrorLabel, FlushOnFocusOut
from ui.kit.forms import hint_label, named, set_shown, text_edit

if TYPE_CHECKING:
    from assessor.operations.store_port import ContactRecords
    from ui.kit.runner import Runner


class TopicField(QWidget):
    """One topic: heading, hint, the text and whether it is in the person's own words."""

    def __init__(self, topic: Topic) -> None:
        super().__init__()
        self.topic = topic
        self.heading = QLabel(f"<b>{topic.heading}</b>")
        self.text = text_edit(topic.heading)
        self.heading.setBuddy(self.text)
        self.own_words = named(
            QCheckBox("These are their own words"), f"{topic.heading}: their own words"
        )
        self.quote_note = QLabel("“ Their own words, kept exactly as said ”")
        self.quote_note.setObjectName("quoteNote")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.addWidget(self.heading)
        layout.addWidget(hint_label(topic.hint))
        layout.addWidget(self.quote_note)
        layout.addWidget(self.text)
        self.error = ErrorLabel(self.text)
        layout.addWidget(self.error)
        layout.addWidget(self.own_words)
        self.own_words.toggled.connect(self._show_as_quote)
        self._show_as_quote(False)

    def entry(self) -> Entry:
        """The answer as typed, once it is within the limit for an answer."""
        text = self.text.toPlainText()
        check_length(RecordKind.CONVERSATION_ENTRY, "text", text)
        return Entry(text, self.own_words.isChecked())

    def load(self, entry: Entry | None) -> None:
        self.error.show_message(None)
        self.text.setPlainText(entry.text if entry else "")
        self.own_words.setChecked(bool(entry and entry.own_words))

    def _show_as_quote(self, own_words: bool) -> None:
        """Own words look like a quotation: a marked border and a caption, not colour alone."""
        set_shown(self.quote_note, own_words)
        self.text.setProperty("ownWords", own_words)
        self.text.style().unpolish(self.text)
        self.text.style().polish(self.text)


def prompts_box(kind: ConversationKind | None) -> QGroupBox:
    """The questions that may help: for a carer's conversation, questions about the carer; for
    the Three Conversations, the kind's questions and Swindon's opening three."""
    box = QGroupBox("Questions that may help")
    box.setObjectName("prompts")
    layout = QVBoxLayout(box)
    if kind is ConversationKind.CARER:
        sections = [(kind.label, CARER_QUESTIONS)]
    elif kind is not None:
        sections = [(kind.label, THREE_CONVERSATIONS_QUESTIONS[kind])]
    else:
        sections = []
    if kind is not ConversationKind.CARER:
        sections.append(("To open the conversation", SWINDON_QUESTIONS))
    for heading, questions in sections:
        layout.addWidget(QLabel(f"<b>{heading}</b>"))
        for question in questions:
            layout.addWidget(hint_label(f"• {question}"))
    layout.addStretch(1)
    return box


class ConversationPage(QWidget):
    """Every topic of page two for one contact; topics for other kinds are hidden, not lost."""

    def __init__(self, store: ContactRecords, runner: Runner, autosaver: Autosaver) -> None:
        super().__init__()
        self._store = store
        self._runner = runner
        self._autosaver = autosaver
        self._contact_id = ""
        self._revisions: dict[tuple[str, str], int] = {}  # each answer's, as last read or saved
        self._place = FormPlace()
        self._loading = False
        self.fields = {topic.code: TopicField(topic) for topic in TOPICS}
        column = QVBoxLayout()
        title = QLabel("<h3>Page two: the conversation</h3>")
        column.addWidget(title)
        for topic_field in self.fields.values():
            column.addWidget(topic_field)
            topic_field.text.textChanged.connect(lambda f=topic_field: self._edited(f))
            topic_field.own_words.toggled.connect(lambda _c, f=topic_field: self._chosen(f))
            FlushOnFocusOut(topic_field.text, autosaver.flush)
        self.prompts = QStackedWidget()
        self._prompts_for: dict[ConversationKind | None, QGroupBox] = {}
        for kind in (None, *ConversationKind):
            self._prompts_for[kind] = prompts_box(kind)
            self.prompts.addWidget(self._prompts_for[kind])
        layout = QHBoxLayout(self)
        layout.addLayout(column, 3)
        layout.addWidget(self.prompts, 2, Qt.AlignmentFlag.AlignTop)
        self.set_kind(None)

    def show_contact(
        self,
        contact_id: str,
        kind: ConversationKind | None,
        place: FormPlace,
        conversation: Conversation | None = None,
    ) -> None:
        """Page two of a contact (`conversation`, or read now), with any answer kept as a
        draft shown in its place."""
        self._autosaver.flush()
        self._place = place
        entries = (conversation or self._store.conversation(contact_id)).entries
        with self._laid_out_once():
            self._show(contact_id, entries)
            self.set_kind(kind)
        drafted = [(f, d) for f in self.fields.values() if (d := self._draft(f)) is not None]
        for topic_field, draft in drafted:
            # A draft refused because the answer changed elsewhere waits for the worker to
            # type; any other is checked and saved again at once, as if just typed.
            self._loading = draft.kind == "conflict"
            topic_field.text.setPlainText(draft.text)
            self._loading = False
            if draft.kind == "conflict":
                topic_field.error.show_message(draft.message)
        if drafted:
            self._autosaver.flush()

    def _draft(self, topic_field: TopicField) -> Draft | None:
        return self._autosaver.draft_for(self._record(topic_field), "entry")

    def _record(self, topic_field: TopicField) -> tuple[str, str, str]:
        return ("entry", self._contact_id, topic_field.topic.code)

    def clear(self) -> None:
        """Hold nothing, so no one's words linger behind the next person's empty timeline."""
        self._autosaver.flush()
        with self._laid_out_once():
            self._show("", {})

    def _show(self, contact_id: str, entries: dict[str, Entry]) -> None:
        self._contact_id = contact_id
        self._revisions = {(contact_id, code): entry.revision for code, entry in entries.items()}
        self._loading = True
        try:
            for code, topic_field in self.fields.items():
                topic_field.load(entries.get(code))
        finally:
            self._loading = False

    def set_kind(self, kind: ConversationKind | None) -> None:
        """Show the topics for this kind of conversation and its questions."""
        with self._laid_out_once():
            for topic_field in self.fields.values():
                shown = topic_field.topic.applies_to(kind) or bool(topic_field.text.toPlainText())
                set_shown(topic_field, shown)
            self.prompts.setCurrentWidget(self._prompts_for[kind])

    @contextmanager
    def _laid_out_once(self) -> Iterator[None]:
        """Lay the page out once after many fields change, not once for each field or caption
        shown: Qt lays out every enclosing page at once whenever a widget in a shown window is
        shown, and a page two of every topic takes milliseconds to lay out."""
        layout = self.layout()
        if not layout.isEnabled():  # already inside
            yield
            return
        layout.setEnabled(False)
        try:
            yield
        finally:
            layout.setEnabled(True)
            layout.invalidate()

    def _edited(self, topic_field: TopicField) -> None:
        if self._loading or not self._contact_id:
            return
        contact_id, code = self._contact_id, topic_field.topic.code
        person_id = self._place.person_id

        def write(changes: dict[str, Entry]) -> None:
            based_on = self._revisions.get((contact_id, code), 0)
            revision = self._runner.write_now(
                lambda: set_entry(
                    self._store, person_id, contact_id, code, changes["entry"], based_on
                ),
                source=self,
            )
            self._revisions[(contact_id, code)] = revision

        self._autosaver.edit(
            self._record(topic_field),
            write,
            "entry",
            topic_field.entry,
            topic_field.error.show_message,
            topic_field.text.toPlainText,
            topic_field.topic.heading,
            self._place,
        )

    def _chosen(self, topic_field: TopicField) -> None:
        if self._loading:
            return
        self._edited(topic_field)
        self._autosaver.flush()
