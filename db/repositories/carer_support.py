"""What only carers have: offers of a conversation, their plans, and at each review whether
they feel supported."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.carers import CARER_PLAN_FIELDS, CarerOffer, CarerPlan, CarerReview
from assessor.person_file import AsCarer
from assessor.validation import InvalidInput
from db.kinds import CARER_OFFER, CARER_PLAN, CARER_REVIEW
from db.models import CarerOfferRow, CarerPlanRow, CarerReviewRow, PersonRow
from db.repositories.caring_roles import CaringRoles
from db.rows import check_fields, live, shown


class CarerSupport:
    def __init__(self, session: Session, today: date, roles: CaringRoles) -> None:
        self.session = session
        self.today = today
        self.roles = roles

    def add_offer(self, offer: CarerOffer) -> CarerOffer:
        offer.check(self.today)
        live(self.session, PersonRow, offer.carer_id)
        row = CARER_OFFER.to_row(offer)
        self.session.add(row)
        self.session.flush()
        return CARER_OFFER.to_record(row)

    def add_plan(self, plan: CarerPlan) -> CarerPlan:
        plan.check()
        live(self.session, PersonRow, plan.carer_id)
        row = CARER_PLAN.to_row(plan)
        self.session.add(row)
        self.session.flush()
        return CARER_PLAN.to_record(row)

    def update_plan(self, plan_id: str, changes: Mapping[str, Any], based_on: int | None) -> int:
        """What will help, the breaks, the contingency plan or the review date."""
        check_fields(changes, CARER_PLAN_FIELDS)
        row = live(self.session, CarerPlanRow, plan_id, based_on)
        replace(CARER_PLAN.to_record(row), **changes).check()
        CARER_PLAN.apply(row, changes)
        self.session.flush()
        return row.revision

    def add_review(self, review: CarerReview, next_review_on: date | None) -> CarerReview:
        """Reviews are never changed. A next review date moves their newest plan's."""
        review.check(self.today)
        live(self.session, PersonRow, review.carer_id)
        if next_review_on is not None:
            plan = self.session.scalars(
                select(CarerPlanRow)
                .where(CarerPlanRow.carer_id == review.carer_id, ~CarerPlanRow.deleted)
                .order_by(CarerPlanRow.made_on.desc(), CarerPlanRow.created_at.desc())
            ).first()
            if plan is None:
                raise InvalidInput("A next review date needs a plan to belong to.")
            replace(CARER_PLAN.to_record(plan), review_on=next_review_on).check()
            plan.review_on = next_review_on
        row = CARER_REVIEW.to_row(review)
        self.session.add(row)
        self.session.flush()
        return CARER_REVIEW.to_record(row)

    def as_carer(self, carer_id: str) -> AsCarer:
        """Everything this person's record holds about them as a carer."""
        offers = self.session.scalars(
            select(CarerOfferRow)
            .where(CarerOfferRow.carer_id == carer_id, ~CarerOfferRow.deleted)
            .order_by(CarerOfferRow.on, CarerOfferRow.created_at)
        ).all()
        plans = self.session.scalars(
            select(CarerPlanRow)
            .where(CarerPlanRow.carer_id == carer_id, ~CarerPlanRow.deleted)
            .order_by(CarerPlanRow.made_on.desc(), CarerPlanRow.created_at.desc())
        ).all()
        reviews = self.session.scalars(
            select(CarerReviewRow)
            .where(CarerReviewRow.carer_id == carer_id, ~CarerReviewRow.deleted)
            .order_by(CarerReviewRow.on, CarerReviewRow.created_at)
        ).all()
        return AsCarer(
            roles=self.roles.as_carer(carer_id),
            offers=[CARER_OFFER.to_record(row) for row in offers],
            plans=[CARER_PLAN.to_record(row) for row in plans],
            reviews=[CARER_REVIEW.to_record(row) for row in reviews],
        )

    def newest_plans(self) -> list[CarerPlan]:
        """Each live carer's newest plan: for the worker's due list."""
        rows = self.session.scalars(
            select(CarerPlanRow)
            .join(PersonRow, PersonRow.id == CarerPlanRow.carer_id)
            .where(~CarerPlanRow.deleted, shown(PersonRow))
            .order_by(CarerPlanRow.made_on, CarerPlanRow.created_at)
        ).all()
        newest = {row.carer_id: CARER_PLAN.to_record(row) for row in rows}
        return list(newest.values())

    def all_reviews(self) -> list[CarerReview]:
        """Every live carer's reviews, for the measure of carers who feel supported."""
        rows = self.session.scalars(
            select(CarerReviewRow)
            .join(PersonRow, PersonRow.id == CarerReviewRow.carer_id)
            .where(~CarerReviewRow.deleted, shown(PersonRow))
            .order_by(CarerReviewRow.on, CarerReviewRow.created_at)
        ).all()
        return [CARER_REVIEW.to_record(row) for row in rows]
