"""Contacts and their conversations (page two), one answer per topic."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.changes import natural_id
from assessor.conflicts import check_revision
from assessor.prompts import TOPIC_CODES
from assessor.record import CONTACT_FIELDS, Contact, Conversation, Entry
from db.changelog import Clock
from db.kinds import CONTACT, ENTRY
from db.models import ContactRow, ConversationEntryRow, PersonRow
from db.repositories.agreed_steps import AgreedSteps
from db.rows import check_fields, live, recorded_order, shown


def entry_id(contact_id: str, topic: str) -> str:
    """An answer is identified by its contact and topic, so its id is made from them."""
    return natural_id(ConversationEntryRow.__tablename__, contact_id, topic)


def check_topic(topic: str) -> None:
    if topic not in TOPIC_CODES:
        raise ValueError(f"Unknown conversation topic: {topic}")


class Contacts:
    def __init__(self, session: Session, clock: Clock) -> None:
        self.session = session
        self.clock = clock
        self.steps = AgreedSteps(session)

    def add(self, contact: Contact) -> Contact:
        live(self.session, PersonRow, contact.person_id)
        row = CONTACT.to_row(contact)
        self.session.add(row)
        self.session.flush()
        recorded = self.session.scalars(
            select(recorded_order(ContactRow)).where(ContactRow.id == row.id)
        ).one()
        return CONTACT.to_record(row, recorded_order=recorded)

    def update(self, contact_id: str, changes: Mapping[str, Any], based_on: int | None) -> int:
        check_fields(changes, CONTACT_FIELDS)
        row = live(self.session, ContactRow, contact_id, based_on)
        CONTACT.apply(row, changes)
        self.session.flush()
        return row.revision

    def of_person(self, person_id: str, with_marked: bool = False) -> list[Contact]:
        """Newest first; of two on one day, the one recorded later first (not the later
        stamp: the laptop's clock can be wrong). Those entered in error only `with_marked`."""
        recorded = recorded_order(ContactRow)
        which = ~ContactRow.deleted if with_marked else shown(ContactRow)
        rows = self.session.execute(
            select(ContactRow, recorded)
            .where(ContactRow.person_id == person_id, which)
            .order_by(ContactRow.on.desc(), recorded.desc())
        ).all()
        return [CONTACT.to_record(row, recorded_order=order) for row, order in rows]

    def of_people_following_up(self) -> list[Contact]:
        """Every live contact of each person with a follow-up date on any of theirs, newest
        first per person, as `of_person` orders them."""
        following_up = select(ContactRow.person_id).where(
            ContactRow.follow_up_on.is_not(None), ~ContactRow.deleted
        )
        recorded = recorded_order(ContactRow)
        rows = self.session.execute(
            select(ContactRow, recorded)
            .join(PersonRow, PersonRow.id == ContactRow.person_id)
            .where(ContactRow.person_id.in_(following_up), ~ContactRow.deleted, ~PersonRow.deleted)
            .order_by(ContactRow.person_id, ContactRow.on.desc(), recorded.desc())
        ).all()
        return [CONTACT.to_record(row, recorded_order=order) for row, order in rows]

    def conversation(self, contact_id: str) -> Conversation:
        """Page two of one live contact, with the steps agreed at it."""
        live(self.session, ContactRow, contact_id)
        rows = self.session.scalars(
            select(ConversationEntryRow).where(
                ConversationEntryRow.contact_id == contact_id, ~ConversationEntryRow.deleted
            )
        ).all()
        entries = {row.topic: ENTRY.to_record(row) for row in rows}
        return Conversation(contact_id, entries, self.steps.of_contact(contact_id))

    def set_entry(self, contact_id: str, topic: str, entry: Entry, based_on: int | None) -> int:
        check_topic(topic)
        live(self.session, ContactRow, contact_id)
        row = self.session.scalars(
            select(ConversationEntryRow).where(
                ConversationEntryRow.contact_id == contact_id,
                ConversationEntryRow.topic == topic,
            )
        ).one_or_none()
        if row is None:
            check_revision(0, based_on, "", self.clock())
            row = ENTRY.to_row(
                entry, id=entry_id(contact_id, topic), contact_id=contact_id, topic=topic
            )
            self.session.add(row)
        else:
            check_revision(row.revision, based_on, row.updated_by, row.updated_at)
            ENTRY.apply(row, {"text": entry.text, "own_words": entry.own_words})
            row.deleted = False
        self.session.flush()
        return row.revision

    def entry_ids(self, contact_ids: Iterable[str]) -> list[str]:
        return list(
            self.session.scalars(
                select(ConversationEntryRow.id).where(
                    ConversationEntryRow.contact_id.in_(list(contact_ids))
                )
            ).all()
        )
