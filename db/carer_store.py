"""The store's part for carers: caring roles, offers of a conversation, carers' plans and
reviews, and the one door through which a carer's conversation reaches the person they care for
(`shared_by_carers`, which applies `assessor.carers.seen_by_cared_for`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from assessor.carers import (
    CARER_PLAN_FIELDS,
    CARING_ROLE_FIELDS,
    CarerOffer,
    CarerPlan,
    CarerReview,
    CarerToOffer,
    CaringRole,
    carers_to_offer,
    person_from_name,
    seen_by_cared_for,
)
from assessor.person_file import AsCarer, SharedConversation
from assessor.record import PERSON_FIELDS, ConversationKind, Person
from assessor.validation import InvalidInput
from db import convert
from db.carer_rows import (
    carer_name,
    offer_from_row,
    offer_row,
    plan_from_row,
    plan_row,
    review_from_row,
    review_row,
    role_from_row,
    role_row,
)
from db.models import (
    CarerOfferRow,
    CarerPlanRow,
    CarerReviewRow,
    CaringRoleRow,
    ContactRow,
    PersonRow,
    PersonWhoMattersRow,
    new_id,
)
from db.rows import check_fields, live, read_conversation, recorded_order


class CarerStore:
    """Mixed into `Store`: every method is one transaction."""

    _transaction: Any

    # --- caring roles -------------------------------------------------------------------------

    def add_caring_role(self, role: CaringRole) -> CaringRole:
        """Link a carer to someone they care for; a pair is linked once."""
        role.check()
        with self._transaction() as session:
            self._check_new_role(session, role)
            row = role_row(role)
            session.add(row)
            session.flush()
            return role_from_row(row)

    def add_carer_record(self, named_as_id: str, role: CaringRole) -> tuple[str, CaringRole]:
        """Make a record of their own for someone page one names as a carer, and link them to
        the person who named them, in one transaction. Returns the new person's id and role."""
        with self._transaction() as session:
            named = live(session, PersonWhoMattersRow, named_as_id)
            carer = person_from_name(named.name, named.phone, named.email)
            role = replace(role, cared_for_id=named.person_id, named_as_id=named.id)
            return self._add_linked(session, carer, role)

    def add_linked_person(self, person: Person, role: CaringRole) -> tuple[str, CaringRole]:
        """Make a record for a new person and link them by `role`, whose empty side (carer or
        cared for) is theirs, in one transaction: never a record without its link."""
        with self._transaction() as session:
            return self._add_linked(session, person, role)

    def _add_linked(
        self, session: Session, person: Person, role: CaringRole
    ) -> tuple[str, CaringRole]:
        row = PersonRow(id=new_id(), **convert.columns(person, PERSON_FIELDS))
        if role.carer_id:
            role = replace(role, cared_for_id=row.id)
        else:
            role = replace(role, carer_id=row.id)
        role.check()
        session.add(row)
        session.flush()
        self._check_new_role(session, role)
        role_record = role_row(role)
        session.add(role_record)
        session.flush()
        return row.id, role_from_row(role_record)

    def update_caring_role(
        self, role_id: str, changes: Mapping[str, Any], based_on: int | None = None
    ) -> int:
        """Change what a carer does, their hours, since when, or whether they live together."""
        check_fields(changes, CARING_ROLE_FIELDS)
        with self._transaction() as session:
            row = live(session, CaringRoleRow, role_id, based_on)
            replace(role_from_row(row), **changes).check()
            for name, value in changes.items():
                setattr(row, name, value)
        return row.revision

    def end_caring_role(self, role_id: str) -> None:
        """They no longer care for the person: a tombstone, so sync carries it."""
        with self._transaction() as session:
            live(session, CaringRoleRow, role_id).deleted = True

    def roles_as_carer(self, carer_id: str) -> list[CaringRole]:
        """Whom this person cares for, in the order the roles were recorded."""
        return self._roles(CaringRoleRow.carer_id == carer_id, CaringRoleRow.cared_for_id)

    def carers_of(self, cared_for_id: str) -> list[CaringRole]:
        """This person's carers, in the order they were recorded."""
        return self._roles(CaringRoleRow.cared_for_id == cared_for_id, CaringRoleRow.carer_id)

    def _roles(self, which: Any, other_id: Any) -> list[CaringRole]:
        with self._transaction() as session:
            rows = session.scalars(
                select(CaringRoleRow)
                .join(PersonRow, PersonRow.id == other_id)
                .where(which, ~CaringRoleRow.deleted, ~PersonRow.deleted)
                .order_by(CaringRoleRow.created_at)
            ).all()
            return [role_from_row(row) for row in rows]

    def _check_new_role(self, session: Session, role: CaringRole) -> None:
        carer = live(session, PersonRow, role.carer_id)
        cared_for = live(session, PersonRow, role.cared_for_id)
        if role.named_as_id:
            live(session, PersonWhoMattersRow, role.named_as_id)
        held = session.scalars(
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

    # --- what reaches the person cared for -----------------------------------------------------

    def shared_by_carers(self, cared_for_id: str) -> list[SharedConversation]:
        """Carers' conversations their carers agreed to share with this person, newest first.
        Nothing else of a carer's record is read here."""
        carer = aliased(PersonRow)
        recorded = recorded_order(ContactRow)
        with self._transaction() as session:
            rows = session.execute(
                select(ContactRow, carer, recorded)
                .join(CaringRoleRow, CaringRoleRow.carer_id == ContactRow.person_id)
                .join(carer, carer.id == CaringRoleRow.carer_id)
                .where(
                    CaringRoleRow.cared_for_id == cared_for_id,
                    ~CaringRoleRow.deleted,
                    ~carer.deleted,
                    ~ContactRow.deleted,
                    ContactRow.kind == ConversationKind.CARER.value,
                    ContactRow.shared_with_cared_for,
                )
                .order_by(ContactRow.on.desc(), recorded.desc())
            ).all()
            found = [
                (convert.contact(contact, order), carer_name(row)) for contact, row, order in rows
            ]
            return [
                SharedConversation(
                    contact.person_id, name, contact, read_conversation(session, contact.id)
                )
                for contact, name in found
                if seen_by_cared_for(contact)
            ]

    # --- offers, plans and reviews -----------------------------------------------------------

    def add_carer_offer(self, offer: CarerOffer) -> CarerOffer:
        offer.check(date.today())
        with self._transaction() as session:
            live(session, PersonRow, offer.carer_id)
            row = offer_row(offer)
            session.add(row)
            session.flush()
            return offer_from_row(row)

    def add_carer_plan(self, plan: CarerPlan) -> CarerPlan:
        plan.check()
        with self._transaction() as session:
            live(session, PersonRow, plan.carer_id)
            row = plan_row(plan)
            session.add(row)
            session.flush()
            return plan_from_row(row)

    def update_carer_plan(
        self, plan_id: str, changes: Mapping[str, Any], based_on: int | None = None
    ) -> int:
        """Change what will help, the breaks, the contingency plan or the review date."""
        check_fields(changes, CARER_PLAN_FIELDS)
        with self._transaction() as session:
            row = live(session, CarerPlanRow, plan_id, based_on)
            replace(plan_from_row(row), **changes).check()
            for name, value in changes.items():
                setattr(row, name, value)
        return row.revision

    def add_carer_review(
        self, review: CarerReview, next_review_on: date | None = None
    ) -> CarerReview:
        """Append "Do you feel supported?" and their words; reviews are never changed. A next
        review date moves their newest plan's, in the same transaction."""
        review.check(date.today())
        with self._transaction() as session:
            live(session, PersonRow, review.carer_id)
            if next_review_on is not None:
                plan = session.scalars(
                    select(CarerPlanRow)
                    .where(CarerPlanRow.carer_id == review.carer_id, ~CarerPlanRow.deleted)
                    .order_by(CarerPlanRow.made_on.desc(), CarerPlanRow.created_at.desc())
                ).first()
                if plan is None:
                    raise InvalidInput("A next review date needs a plan to belong to.")
                replace(plan_from_row(plan), review_on=next_review_on).check()
                plan.review_on = next_review_on
            row = review_row(review)
            session.add(row)
            session.flush()
            return review_from_row(row)

    def as_carer(self, carer_id: str) -> AsCarer:
        """Everything this person's record holds about them as a carer."""
        roles = self.roles_as_carer(carer_id)
        with self._transaction() as session:
            offers = session.scalars(
                select(CarerOfferRow)
                .where(CarerOfferRow.carer_id == carer_id, ~CarerOfferRow.deleted)
                .order_by(CarerOfferRow.on, CarerOfferRow.created_at)
            ).all()
            plans = session.scalars(
                select(CarerPlanRow)
                .where(CarerPlanRow.carer_id == carer_id, ~CarerPlanRow.deleted)
                .order_by(CarerPlanRow.made_on.desc(), CarerPlanRow.created_at.desc())
            ).all()
            reviews = session.scalars(
                select(CarerReviewRow)
                .where(CarerReviewRow.carer_id == carer_id, ~CarerReviewRow.deleted)
                .order_by(CarerReviewRow.on, CarerReviewRow.created_at)
            ).all()
            return AsCarer(
                roles=roles,
                offers=[offer_from_row(row) for row in offers],
                plans=[plan_from_row(row) for row in plans],
                reviews=[review_from_row(row) for row in reviews],
            )

    # --- across the caseload ---------------------------------------------------------------------

    def carers_to_offer(self) -> list[CarerToOffer]:
        """Carers not yet offered a conversation of their own: linked carers with no offer and
        no carer's conversation, and carers named on page one who have no record yet."""
        with self._transaction() as session:
            named = session.execute(
                select(PersonWhoMattersRow)
                .join(PersonRow, PersonRow.id == PersonWhoMattersRow.person_id)
                .where(
                    PersonWhoMattersRow.is_carer,
                    ~PersonWhoMattersRow.deleted,
                    ~PersonRow.deleted,
                )
            ).scalars()
            named_carers = [(row.person_id, convert.person_who_matters(row)) for row in named]
            carer = aliased(PersonRow)
            cared_for = aliased(PersonRow)
            role_rows = session.execute(
                select(CaringRoleRow, carer)
                .join(carer, carer.id == CaringRoleRow.carer_id)
                .join(cared_for, cared_for.id == CaringRoleRow.cared_for_id)
                .where(~CaringRoleRow.deleted, ~carer.deleted, ~cared_for.deleted)
            ).all()
            offered = set(
                session.scalars(select(CarerOfferRow.carer_id).where(~CarerOfferRow.deleted))
            ) | set(
                session.scalars(
                    select(ContactRow.person_id).where(
                        ContactRow.kind == ConversationKind.CARER.value, ~ContactRow.deleted
                    )
                )
            )
            roles = [role_from_row(row) for row, _ in role_rows]
            names = {row.id: carer_name(row) for _, row in role_rows}
        return carers_to_offer(named_carers, roles, names, offered)

    def all_carer_plans(self) -> list[CarerPlan]:
        """Each live carer's newest plan: for the worker's due list."""
        with self._transaction() as session:
            rows = session.scalars(
                select(CarerPlanRow)
                .join(PersonRow, PersonRow.id == CarerPlanRow.carer_id)
                .where(~CarerPlanRow.deleted, ~PersonRow.deleted)
                .order_by(CarerPlanRow.made_on, CarerPlanRow.created_at)
            ).all()
            newest = {row.carer_id: plan_from_row(row) for row in rows}
        return list(newest.values())

    def all_carer_reviews(self) -> list[CarerReview]:
        """Every live carer's reviews, for the measure of carers who feel supported."""
        with self._transaction() as session:
            rows = session.scalars(
                select(CarerReviewRow)
                .join(PersonRow, PersonRow.id == CarerReviewRow.carer_id)
                .where(~CarerReviewRow.deleted, ~PersonRow.deleted)
                .order_by(CarerReviewRow.on, CarerReviewRow.created_at)
            ).all()
            return [review_from_row(row) for row in rows]
