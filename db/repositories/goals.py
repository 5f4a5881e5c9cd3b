"""Goals in the person's own words and their reviews on the Goal Attainment Scale."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assessor.goals import GOAL_FIELDS, Goal, GoalToDate, Review
from db.kinds import GOAL, GOAL_REVIEW
from db.models import GoalReviewRow, GoalRow, PersonRow
from db.rows import check_fields, live, shown


class Goals:
    def __init__(self, session: Session, today: date) -> None:
        self.session = session
        self.today = today

    def add(self, goal: Goal) -> Goal:
        goal.check()
        live(self.session, PersonRow, goal.person_id)
        row = GOAL.to_row(goal)
        self.session.add(row)
        self.session.flush()
        return GOAL.to_record(row)

    def update(self, goal_id: str, changes: Mapping[str, Any], based_on: int | None) -> int:
        """Checked as a whole, as it would stand after the change."""
        check_fields(changes, GOAL_FIELDS)
        row = live(self.session, GoalRow, goal_id, based_on)
        replace(GOAL.to_record(row), **changes).check()
        GOAL.apply(row, changes)
        self.session.flush()
        return row.revision

    def of_person(self, person_id: str) -> list[Goal]:
        """In the order they were set."""
        rows = self.session.scalars(
            select(GoalRow)
            .where(GoalRow.person_id == person_id, ~GoalRow.deleted)
            .order_by(GoalRow.set_on, GoalRow.created_at)
        ).all()
        return [GOAL.to_record(row) for row in rows]

    def add_review(self, review: Review) -> Review:
        """Reviews are appended, never changed afterwards."""
        goal = GOAL.to_record(live(self.session, GoalRow, review.goal_id))
        review.check(goal, self.today)
        row = GOAL_REVIEW.to_row(review)
        self.session.add(row)
        self.session.flush()
        return GOAL_REVIEW.to_record(row)

    def mark_review(self, review_id: str, reason: str, based_on: int | None) -> int:
        """The one change a review allows: marking it entered in error, with the reason."""
        row = live(self.session, GoalReviewRow, review_id, based_on)
        GOAL_REVIEW.apply(row, {"in_error_reason": reason})
        self.session.flush()
        return row.revision

    def reviews(self, goal_ids: Iterable[str]) -> dict[str, list[Review]]:
        """Each goal's reviews, oldest first (every goal asked for has a list, maybe empty), those
        entered in error included: the goal's history shows them, marked."""
        ids = list(goal_ids)
        found: dict[str, list[Review]] = {goal_id: [] for goal_id in ids}
        rows = self.session.scalars(
            select(GoalReviewRow)
            .where(GoalReviewRow.goal_id.in_(ids), ~GoalReviewRow.deleted)
            .order_by(GoalReviewRow.on, GoalReviewRow.created_at)
        ).all()
        for row in rows:
            found[row.goal_id].append(GOAL_REVIEW.to_record(row))
        return found

    def all_with_reviews(self) -> list[tuple[Goal, list[Review]]]:
        """Every live goal of every live person with its reviews: for the due list."""
        rows = self.session.scalars(
            select(GoalRow)
            .join(PersonRow, PersonRow.id == GoalRow.person_id)
            .where(~GoalRow.deleted, shown(PersonRow))
        ).all()
        goals = [GOAL.to_record(row) for row in rows]
        reviews = self.reviews(goal.id for goal in goals)
        return [(goal, reviews[goal.id]) for goal in goals]

    def to_date(self) -> list[GoalToDate]:
        """Every live goal of everyone on the caseload with only its latest review's rating and
        date (reviews entered in error left out):
        all the due list weighs, read in one query without building every review."""
        newest_first = func.row_number().over(
            partition_by=GoalReviewRow.goal_id,
            order_by=(GoalReviewRow.on.desc(), GoalReviewRow.created_at.desc()),
        )
        reviews = (
            select(GoalReviewRow.goal_id, GoalReviewRow.rating, GoalReviewRow.on)
            .add_columns(newest_first.label("place"))
            .where(shown(GoalReviewRow))
            .subquery()
        )
        rows = self.session.execute(
            select(
                GoalRow.id,
                GoalRow.person_id,
                GoalRow.words,
                GoalRow.set_on,
                GoalRow.target_date,
                reviews.c.rating,
                reviews.c.on,
            )
            .join(PersonRow, PersonRow.id == GoalRow.person_id)
            .outerjoin(reviews, (reviews.c.goal_id == GoalRow.id) & (reviews.c.place == 1))
            .where(~GoalRow.deleted, shown(PersonRow))
            .order_by(GoalRow.set_on, GoalRow.created_at, GoalRow.id)
        )
        return [GoalToDate(*row) for row in rows]
