"""Support as a carer: the offer of a conversation of their own, their plan, and whether they feel
supported (seed 003: a carer is a person in their own right, not only an asset to the person they
care for).

Offers and reviews are append-only and stored the moment they are saved; the plan autosaves field
by field like every other form.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assessor.carers import CarerOffer, CarerPlan, CarerReview, is_carer_conversation, review_due
from assessor.limits import RecordKind
from assessor.operations.carers import make_carer_plan, update_carer_plan
from assessor.operations.contacts import add_contact
from assessor.own_words import quoted
from assessor.person_file import AsCarer
from assessor.record import Contact, ConversationKind
from assessor.validation import format_date
from ui.carers.support_dialogs import OfferDialog, ReviewDialog
from ui.kit.autosave import Autosaver, FormPlace
from ui.kit.binding import Binder, BoundSection, optional_date, show_date
from ui.kit.clock import Today
from ui.kit.forms import (
    SAVES_AS_YOU_TYPE,
    Section,
    hint_label,
    named,
    record_actions,
    set_shown,
)
from ui.kit.records_tab import empty_state
from ui.record.contacts import CARER_PRIVACY

if TYPE_CHECKING:
    from assessor.operations.store_port import StorePort
    from ui.kit.runner import Runner


def conversation_status(offers: list[CarerOffer], contacts: list[Contact]) -> str:
    """Whether they were offered a conversation of their own, and had one, in plain words.
    `offers` are oldest first and `contacts` newest first, as the store gives them."""
    had = [contact for contact in contacts if is_carer_conversation(contact)]
    lines = []
    if offers:
        last = offers[-1]
        lines.append(f"Offered on {format_date(last.on)}: {last.response.label}.")
    elif not had:
        lines.append("Not yet offered a conversation of their own.")
    if len(had) == 1:
        lines.append(f"Had a carer’s conversation on {format_date(had[0].on)}.")
    elif had:
        lines.append(
            f"Had {len(had)} carer’s conversations, the latest on {format_date(had[0].on)}."
        )
    return " ".join(lines)


def review_line(review: CarerReview) -> str:
    """One review as the history lists it: the answer in words, never by colour alone."""
    parts = [format_date(review.on), review.supported.label]
    if review.words.strip():
        parts.append(quoted(review.words))
    if review.note.strip():
        parts.append(review.note.strip())
    return " · ".join(parts)


class CarerSupportTab(QWidget):
    """What the record holds about this person as a carer, for a person who cares for someone.

    `conversation_started` carries the id of a new carer's conversation, for the contacts tab
    to show. Every change is stored through the runner, whose report tells the worker's lists.
    """

    conversation_started = Signal(str)

    def __init__(
        self,
        store: StorePort,
        runner: Runner,
        autosaver: Autosaver,
        worker: str,
        today: Today,
    ) -> None:
        super().__init__()
        self._store = store
        self._runner = runner
        self._autosaver = autosaver
        self._worker = worker
        self._today = today
        self._person_id = ""
        self._plan: CarerPlan | None = None
        self._reviews: list[CarerReview] = []  # theirs, which say whether the plan's is held
        self.binder = Binder(autosaver, RecordKind.CARER_PLAN)

        self.not_a_carer = empty_state(
            "Not recorded as caring for anyone. When they care for someone, link them in that "
            "person’s Carers tab, and their support as a carer is recorded here."
        )
        self.not_a_carer.setMargin(self.fontMetrics().averageCharWidth())
        top, self.confirmation = record_actions()
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self._conversation_section())
        body_layout.addWidget(self._plan_section())
        body_layout.addWidget(self._reviews_section())
        body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)
        support = QWidget()
        support_layout = QVBoxLayout(support)
        support_layout.setContentsMargins(0, 0, 0, 0)
        support_layout.addLayout(top)
        support_layout.addWidget(self.scroll, 1)
        self.support = support
        self.pages = QStackedWidget()
        self.pages.addWidget(self.not_a_carer)
        self.pages.addWidget(support)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.offer_dialog = OfferDialog(store, runner, today, self)
        self.offer_dialog.accepted.connect(self._offer_recorded)
        self.review_dialog = ReviewDialog(store, runner, today, self)
        self.review_dialog.accepted.connect(self._review_saved)

    # --- sections -------------------------------------------------------------------------------

    def _conversation_section(self) -> Section:
        section = Section("A conversation of their own")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Conversation of their own")
        section.form.addRow(self.status)
        section.form.addRow(
            hint_label(
                "Carers often speak for the person they care for first. Give them time to come "
                "to their own health, work, money, breaks and what would help them."
            )
        )
        section.form.addRow(hint_label(CARER_PRIVACY))
        self.offer_button = named(QPushButton("Record the offer…"), "Record the offer")
        self.offer_button.clicked.connect(self.record_offer)
        self.start_button = named(
            QPushButton("Start a carer’s conversation"), "Start a carer’s conversation"
        )
        self.start_button.setToolTip("A new carer’s conversation, dated today, in Contacts")
        self.start_button.clicked.connect(self.start_conversation)
        row = QHBoxLayout()
        row.addWidget(self.offer_button)
        row.addWidget(self.start_button)
        row.addStretch(1)
        section.form.addRow(row)
        return section

    def _plan_section(self) -> BoundSection:
        section = BoundSection("Their plan", self.binder)
        self.plan_section = section
        self.no_plan = QWidget()
        no_plan_layout = QVBoxLayout(self.no_plan)
        no_plan_layout.setContentsMargins(0, 0, 0, 0)
        no_plan_layout.addWidget(QLabel("No plan yet."))
        self.make_plan_button = named(QPushButton("Make a plan"), "Make a plan")
        self.make_plan_button.clicked.connect(self.make_plan)
        no_plan_layout.addWidget(self.make_plan_button, 0, Qt.AlignmentFlag.AlignLeft)
        section.form.addRow(self.no_plan)
        self.made_on = QLabel()
        self.made_on.setWordWrap(True)
        section.form.addRow(self.made_on)
        self.saves_as_you_type = hint_label(SAVES_AS_YOU_TYPE)
        section.form.addRow(self.saves_as_you_type)
        self.what_will_help = section.text(
            "What will help (in their words)",
            "what_will_help",
            hint="Write it as they said it; it is kept exactly.",
        )
        self.what_will_help.setObjectName("ownWords")
        self.breaks = section.text(
            "Breaks", "breaks", lines=2, hint="When they get a break from caring, and who helps."
        )
        self.contingency = section.text(
            "If they could not care: contingency plan",
            "contingency",
            hint="Who would step in, and how to reach them, if the carer were ill or away.",
        )
        self.review_on = section.line(
            "Review by",
            "review_on",
            self._review_on,
            show_date,
            placeholder="For example 23/05/2027",
            hint="Optional. The review shows as due a week before.",
        )
        return section

    def _reviews_section(self) -> Section:
        section = Section("Do they feel supported?")
        section.form.addRow(
            hint_label("Ask at each review, and keep their answer in their own words.")
        )
        self.review_button = named(QPushButton("Review with them…"), "Review with them")
        self.review_button.clicked.connect(self.review)
        row = QHBoxLayout()
        row.addWidget(self.review_button)
        row.addStretch(1)
        section.form.addRow(row)
        self.no_reviews = QLabel("Not asked yet.")
        section.form.addRow(self.no_reviews)
        self.reviews = named(QListWidget(), "Reviews, newest first")
        self.reviews.setWordWrap(True)
        self.reviews.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        line = self.fontMetrics().lineSpacing()
        self.reviews.setMinimumHeight(line * 4)
        self.reviews.setMaximumHeight(line * 12)
        self.reviews_caption = QLabel("Reviews, newest first")
        section.form.addRow(self.reviews_caption)
        section.form.addRow(self.reviews)
        return section

    # --- the person -----------------------------------------------------------------------------

    def show_person(self, person_id: str) -> None:
        self._person_id = person_id
        self.confirmation.clear()
        self._reload()

    def _reload(self) -> None:
        """Re-read everything; edits still pending are written first, to the plan they
        were typed into."""
        self._autosaver.flush()
        carer = self._store.as_carer(self._person_id)
        self.pages.setCurrentWidget(self.support if carer.roles else self.not_a_carer)
        if not carer.roles:
            return
        self.status.setText(
            conversation_status(carer.offers, self._store.contacts(self._person_id))
        )
        self._reviews = carer.reviews
        self._show_plan(carer)
        self.reviews.clear()
        self.reviews.addItems([review_line(review) for review in reversed(carer.reviews)])
        for widget in (self.reviews, self.reviews_caption):
            set_shown(widget, bool(carer.reviews))
        set_shown(self.no_reviews, not carer.reviews)

    def _show_plan(self, carer: AsCarer) -> None:
        self._plan = carer.plans[0] if carer.plans else None
        plan = self._plan
        self.plan_section.form.setRowVisible(self.no_plan, plan is None)
        for shown_with_plan in (self.made_on, self.saves_as_you_type):
            self.plan_section.form.setRowVisible(shown_with_plan, plan is not None)
        for field in (self.what_will_help, self.breaks, self.contingency, self.review_on):
            self.plan_section.set_row_shown(field, plan is not None)
        if plan is not None:
            name = self._store.display_names([self._person_id]).get(self._person_id, "")
            self.binder.attach(
                ("carer_plan", plan.id),
                lambda changes, based_on: self._write_plan(plan, changes, based_on),
                plan,
                FormPlace(f"{name}, plan as a carer", self._person_id),
            )
            self._show_made_on()

    def _show_made_on(self) -> None:
        plan = self._plan
        if plan is None:
            return
        due = (
            f" Their review is due by {format_date(plan.review_on)}."
            if plan.review_on is not None and review_due(plan, self._today(), self._reviews)
            else ""
        )
        self.made_on.setText(f"Made on {format_date(plan.made_on)}.{due}")

    # --- actions --------------------------------------------------------------------------------

    def record_offer(self) -> None:
        self.offer_dialog.start(self._person_id)

    def _offer_recorded(self) -> None:
        offer = self.offer_dialog.offer
        if offer is None:
            return
        self._reload()
        self.confirmation.setText(f"Offer recorded: {offer.response.label}.")
        self.offer_button.setFocus()

    def start_conversation(self) -> None:
        """A carer's conversation of their own, today, with this worker."""
        started = Contact(
            self._person_id, self._today(), kind=ConversationKind.CARER, worker=self._worker
        )
        contact = self._runner.write_now(lambda: add_contact(self._store, started), source=self)
        self._reload()
        self.confirmation.setText("Carer’s conversation started: it is open in Contacts.")
        self.conversation_started.emit(contact.id)

    def make_plan(self) -> None:
        plan = CarerPlan(self._person_id, self._today())
        self._runner.write_now(lambda: make_carer_plan(self._store, plan), source=self)
        self._reload()
        self.confirmation.setText("Plan made: fill it in with them; it saves as you type.")
        self.what_will_help.setFocus()

    def _review_on(self, text: str) -> date | None:
        """The review date, checked against when the plan was made (the domain's message)."""
        review_on = optional_date(text)
        if self._plan is not None:
            replace(self._plan, review_on=review_on).check()
        return review_on

    def _write_plan(self, plan: CarerPlan, changes: dict[str, Any], based_on: int | None) -> int:
        """Autosave's writer for the plan the edits were typed into: now, under the runner's
        lock, so nothing waits at closing."""
        revision = self._runner.write_now(
            lambda: update_carer_plan(self._store, plan.carer_id, plan.id, changes, based_on),
            source=self,
        )
        if self._plan is not None and self._plan.id == plan.id:
            self._plan = replace(self._plan, **changes)
        if "review_on" in changes:
            self._show_made_on()
        return revision

    def review(self) -> None:
        self.review_dialog.start(self._person_id, self._plan)

    def _review_saved(self) -> None:
        review = self.review_dialog.review
        if review is None:
            return
        self._reload()
        self.confirmation.setText(f"Review saved: {review_line(review)}")
        self.review_button.setFocus()
