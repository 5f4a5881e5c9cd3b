"""Short-term help: episodes and their weekly reviews."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.short_term import EPISODE_FIELDS, Episode, EpisodeReview
from db.kinds import EPISODE, EPISODE_REVIEW
from db.models import EpisodeReviewRow, EpisodeRow, GoalRow, PersonRow
from db.rows import check_fields, live, shown


class ShortTermHelp:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, episode: Episode) -> Episode:
        episode.check()
        live(self.session, PersonRow, episode.person_id)
        row = EPISODE.to_row(episode)
        self.session.add(row)
        self.session.flush()
        return EPISODE.to_record(row)

    def update(self, episode_id: str, changes: Mapping[str, Any], based_on: int | None) -> int:
        """First help arriving, an outcome; checked as a whole."""
        check_fields(changes, EPISODE_FIELDS)
        row = live(self.session, EpisodeRow, episode_id, based_on)
        replace(EPISODE.to_record(row), **changes).check()
        EPISODE.apply(row, changes)
        self.session.flush()
        return row.revision

    def episodes(self, person_id: str | None) -> list[Episode]:
        """A person's episodes, or everyone's, newest first."""
        query = select(EpisodeRow).where(~EpisodeRow.deleted)
        if person_id is not None:
            query = query.where(EpisodeRow.person_id == person_id)
        rows = self.session.scalars(query.order_by(EpisodeRow.asked_at.desc())).all()
        return [EPISODE.to_record(row) for row in rows]

    def awaiting_outcome(self) -> list[Episode]:
        """Everyone's episodes with an outcome still to record (or recorded in error), newest
        first: for the due list, which never needs an episode whose two outcomes stand."""
        rows = self.session.scalars(
            select(EpisodeRow)
            .join(PersonRow, PersonRow.id == EpisodeRow.person_id)
            .where(
                ~EpisodeRow.deleted,
                shown(PersonRow),
                EpisodeRow.outcome_2_weeks.is_(None)
                | EpisodeRow.outcome_6_weeks.is_(None)
                | (EpisodeRow.outcome_2_weeks_in_error != "")
                | (EpisodeRow.outcome_6_weeks_in_error != ""),
            )
            .order_by(EpisodeRow.asked_at.desc())
        ).all()
        return [EPISODE.to_record(row) for row in rows]

    def add_review(self, review: EpisodeReview) -> EpisodeReview:
        episode = EPISODE.to_record(live(self.session, EpisodeRow, review.episode_id))
        goal_ids = self.session.scalars(
            select(GoalRow.id).where(GoalRow.person_id == episode.person_id)
        ).all()
        review.check(episode, set(goal_ids))
        row = EPISODE_REVIEW.to_row(review)
        self.session.add(row)
        self.session.flush()
        return EPISODE_REVIEW.to_record(row)

    def mark_review(self, review_id: str, reason: str, based_on: int | None) -> int:
        """The one change a weekly review allows: marking it entered in error, with the reason."""
        row = live(self.session, EpisodeReviewRow, review_id, based_on)
        EPISODE_REVIEW.apply(row, {"in_error_reason": reason})
        self.session.flush()
        return row.revision

    def reviews(self, episode_ids: Iterable[str]) -> dict[str, list[EpisodeReview]]:
        """Each episode's weekly reviews, oldest first, those entered in error included."""
        ids = list(episode_ids)
        found: dict[str, list[EpisodeReview]] = {episode_id: [] for episode_id in ids}
        rows = self.session.scalars(
            select(EpisodeReviewRow)
            .where(EpisodeReviewRow.episode_id.in_(ids), ~EpisodeReviewRow.deleted)
            .order_by(EpisodeReviewRow.on, EpisodeReviewRow.created_at)
        ).all()
        for row in rows:
            found[row.episode_id].append(EPISODE_REVIEW.to_record(row))
        return found
