"""A whole person's file as rows, for `Store.add_files`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from assessor.person_file import AsCarer, PersonFile
from db.kinds import (
    AGREED_STEP,
    CARER_OFFER,
    CARER_PLAN,
    CARER_REVIEW,
    CONTACT,
    ENTRY,
    EPISODE,
    EPISODE_REVIEW,
    GOAL,
    GOAL_REVIEW,
    PERSON,
    PERSON_WHO_MATTERS,
    PLAN,
    PLAN_REVIEW,
)
from db.models import new_id
from db.repositories.caring_roles import role_row
from db.repositories.contacts import check_topic, entry_id


def rows_of(file: PersonFile) -> tuple[list[Any], list[Any], list[Any]]:
    """A file's rows in the order foreign keys need: the person; then who matters to them,
    their contacts, goals, plans and what is theirs as a carer; then page-two answers, agreed
    steps, reviews and caring roles (whose cared-for person may be in another file of the same
    batch). Ids are made here, so one flush a wave suffices."""
    person = file.person
    person_row = PERSON.to_row(person, id=person.id or new_id())
    children: list[Any] = [
        PERSON_WHO_MATTERS.to_row(who, person_id=person_row.id) for who in person.people_who_matter
    ]
    answers: list[Any] = []
    # Written oldest first, so the order an import is recorded in agrees with its dates.
    for contact in sorted(file.contacts, key=lambda contact: contact.on):
        contact_row = CONTACT.to_row(contact, id=contact.id or new_id(), person_id=person_row.id)
        children.append(contact_row)
        conversation = file.conversations.get(contact.id)
        for topic, entry in conversation.entries.items() if conversation else ():
            check_topic(topic)
            answers.append(
                ENTRY.to_row(
                    entry,
                    id=entry_id(contact_row.id, topic),
                    contact_id=contact_row.id,
                    topic=topic,
                )
            )
        for step in conversation.steps if conversation else ():
            answers.append(AGREED_STEP.to_row(step, contact_id=contact_row.id))
    _check_keys(file.reviews, file.goals, "goals")
    _check_keys(file.episode_reviews, file.episodes, "short-term help")
    _check_keys(file.plan_reviews, file.plans, "progression plans")
    for goal in file.goals:
        goal.check()
        goal_record = GOAL.to_row(goal, id=goal.id or new_id(), person_id=person_row.id)
        children.append(goal_record)
        for review in file.reviews.get(goal.id, []) if goal.id else []:
            review.check(goal)
            answers.append(GOAL_REVIEW.to_row(review, goal_id=goal_record.id))
    for episode in file.episodes:
        episode.check()
        row = EPISODE.to_row(episode, id=episode.id or new_id(), person_id=person_row.id)
        children.append(row)
        own_goals = {goal.id for goal in file.goals}
        for help_review in file.episode_reviews.get(episode.id, []) if episode.id else []:
            help_review.check(episode, own_goals)
            answers.append(EPISODE_REVIEW.to_row(help_review, episode_id=row.id))
    for plan in file.plans:
        plan.check()
        plan_record = PLAN.to_row(plan, id=plan.id or new_id(), person_id=person_row.id)
        children.append(plan_record)
        for plan_review in file.plan_reviews.get(plan.id, []) if plan.id else []:
            plan_review.check(plan)
            answers.append(PLAN_REVIEW.to_row(plan_review, plan_id=plan_record.id))
    own, roles = _carer_rows(person_row.id, file.as_carer)
    return [person_row], children + own, answers + roles


def _carer_rows(carer_id: str, as_carer: AsCarer) -> tuple[list[Any], list[Any]]:
    """Offers, plans and reviews need only the carer; roles also need the page-one entry that
    named them, so they come a wave later. A role is written from its carer's file only."""
    own: list[Any] = [CARER_OFFER.to_row(offer, carer_id=carer_id) for offer in as_carer.offers]
    for plan in as_carer.plans:
        plan.check()
        own.append(CARER_PLAN.to_row(plan, carer_id=carer_id))
    for review in as_carer.reviews:
        review.check()
        own.append(CARER_REVIEW.to_row(review, carer_id=carer_id))
    roles = []
    for role in as_carer.roles:
        role = replace(role, carer_id=carer_id)
        role.check()
        roles.append(role_row(role))
    return own, roles


def _check_keys(reviews: Mapping[str, Any], records: Iterable[Any], what: str) -> None:
    """Reviews in a file must belong to records in it, found by id."""
    strays = set(reviews) - {record.id for record in records if record.id}
    if strays:
        raise ValueError(f"Reviews for {what} that are not in the file: {sorted(strays)}")
