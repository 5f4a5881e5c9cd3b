"""Caring roles between records, and the one door through which a carer's conversation reaches
the person they care for (`shared_by_carers`, which applies `assessor.carers.seen_by_cared_for`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from assessor.carers import (
    CARING_ROLE_FIELDS,
    CarerToOffer,
    CaringRole,
    carers_to_offer,
    person_from_name,
    seen_by_cared_for,
)
from assessor.changes import natural_id
from assessor.person_file import SharedConversation
from assessor.record import (
    ConversationKind,
    Person,
)
from assessor.validation import InvalidInput
from db.kinds import CARING_ROLE, CONTACT, PERSON, PERSON_WHO_MATTERS
from db.models import (
    CarerOfferRow,
    CaringRoleRow,
    ContactRow,
    PersonRow,
    PersonWhoMattersRow,
    new_id,
)
from db.repositories.contacts import Contacts
from db.rows import check_fields, live, recorded_order, shown


def role_id(carer_id: str, cared_for_id: str) -> str:
    """A carer caring for a person is one role, so its id is made from the two of them."""
    return natural_id(CaringRoleRow.__tablename__, carer_id, cared_for_id)


def role_row(role: CaringRole) -> CaringRoleRow:
    return CARING_ROLE.to_row(role, id=role.id or role_id(role.carer_id, role.cared_for_id))


def carer_name(row: PersonRow) -> str:
    return " ".join(part for part in (row.preferred_name, row.family_name) if part)


class CaringRoles:
    def __init__(self, session: Session, contacts: Contacts) -> None:
        self.session = session
        self.contacts = contacts  # the door through which a shared conversation is read

    def add(self, role: CaringRole) -> CaringRole:
        """A pair is linked once; a role that ended and starts again is the same role."""
        role.check()
        self._check_new(role)
        row = self.session.get(CaringRoleRow, role_id(role.carer_id, role.cared_for_id))
        if row is None:
            row = role_row(role)
            self.session.add(row)
        else:
            CARING_ROLE.apply(row, {name: getattr(role, name) for name in CARING_ROLE.fields})
            row.deleted = False
        self.session.flush()
        return CARING_ROLE.to_record(row)

    def add_carer_record(self, named_as_id: str, role: CaringRole) -> tuple[str, CaringRole]:
        """A record of their own for someone page one names as a carer, linked to the person
        who named them."""
        named = live(self.session, PersonWhoMattersRow, named_as_id)
        carer = person_from_name(named.name, named.phone, named.email)
        role = replace(role, cared_for_id=named.person_id, named_as_id=named.id)
        return self.add_linked_person(carer, role)

    def add_linked_person(self, person: Person, role: CaringRole) -> tuple[str, CaringRole]:
        """A new person linked by `role`, whose empty side (carer or cared for) is theirs."""
        row = PERSON.to_row(person, id=new_id())
        if role.carer_id:
            role = replace(role, cared_for_id=row.id)
        else:
            role = replace(role, carer_id=row.id)
        role.check()
        self.session.add(row)
        self.session.flush()
        return row.id, self.add(role)

    def update(self, role_id: str, changes: Mapping[str, Any], based_on: int | None) -> int:
        """What a carer does, their hours, since when, or whether they live together."""
        check_fields(changes, CARING_ROLE_FIELDS)
        row = live(self.session, CaringRoleRow, role_id, based_on)
        replace(CARING_ROLE.to_record(row), **changes).check()
        CARING_ROLE.apply(row, changes)
        self.session.flush()
        return row.revision

    def end(self, role_id: str) -> None:
        """A tombstone, so sync carries it."""
        live(self.session, CaringRoleRow, role_id).deleted = True

    def as_carer(self, carer_id: str) -> list[CaringRole]:
        """Whom this person cares for, in the order the roles were recorded."""
        return self._roles(CaringRoleRow.carer_id == carer_id, CaringRoleRow.cared_for_id)

    def carers_of(self, cared_for_id: str) -> list[CaringRole]:
        """This person's carers, in the order they were recorded."""
        return self._roles(CaringRoleRow.cared_for_id == cared_for_id, CaringRoleRow.carer_id)

    def _roles(
        self, which: ColumnElement[bool], other_id: InstrumentedAttribute[str]
    ) -> list[CaringRole]:
        rows = self.session.scalars(
            select(CaringRoleRow)
            .join(PersonRow, PersonRow.id == other_id)
            .where(which, ~CaringRoleRow.deleted, shown(PersonRow))
            .order_by(CaringRoleRow.created_at)
        ).all()
        return [CARING_ROLE.to_record(row) for row in rows]

    def _check_new(self, role: CaringRole) -> None:
        carer = live(self.session, PersonRow, role.carer_id)
        cared_for = live(self.session, PersonRow, role.cared_for_id)
        if role.named_as_id:
            live(self.session, PersonWhoMattersRow, role.named_as_id)
        held = self.session.scalars(
            select(CaringRoleRow.id).where(
                CaringRoleRow.carer_id == role.carer_id,
                CaringRoleRow.cared_for_id == role.cared_for_id,
                ~CaringRoleRow.deleted,
            )
        ).first()
        if held is not None:
            raise InvalidInput(
                f"{carer_name(carer)} is already recorded as a carer for {carer_name(cared_for)}."
            )

    def shared_by_carers(self, cared_for_id: str) -> list[SharedConversation]:
        """Carers' conversations their carers agreed to share with this person, newest first.
        Nothing else of a carer's record is read here."""
        carer = aliased(PersonRow)
        recorded = recorded_order(ContactRow)
        rows = self.session.execute(
            select(ContactRow, carer, recorded)
            .join(CaringRoleRow, CaringRoleRow.carer_id == ContactRow.person_id)
            .join(carer, carer.id == CaringRoleRow.carer_id)
            .where(
                CaringRoleRow.cared_for_id == cared_for_id,
                ~CaringRoleRow.deleted,
                shown(carer),
                shown(ContactRow),
                ContactRow.kind == ConversationKind.CARER.value,
                ContactRow.shared_with_cared_for,
            )
            .order_by(ContactRow.on.desc(), recorded.desc())
        ).all()
        found = [
            (CONTACT.to_record(contact, recorded_order=order), carer_name(row))
            for contact, row, order in rows
        ]
        return [
            SharedConversation(
                contact.person_id, name, contact, self.contacts.conversation(contact.id)
            )
            for contact, name in found
            if seen_by_cared_for(contact)
        ]

    def carers_to_offer(self) -> list[CarerToOffer]:
        """Carers not yet offered a conversation of their own: linked carers with no offer and
        no carer's conversation, and carers named on page one who have no record yet."""
        named = self.session.execute(
            select(PersonWhoMattersRow)
            .join(PersonRow, PersonRow.id == PersonWhoMattersRow.person_id)
            .where(PersonWhoMattersRow.is_carer, ~PersonWhoMattersRow.deleted, shown(PersonRow))
        ).scalars()
        named_carers = [(row.person_id, PERSON_WHO_MATTERS.to_record(row)) for row in named]
        carer = aliased(PersonRow)
        cared_for = aliased(PersonRow)
        role_rows = self.session.execute(
            select(CaringRoleRow, carer)
            .join(carer, carer.id == CaringRoleRow.carer_id)
            .join(cared_for, cared_for.id == CaringRoleRow.cared_for_id)
            .where(~CaringRoleRow.deleted, shown(carer), shown(cared_for))
        ).all()
        offered = set(
            self.session.scalars(select(CarerOfferRow.carer_id).where(~CarerOfferRow.deleted))
        ) | set(
            self.session.scalars(
                select(ContactRow.person_id).where(
                    ContactRow.kind == ConversationKind.CARER.value, shown(ContactRow)
                )
            )
        )
        roles = [CARING_ROLE.to_record(row) for row, _ in role_rows]
        names = {row.id: carer_name(row) for _, row in role_rows}
        return carers_to_offer(named_carers, roles, names, offered)
