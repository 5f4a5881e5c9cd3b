"""Contacts as a timeline, newest first, with the chosen contact's details and page two."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assessor.carers import is_carer_conversation
from assessor.conflicts import revision_of
from assessor.limits import RecordKind
from assessor.operations.contacts import add_contact, update_contact
from assessor.operations.in_error import mark_contact
from assessor.person_file import OpenedPerson
from assessor.record import Contact, Conversation, ConversationKind, Followed, Place
from assessor.validation import format_date, parse_date
from ui.kit.autosave import Autosaver, FormPlace
from ui.kit.binding import Binder, BoundSection, RevisedWriter, chosen, show_date
from ui.kit.clock import Today
from ui.kit.forms import hint_label, named
from ui.kit.in_error_dialog import InErrorDialog, ask_in_error, in_error_action
from ui.record.conversation import ConversationPage
from ui.record.pending_contact import PendingContact, StoredOnFirstAnswer

if TYPE_CHECKING:
    from assessor.operations.store_port import ContactRecords
    from ui.kit.runner import Runner


CARER_PRIVACY = (
    "A carer’s conversation is private to the carer: the people they care for never see it, "
    "in the app or on paper, unless the carer agrees to share it."
)


NOT_YET = "New: kept once you type or choose"


def describe(contact: Contact) -> str:
    """A timeline entry: the date, then where, which conversation and who."""
    parts = []
    if contact.place:
        parts.append(contact.place.label)
    if contact.kind:
        parts.append(contact.kind.label)
    if contact.worker:
        parts.append(contact.worker)
    line = f"{format_date(contact.on)}\n{' · '.join(parts) or 'Details not recorded yet'}"
    if is_carer_conversation(contact):
        line += "\n" + (
            "Shared with the people they care for"
            if contact.shared_with_cared_for
            else "Private to the carer"
        )
    return line


class FollowedChoices(QWidget):
    """What followed: several may apply, each a checkbox saved as soon as it is ticked."""

    changed = Signal(frozenset)

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = {item: named(QCheckBox(item.label), item.label) for item in Followed}
        for box in self.boxes.values():
            layout.addWidget(box)
            box.toggled.connect(lambda _c: self.changed.emit(self.value()))

    def value(self) -> frozenset[Followed]:
        return frozenset(item for item, box in self.boxes.items() if box.isChecked())

    def set_value(self, chosen: frozenset[Followed]) -> None:
        for item, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(item in chosen)
            box.blockSignals(False)


class ContactDetails(BoundSection):
    """Date, place, which conversation, worker and what followed, autosaved; for a carer's
    conversation, whether the carer agrees to share it."""

    def __init__(self, autosaver: Autosaver) -> None:
        super().__init__("About this contact", Binder(autosaver, RecordKind.CONTACT))
        self.on = self.line(
            "Date of contact", "on", parse_date, show_date, placeholder="For example 23/11/2026"
        )
        self.place = self.choice("Where", "place", Place)
        self.kind = self.choice(
            "Which conversation",
            "kind",
            ConversationKind,
            hint="Connect, At risk or Long-term support: the Three Conversations. A carer’s "
            "conversation is about the carer’s own needs.",
        )
        self.shared = named(
            QCheckBox("They agree to share this conversation with the people they care for"),
            "Carer agrees to share this conversation",
        )
        self.privacy = hint_label(CARER_PRIVACY)
        sharing = QWidget()
        sharing_layout = QVBoxLayout(sharing)
        sharing_layout.setContentsMargins(0, 0, 0, 0)
        sharing_layout.addWidget(self.shared)
        sharing_layout.addWidget(self.privacy)
        self.sharing = sharing
        self.add("Sharing", sharing)
        self.kind.activated.connect(
            lambda _i: self._show_sharing(chosen(self.kind, ConversationKind))
        )
        self.worker = self.line("Worker", "worker")
        self.followed = FollowedChoices()
        self.followed.setAccessibleName("What followed")
        self.add("What followed", self.followed)
        self.followed.changed.connect(lambda value: self.binder.save_now("followed", value))
        self.shared.toggled.connect(
            lambda value: self.binder.save_now("shared_with_cared_for", value)
        )

    def show_contact(self, contact: Contact, writer: RevisedWriter, place: FormPlace) -> None:
        self.binder.attach(("contact", contact.id), writer, contact, place)
        self.followed.set_value(contact.followed)
        self.shared.blockSignals(True)
        self.shared.setChecked(contact.shared_with_cared_for)
        self.shared.blockSignals(False)
        self._show_sharing(contact.kind)

    def _show_sharing(self, kind: ConversationKind | None) -> None:
        """Only a carer's conversation can be shared; everything else stays as it is."""
        self.set_row_shown(self.sharing, kind is ConversationKind.CARER)


