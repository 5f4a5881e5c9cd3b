"""The store's part for progression plans and the reviews that move their level."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from sqlalchemy import select

from assessor.progression import PLAN_FIELDS, PlanReview, PlanStep, ProgressionPlan
from db.convert import stamp
from db.models import PersonRow, PlanReviewRow, PlanRow
from db.rows import check_fields, live


def _step_from_json(data: dict[str, Any]) -> PlanStep:
    return PlanStep(
        words=data["words"],
        due_on=date.fromisoformat(data["due_on"]) if data.get("due_on") else None,
        done_on=date.fromisoformat(data["done_on"]) if data.get("done_on") else None,
    )


def _step_to_json(step: PlanStep) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in asdict(step).items()}


def plan_from_row(row: PlanRow) -> ProgressionPlan:
    return ProgressionPlan(
        person_id=row.person_id,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        start_level=row.start_level,
        target_level=row.target_level,
        steps=[_step_from_json(step) for step in row.steps],
        goal_ids=list(row.goal_ids),
        id=row.id,
        stamp=stamp(row),
    )


def plan_review_from_row(row: PlanReviewRow) -> PlanReview:
    return PlanReview(
        plan_id=row.plan_id, on=row.on, level=row.level, note=row.note, id=row.id, stamp=stamp(row)
    )


def plan_row(plan: ProgressionPlan) -> PlanRow:
    return PlanRow(id=plan.id or None, person_id=plan.person_id, **_plan_columns(plan))


def plan_review_row(review: PlanReview) -> PlanReviewRow:
    return PlanReviewRow(
        id=review.id or None,
        plan_id=review.plan_id,
        on=review.on,
        level=review.level,
        note=review.note,
    )


def _plan_columns(plan: ProgressionPlan) -> dict[str, Any]:
    values = {name: getattr(plan, name) for name in PLAN_FIELDS}
    values["steps"] = [_step_to_json(step) for step in plan.steps]
    values["goal_ids"] = list(plan.goal_ids)
    return values


class ProgressionStore:
    """Mixed into `Store`: every method is one transaction."""

    _transaction: Any

    def add_plan(self, plan: ProgressionPlan) -> ProgressionPlan:
        plan.check()
        with self._transaction() as session:
            live(session, PersonRow, plan.person_id)
            row = plan_row(plan)
            session.add(row)
            session.flush()
            return plan_from_row(row)

    def update_plan(
        self, plan_id: str, changes: Mapping[str, Any], based_on: int | None = None
    ) -> int:
        """Change a plan's dates, levels, steps or goals; checked as a whole."""
        check_fields(changes, PLAN_FIELDS)
        with self._transaction() as session:
            row = live(session, PlanRow, plan_id, based_on)
            changed = replace(plan_from_row(row), **changes)
            changed.check()
            for name, value in _plan_columns(changed).items():
                if name in changes:
                    setattr(row, name, value)
        return row.revision

    def plans(self, person_id: str) -> list[ProgressionPlan]:
        """A person's progression plans, newest first."""
        with self._transaction() as session:
            rows = session.scalars(
                select(PlanRow)
                .where(PlanRow.person_id == person_id, ~PlanRow.deleted)
                .order_by(PlanRow.starts_on.desc(), PlanRow.created_at.desc())
            ).all()
            return [plan_from_row(row) for row in rows]

    def add_plan_review(self, review: PlanReview) -> PlanReview:
        """Append where the person is on the ladder now."""
        with self._transaction() as session:
            plan = plan_from_row(live(session, PlanRow, review.plan_id))
            review.check(plan)
            row = plan_review_row(review)
            session.add(row)
            session.flush()
            return plan_review_from_row(row)

    def plan_reviews(self, plan_ids: Iterable[str]) -> dict[str, list[PlanReview]]:
        """Each plan's reviews, oldest first: the actual path."""
        ids = list(plan_ids)
        found: dict[str, list[PlanReview]] = {plan_id: [] for plan_id in ids}
        with self._transaction() as session:
            rows = session.scalars(
                select(PlanReviewRow)
                .where(PlanReviewRow.plan_id.in_(ids), ~PlanReviewRow.deleted)
                .order_by(PlanReviewRow.on, PlanReviewRow.created_at)
            ).all()
            for row in rows:
                found[row.plan_id].append(plan_review_from_row(row))
        return found
