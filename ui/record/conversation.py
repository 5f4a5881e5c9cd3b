"""Page two: the conversation, topic by topic, with its questions in view beside it as prompts,
never required, and what we agreed at the end.

Empty topics fold to a line (`ui.record.topic_field`), answers grow with their text inside the
one page scroll, and the questions sit outside that scroll (`ui.record.prompts_panel`): the
contacts tab places `prompts` beside the page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from assessor.drafts import Draft
from assessor.operations.contacts import set_entry
from assessor.prompts import TOPICS
from assessor.record import Conversation, ConversationKind, Entry
from ui.kit.autosave import Autosaver, FormPlace
from ui.kit.binding import Binder, FlushOnFocusOut
from ui.kit.forms import hint_label, set_shown
from ui.record.agreed_steps import AgreedSection
from ui.record.prompts_panel import PromptsPanel
from ui.record.topic_field import TopicField

if TYPE_CHECKING:
    from assessor.operations.store_port import ContactRecords
    from ui.kit.runner import Runner


class ConversationPage(QWidget):
    """Every topic of page two for one contact; topics for other kinds are hidden, not lost."""

    def __init__(
        self, store: ContactRecords, runner: Runner, autosaver: Autosaver, contact_binder: Binder
    ) -> None:
        super().__init__()
        self._store = store
        self._runner = runner
        self._autosaver = autosaver
        self._contact_id = ""
        self._revisions: dict[tuple[str, str], int] = {}  # each answer's, as last read or saved
        self._place = FormPlace()
        self._loading = False
        self.fields = {topic.code: TopicField(topic) for topic in TOPICS}
        self.prompts = PromptsPanel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<h3>Page two: the conversation</h3>"))
        layout.addWidget(
            hint_label(
                "Topics with nothing written are folded to one line: click one, or press Enter "
                "or start typing on it, to write there."
            )
        )
        for topic_field in self.fields.values():
            layout.addWidget(topic_field)
            topic_field.text.textChanged.connect(lambda f=topic_field: self._edited(f))
            topic_field.own_words.toggled.connect(lambda _c, f=topic_field: self._chosen(f))
            FlushOnFocusOut(topic_field.text, autosaver.flush)
        self.agreed = AgreedSection(store, runner, autosaver, contact_binder)
        layout.addWidget(self.agreed)
        self.set_kind(None)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The questions follow the keyboard: the topic it is in, or what we agreed."""
        if new is None or not self.isAncestorOf(new):
            return
        if self.agreed.isAncestorOf(new):
            self.prompts.show_agreed()
            return
        for topic_field in self.fields.values():
            if topic_field.isAncestorOf(new):
                self.prompts.show_topic(topic_field.topic)
                return

    def show_contact(
        self,
        contact_id: str,
        kind: ConversationKind | None,
        place: FormPlace,
        conversation: Conversation | None = None,
        who: Sequence[str] = (),
    ) -> None:
        """Page two of a contact (`conversation`, or read now), with any answer kept as a
        draft shown in its place; `who` suggests who may take a step agreed."""
        self._autosaver.flush()
        self._place = place
        conversation = conversation or self._store.conversation(contact_id)
        with self._laid_out_once():
            self._show(contact_id, conversation.entries)
            self.agreed.show_contact(contact_id, conversation.steps, place, who)
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
            self.agreed.show_contact("", [], FormPlace(), ())

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
        self.prompts.set_kind(kind)
        self.prompts.show_topic(None)

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