class ContactsTab(QWidget):
    """The timeline on the left; the chosen contact and its conversation on the right."""

    def __init__(
        self,
        store: ContactRecords,
        runner: Runner,
        autosaver: Autosaver,
        worker: str,
        today: Today,
    ) -> None:
        super().__init__()
        self._store = store
        self._today = today
        self._runner = runner
        self._autosaver = autosaver
        self._worker = worker
        self._person_id = ""
        self._person_name = ""
        self._contacts: list[Contact] = []
        self._pending = PendingContact(store, lambda: QTimer.singleShot(0, self._stored))
        self.new_button = named(QPushButton("New contact"), "New contact")
        self.new_button.setToolTip("Start a new contact (Ctrl+Shift+N)")
        self.new_button.clicked.connect(self.new_contact)
        self.timeline = named(QListWidget(), "Contacts, newest first")
        self.timeline.setWordWrap(True)  # rows differ in height: a carer's has a third line
        self.timeline.setSpacing(3)
        self.timeline.currentRowChanged.connect(self._chosen)
        self.mark_action = in_error_action(
            self.timeline, "Mark this contact as entered in error…", self.mark_in_error
        )
        self.mark_button = named(
            QPushButton("Entered in error…"), "Mark the chosen contact as entered in error"
        )
        self.mark_button.setToolTip(self.mark_action.text())
        self.mark_button.clicked.connect(self.mark_in_error)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(QLabel("Contacts, newest first"))
        left_layout.addWidget(self.timeline)
        left_layout.addWidget(self.mark_button)

        self.details = ContactDetails(autosaver)
        self.conversation = ConversationPage(
            StoredOnFirstAnswer(store, self._pending), runner, autosaver, self.details.binder
        )
        self.details.kind.activated.connect(
            lambda _i: self.conversation.set_kind(chosen(self.details.kind, ConversationKind))
        )
        # Typing in a contact begun stores it at once, so a draft of what is typed has its
        # contact too; a choice or a tick stores it with the change itself (see `_write`).
        for topic_field in self.conversation.fields.values():
            text = topic_field.text
            text.textChanged.connect(lambda t=text: t.toPlainText() and self._typed_in())
        for edit in [
            *self.details.findChildren(QLineEdit),
            self.conversation.agreed.follow_up,
        ]:
            edit.textEdited.connect(lambda _text: self._typed_in())
        self.empty = QLabel(
            "No contacts yet. Start one with New contact (Ctrl+Shift+N) to record the conversation."
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.details)
        body_layout.addWidget(self.conversation)
        body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)
        # The questions stay beside the page, outside its scroll, whatever is being typed.
        self.page = QSplitter(Qt.Orientation.Horizontal)
        self.page.addWidget(self.scroll)
        self.page.addWidget(self.conversation.prompts)
        self.page.setStretchFactor(0, 3)
        self.page.setStretchFactor(1, 1)
        self.page.setCollapsible(1, False)
        self.right = QStackedWidget()
        self.right.addWidget(self.empty)
        self.right.addWidget(self.page)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([1, 3])  # in proportion: the contact and its conversation need room
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def show_person(self, person_id: str, name: str, select_id: str | None = None) -> None:
        """The person's timeline, newest first, with `select_id` or the newest contact chosen;
        `name` says whose it is in drafts and the status bar."""
        self._autosaver.flush()
        self._pending.drop()
        self._person_id, self._person_name = person_id, name
        self._reload(select_id)

    def show_opened(self, opened: OpenedPerson) -> None:
        """As `show_person` with the newest contact chosen, from what opening them read."""
        self._autosaver.flush()
        self._pending.drop()
        self._person_id, self._person_name = opened.person.id, opened.person.display_name
        self._show(self._timeline(opened.contacts, None), opened.newest)

    def select_contact(self, contact_id: str) -> None:
        self._autosaver.flush()
        self._reload(contact_id)

    def new_contact(self) -> None:
        """Begin today's contact, with this worker, and put the cursor in its first field; it
        is stored with the first thing typed or chosen in it (see `ui.record.pending_contact`)."""
        self._autosaver.flush()
        if self._pending.contact is None or self._pending.contact.person_id != self._person_id:
            self._pending.begin(self._person_id, self._today(), self._worker)
        assert self._pending.contact is not None
        self._reload(select_id=self._pending.contact.id)
        self.details.place.setFocus()

    def mark_in_error(self) -> InErrorDialog | None:
        """Ask why the chosen contact was entered in error; once marked it leaves the timeline."""
        row = self.timeline.currentRow()
        if not 0 <= row < len(self._contacts):
            return None
        self._autosaver.flush()
        contact = self._contacts[row]
        if self._pending.holds(contact.id):
            return None  # nothing stored yet, so nothing to mark

        def mark(reason: str) -> None:
            self._runner.write_now(lambda: mark_contact(self._store, contact, reason), source=self)
            self._reload(None)

        return ask_in_error(
            self,
            f"The contact of {format_date(contact.on)} with {self._person_name}",
            "It leaves the contacts and every printed plan.",
            mark,
        )

    def _typed_in(self) -> None:
        pending = self._pending.contact
        if pending is None:
            return
        try:
            self._runner.write_now(lambda: add_contact(self._store, pending), source=self)
        except Exception:  # logged by the runner; the next keystroke tries again
            return
        self._pending.drop()
        self._fill_timeline(pending.id)

    def _stored(self) -> None:
        """Page two stored the contact begun: its timeline line no longer says it is new."""
        row = self.timeline.currentRow()
        if 0 <= row < len(self._contacts):
            self._fill_timeline(self._contacts[row].id)

    def _reload(self, select_id: str | None) -> None:
        self._show(self._fill_timeline(select_id), None)

    def _show(self, row: int, conversation: Conversation | None) -> None:
        """The chosen contact (with `conversation`, its page two, if read already), filled
        before it is shown, so the page is laid out once; or the empty timeline's words."""
        self.mark_button.setEnabled(bool(self._contacts))
        if self._contacts:
            self._chosen(row, conversation)
            self.right.setCurrentWidget(self.page)
        else:
            self.right.setCurrentWidget(self.empty)
            self.conversation.clear()

    def _fill_timeline(self, select_id: str | None) -> int:
        """Re-read the timeline and choose a contact quietly; returns its row."""
        return self._timeline(self._store.contacts(self._person_id), select_id)

    def _timeline(self, contacts: list[Contact], select_id: str | None) -> int:
        """Show `contacts` with `select_id` (or the newest) chosen quietly, and a contact begun
        and not yet stored at the top; returns its row."""
        pending = self._pending.contact
        if pending is not None and pending.person_id == self._person_id:
            contacts = [pending, *contacts]
        self._contacts = contacts
        ids = [c.id for c in self._contacts]
        row = ids.index(select_id) if select_id in ids else 0
        self.timeline.blockSignals(True)
        self.timeline.clear()
        self.timeline.addItems(
            [
                f"{format_date(contact.on)}\n{NOT_YET}" if contact is pending else describe(contact)
                for contact in self._contacts
            ]
        )
        self.timeline.setCurrentRow(row)
        self.timeline.blockSignals(False)
        return row

    def _chosen(self, row: int, conversation: Conversation | None = None) -> None:
        if not 0 <= row < len(self._contacts):
            return
        contact = self._contacts[row]
        self.mark_button.setEnabled(not self._pending.holds(contact.id))
        if self._pending.contact is not None and contact is not self._pending.contact:
            self._autosaver.flush()  # anything typed into it stores it first
            self._pending.drop()  # left untouched: nothing is kept
            self._fill_timeline(contact.id)
            return self._chosen(self.timeline.currentRow(), conversation)
        place = FormPlace(
            f"{self._person_name}, contact of {format_date(contact.on)}", contact.person_id
        )
        self.details.show_contact(
            contact, lambda changes, based_on: self._write(contact, changes, based_on), place
        )
        who = (self._person_name, contact.worker or self._worker, "A carer", "Family or friends")
        self.conversation.show_contact(contact.id, contact.kind, place, conversation, who)
        self.scroll.verticalScrollBar().setValue(0)  # each contact opens at its start

    def _write(self, contact: Contact, changes: dict[str, object], based_on: int | None) -> int:
        """Store the change (the first to a contact begun stores it); a new date, place or
        worker changes the contact's timeline line."""
        if self._pending.holds(contact.id):
            begun = replace(contact, **changes)
            stored = self._runner.write_now(lambda: add_contact(self._store, begun), source=self)
            self._pending.drop()
            self._fill_timeline(contact.id)
            return revision_of(stored) or 1
        revision = self._runner.write_now(
            lambda: update_contact(self._store, contact.person_id, contact.id, changes, based_on),
            source=self,
        )
        if {"on", "place", "kind", "worker", "shared_with_cared_for"} & changes.keys():
            self._fill_timeline(contact.id)
        return revision
