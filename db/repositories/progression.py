"""Progression plans and the reviews that move their level."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.progression import PLAN_FIELDS, PlanReview, ProgressionPlan
from db.kinds import PLAN, PLAN_REVIEW
from db.models import PersonRow, PlanReviewRow, PlanRow
from db.rows import check_fields, live


class Progression:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, plan: ProgressionPlan) -> ProgressionPlan:
        plan.check()
        live(self.session, PersonRow, plan.person_id)
        row = PLAN.to_row(plan)
        self.session.add(row)
        self.session.flush()
        return PLAN.to_record(row)

    def update(self, plan_id: str, changes: Mapping[str, Any], based_on: int | None) -> int:
        """Dates, levels, steps or goals; checked as a whole."""
        check_fields(changes, PLAN_FIELDS)
        row = live(self.session, PlanRow, plan_id, based_on)
        replace(PLAN.to_record(row), **changes).check()
        PLAN.apply(row, changes)
        self.session.flush()
        return row.revision

    def of_person(self, person_id: str) -> list[ProgressionPlan]:
        """Newest first."""
        rows = self.session.scalars(
            select(PlanRow)
            .where(PlanRow.person_id == person_id, ~PlanRow.deleted)
            .order_by(PlanRow.starts_on.desc(), PlanRow.created_at.desc())
        ).all()
        return [PLAN.to_record(row) for row in rows]

    def add_review(self, review: PlanReview) -> PlanReview:
        """Where the person is on the ladder now."""
        plan = PLAN.to_record(live(self.session, PlanRow, review.plan_id))
        review.check(plan)
        row = PLAN_REVIEW.to_row(review)
        self.session.add(row)
        self.session.flush()
        return PLAN_REVIEW.to_record(row)

    def reviews(self, plan_ids: Iterable[str]) -> dict[str, list[PlanReview]]:
        """Each plan's reviews, oldest first: the actual path."""
        ids = list(plan_ids)
        found: dict[str, list[PlanReview]] = {plan_id: [] for plan_id in ids}
        rows = self.session.scalars(
            select(PlanReviewRow)
            .where(PlanReviewRow.plan_id.in_(ids), ~PlanReviewRow.deleted)
            .order_by(PlanReviewRow.on, PlanReviewRow.created_at)
        ).all()
        for row in rows:
            found[row.plan_id].append(PLAN_REVIEW.to_record(row))
        return found
