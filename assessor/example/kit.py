"""What every example person is built from: fixed ids, test-range NHS numbers, the shapes that
hold a person with their conversations, goals, spells and plans, and dates relative to today.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from assessor.goals import Goal, GoalKind, Review, Reviewer
from assessor.person_file import AsCarer, PersonFile
from assessor.progression import PlanReview, ProgressionPlan
from assessor.record import Contact, Conversation, Entry, Person
from assessor.short_term import Episode, EpisodeReview
from assessor.validation import nhs_check_digit

_NAMESPACE = uuid.UUID("6f1c1d2e-2b7a-4f57-9a43-5a0e3c1b7d10")


def example_id(key: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, key))


def nhs_number_in_test_range(serial: int) -> str:
    """A valid NHS number in the test range 999 000 0000 to 999 999 9999."""
    while True:
        first_nine = f"999{serial:06d}"
        check = nhs_check_digit(first_nine)
        if check is not None:
            return first_nine + str(check)
        serial += 1


@dataclass
class ExampleContact:
    contact: Contact
    entries: dict[str, Entry] = field(default_factory=dict)


@dataclass
class ExampleGoal:
    goal: Goal
    reviews: list[Review] = field(default_factory=list)  # oldest first


@dataclass
class ExampleEpisode:
    episode: Episode
    reviews: list[EpisodeReview] = field(default_factory=list)  # oldest first


@dataclass
class ExamplePlan:
    plan: ProgressionPlan
    reviews: list[PlanReview] = field(default_factory=list)  # oldest first


@dataclass
class ExamplePerson:
    person: Person
    contacts: list[ExampleContact]
    goals: list[ExampleGoal] = field(default_factory=list)
    episodes: list[ExampleEpisode] = field(default_factory=list)  # newest first
    plans: list[ExamplePlan] = field(default_factory=list)  # newest first
    as_carer: AsCarer = field(default_factory=AsCarer)

    def as_file(self) -> PersonFile:
        return PersonFile(
            person=self.person,
            contacts=[item.contact for item in self.contacts],
            conversations={
                item.contact.id: Conversation(item.contact.id, item.entries)
                for item in self.contacts
            },
            goals=[item.goal for item in self.goals],
            reviews={item.goal.id: list(item.reviews) for item in self.goals},
            episodes=[item.episode for item in self.episodes],
            episode_reviews={item.episode.id: list(item.reviews) for item in self.episodes},
            plans=[item.plan for item in self.plans],
            plan_reviews={item.plan.id: list(item.reviews) for item in self.plans},
            as_carer=self.as_carer,
        )


def said(text: str) -> Entry:
    return Entry(text, own_words=True)


def noted(text: str) -> Entry:
    return Entry(text, own_words=False)


BERNIE_PHONE = "07700 900505"  # Peggy and Eileen both name Bernie, so all three records share it


@dataclass(frozen=True)
class Dated:
    """Builds the parts of an example dated relative to today, so the timeline looks live."""

    today: date

    def ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def contact(self, key: str, person: str, days: int, **kw: object) -> Contact:
        return Contact(person_id=example_id(person), on=self.ago(days), id=example_id(key), **kw)  # type: ignore[arg-type]

    def goal(
        self,
        key: str,
        person: str,
        words: str,
        *,
        set_days_ago: int,
        kind: GoalKind,
        set_by: str,
        expected: str,
        target_in_days: int | None = None,
        baseline: int = -2,
        reviews: Sequence[tuple[int, int, Reviewer, int | None, str]] = (),
    ) -> ExampleGoal:
        """A goal and its reviews, given oldest first as (days ago, rating, reviewer, the
        person's own score, note)."""
        goal_id = example_id(key)
        return ExampleGoal(
            Goal(
                person_id=example_id(person),
                words=words,
                set_on=self.ago(set_days_ago),
                set_by=set_by,
                kind=kind,
                target_date=None if target_in_days is None else self.ago(-target_in_days),
                expected=expected,
                baseline=baseline,
                id=goal_id,
            ),
            [
                Review(
                    goal_id=goal_id,
                    rating=rating,
                    on=self.ago(days),
                    reviewer=reviewer,
                    self_rating=own_score,
                    note=note,
                    id=example_id(f"{key}-review-{number}"),
                )
                for number, (days, rating, reviewer, own_score, note) in enumerate(reviews, 1)
            ],
        )

    def at(self, days: int, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(self.ago(days), time(hour, minute))

    def episode_reviews(
        self, key: str, reviewer: Reviewer, goal_ids: list[str], reviews: Sequence[tuple[int, str]]
    ) -> list[EpisodeReview]:
        """Weekly reviews of an episode, given oldest first as (days ago, note)."""
        return [
            EpisodeReview(
                episode_id=example_id(key),
                on=self.ago(days),
                reviewer=reviewer,
                note=note,
                goal_ids=list(goal_ids),
                id=example_id(f"{key}-review-{number}"),
            )
            for number, (days, note) in enumerate(reviews, 1)
        ]

    def plan_reviews(self, key: str, reviews: Sequence[tuple[int, int, str]]) -> list[PlanReview]:
        """A plan's reviews, given oldest first as (days ago, level on the ladder, note)."""
        return [
            PlanReview(
                plan_id=example_id(key),
                on=self.ago(days),
                level=level,
                note=note,
                id=example_id(f"{key}-review-{number}"),
            )
            for number, (days, level, note) in enumerate(reviews, 1)
        ]
