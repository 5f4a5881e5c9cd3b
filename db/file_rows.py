"""A whole person's file as rows, for `Store.add_files`, and the rows one record makes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from assessor.goals import GOAL_FIELDS, Goal, Review
from assessor.person_file import PersonFile
from assessor.prompts import TOPIC_CODES
from assessor.record import (
    CONTACT_FIELDS,
    PERSON_FIELDS,
    PERSON_WHO_MATTERS_FIELDS,
    PersonWhoMatters,
)
from db import convert
from db.carer_rows import carer_rows
from db.models import (
    ContactRow,
    ConversationEntryRow,
    GoalReviewRow,
    GoalRow,
    PersonRow,
    PersonWhoMattersRow,
    new_id,
)
from db.progression_store import plan_review_row, plan_row
from db.short_term_store import episode_review_row, episode_row


def rows_of(file: PersonFile) -> tuple[list[Any], list[Any], list[Any]]:
    """A file's rows in the order foreign keys need: the person; then who matters to them,
    their contacts, goals, plans and what is theirs as a carer; then page-two answers, reviews
    and caring roles (whose cared-for person may be in another file of the same batch). Ids are
    made here, so one flush a wave suffices."""
    person = file.person
    person_row = PersonRow(id=person.id or new_id(), **convert.columns(person, PERSON_FIELDS))
    children: list[Any] = [
        person_who_matters_row(person_row.id, who) for who in person.people_who_matter
    ]
    answers: list[Any] = []
    # Written oldest first, so the order an import is recorded in agrees with its dates.
    for contact in sorted(file.contacts, key=lambda contact: contact.on):
        contact_row = ContactRow(
            id=contact.id or new_id(),
            person_id=person_row.id,
            **convert.columns(contact, CONTACT_FIELDS),
        )
        children.append(contact_row)
        conversation = file.conversations.get(contact.id)
        for topic, entry in conversation.entries.items() if conversation else ():
            check_topic(topic)
            answers.append(
                ConversationEntryRow(
                    contact_id=contact_row.id,
                    topic=topic,
                    text=entry.text,
                    own_words=entry.own_words,
                )
            )
    _check_keys(file.reviews, file.goals, "goals")
    _check_keys(file.episode_reviews, file.episodes, "short-term help")
    _check_keys(file.plan_reviews, file.plans, "progression plans")
    for goal in file.goals:
        goal.check()
        goal_record = goal_row(replace(goal, person_id=person_row.id, id=goal.id or new_id()))
        children.append(goal_record)
        for review in file.reviews.get(goal.id, []) if goal.id else []:
            review.check(goal)
            answers.append(review_row(replace(review, goal_id=goal_record.id)))
    for episode in file.episodes:
        episode.check()
        row = episode_row(replace(episode, person_id=person_row.id, id=episode.id or new_id()))
        children.append(row)
        own_goals = {goal.id for goal in file.goals}
        for help_review in file.episode_reviews.get(episode.id, []) if episode.id else []:
            help_review.check(episode, own_goals)
            answers.append(episode_review_row(replace(help_review, episode_id=row.id)))
    for plan in file.plans:
        plan.check()
        plan_record = plan_row(replace(plan, person_id=person_row.id, id=plan.id or new_id()))
        children.append(plan_record)
        for plan_review in file.plan_reviews.get(plan.id, []) if plan.id else []:
            plan_review.check(plan)
            answers.append(plan_review_row(replace(plan_review, plan_id=plan_record.id)))
    own, roles = carer_rows(person_row.id, file.as_carer)
    return [person_row], children + own, answers + roles


def goal_row(goal: Goal) -> GoalRow:
    return GoalRow(
        id=goal.id or None, person_id=goal.person_id, **convert.columns(goal, GOAL_FIELDS)
    )


def review_row(review: Review) -> GoalReviewRow:
    return GoalReviewRow(
        id=review.id or None,
        goal_id=review.goal_id,
        rating=review.rating,
        on=review.on,
        reviewer=review.reviewer.value,
        self_rating=review.self_rating,
        note=review.note,
    )


def _check_keys(reviews: Mapping[str, Any], records: Iterable[Any], what: str) -> None:
    """Reviews in a file must belong to records in it, found by id."""
    strays = set(reviews) - {record.id for record in records if record.id}
    if strays:
        raise ValueError(f"Reviews for {what} that are not in the file: {sorted(strays)}")


def check_topic(topic: str) -> None:
    if topic not in TOPIC_CODES:
        raise ValueError(f"Unknown conversation topic: {topic}")


def person_who_matters_row(person_id: str, who: PersonWhoMatters) -> PersonWhoMattersRow:
    return PersonWhoMattersRow(
        id=who.id or None, person_id=person_id, **convert.columns(who, PERSON_WHO_MATTERS_FIELDS)
    )
