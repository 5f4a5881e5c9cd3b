"""The store's part for short-term help: episodes and their weekly reviews."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import select

from assessor.goals import Reviewer
from assessor.short_term import EPISODE_FIELDS, Episode, EpisodeReview, HelpKind, HelpOutcome
from db.convert import stamp
from db.models import EpisodeReviewRow, EpisodeRow, GoalRow, PersonRow
from db.rows import check_fields, live

_OUTCOMES = ("outcome_2_weeks", "outcome_6_weeks")


def episode_from_row(row: EpisodeRow) -> Episode:
    values = {name: getattr(row, name) for name in EPISODE_FIELDS}
    values["kind"] = HelpKind(row.kind)
    for name in _OUTCOMES:
        values[name] = HelpOutcome(values[name]) if values[name] else None
    return Episode(person_id=row.person_id, **values, id=row.id, stamp=stamp(row))


def episode_review_from_row(row: EpisodeReviewRow) -> EpisodeReview:
    return EpisodeReview(
        episode_id=row.episode_id,
        on=row.on,
        reviewer=Reviewer(row.reviewer),
        note=row.note,
        goal_ids=list(row.goal_ids),
        id=row.id,
        stamp=stamp(row),
    )


def episode_row(episode: Episode) -> EpisodeRow:
    return EpisodeRow(
        id=episode.id or None, person_id=episode.person_id, **_episode_columns(episode)
    )


def episode_review_row(review: EpisodeReview) -> EpisodeReviewRow:
    return EpisodeReviewRow(
        id=review.id or None,
        episode_id=review.episode_id,
        on=review.on,
        reviewer=review.reviewer.value,
        note=review.note,
        goal_ids=list(review.goal_ids),
    )


def _episode_columns(episode: Episode) -> dict[str, Any]:
    values = {name: getattr(episode, name) for name in EPISODE_FIELDS}
    for name, value in values.items():
        if isinstance(value, HelpKind | HelpOutcome):
            values[name] = value.value
    return values


class ShortTermStore:
    """Mixed into `Store`: every method is one transaction."""

    _transaction: Any

    def add_episode(self, episode: Episode) -> Episode:
        episode.check()
        with self._transaction() as session:
            live(session, PersonRow, episode.person_id)
            row = episode_row(episode)
            session.add(row)
            session.flush()
            return episode_from_row(row)

    def update_episode(
        self, episode_id: str, changes: Mapping[str, Any], based_on: int | None = None
    ) -> int:
        """Change an episode (first help arriving, an outcome); checked as a whole."""
        check_fields(changes, EPISODE_FIELDS)
        with self._transaction() as session:
            row = live(session, EpisodeRow, episode_id, based_on)
            changed = replace(episode_from_row(row), **changes)
            changed.check()
            for name, value in _episode_columns(changed).items():
                if name in changes:
                    setattr(row, name, value)
        return row.revision

    def episodes(self, person_id: str | None = None) -> list[Episode]:
        """A person's episodes, or everyone's, newest first."""
        with self._transaction() as session:
            query = select(EpisodeRow).where(~EpisodeRow.deleted)
            if person_id is not None:
                query = query.where(EpisodeRow.person_id == person_id)
            rows = session.scalars(query.order_by(EpisodeRow.asked_at.desc())).all()
            return [episode_from_row(row) for row in rows]

    def add_episode_review(self, review: EpisodeReview) -> EpisodeReview:
        with self._transaction() as session:
            episode = episode_from_row(live(session, EpisodeRow, review.episode_id))
            goal_ids = session.scalars(
                select(GoalRow.id).where(GoalRow.person_id == episode.person_id)
            ).all()
            review.check(episode, set(goal_ids))
            row = episode_review_row(review)
            session.add(row)
            session.flush()
            return episode_review_from_row(row)

    def episode_reviews(self, episode_ids: Iterable[str]) -> dict[str, list[EpisodeReview]]:
        """Each episode's weekly reviews, oldest first."""
        ids = list(episode_ids)
        found: dict[str, list[EpisodeReview]] = {episode_id: [] for episode_id in ids}
        with self._transaction() as session:
            rows = session.scalars(
                select(EpisodeReviewRow)
                .where(EpisodeReviewRow.episode_id.in_(ids), ~EpisodeReviewRow.deleted)
                .order_by(EpisodeReviewRow.on, EpisodeReviewRow.created_at)
            ).all()
            for row in rows:
                found[row.episode_id].append(episode_review_from_row(row))
        return found
