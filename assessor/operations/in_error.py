"""Marking what was entered by mistake: a person, a contact, a goal review, a weekly review or
an outcome of short-term help. Each is one store call, so it is logged and syncs like any other
change; nothing is deleted (see `assessor.in_error`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assessor.conflicts import revision_of
from assessor.in_error import checked_reason
from assessor.operations.op_changes import OpChanges, OpResult, RecordKind
from assessor.record import Contact, ConversationKind, Person

if TYPE_CHECKING:
    from assessor.goals import Review
    from assessor.operations.store_port import (
        ContactRecords,
        GoalRecords,
        PeopleRecords,
        ShortTermRecords,
    )
    from assessor.short_term import Episode, EpisodeReview


def mark_person(store: PeopleRecords, person: Person, reason: str) -> OpResult[int]:
    """The whole record: it leaves the caseload, the Due list and the Carers list at once."""
    revision = store.update_person(
        person.id, {"in_error_reason": checked_reason(reason)}, revision_of(person)
    )
    return OpResult(revision, OpChanges.of([person.id], *RecordKind))


def mark_contact(store: ContactRecords, contact: Contact, reason: str) -> OpResult[int]:
    """One contact and its conversation: it leaves the timeline and every printed plan."""
    revision = store.update_contact(
        contact.id, {"in_error_reason": checked_reason(reason)}, revision_of(contact)
    )
    # A follow-up agreed in it is no longer due, and the one before it may be again.
    changes = OpChanges.of([contact.person_id], RecordKind.CONTACT, RecordKind.FOLLOW_UP)
    if contact.kind is ConversationKind.CARER:
        changes |= OpChanges.of([], RecordKind.CARER)  # they may be waiting for an offer again
    return OpResult(revision, changes)


def mark_goal_review(
    store: GoalRecords, person_id: str, review: Review, reason: str
) -> OpResult[int]:
    """One goal review: the goal's status, chart and T-score are worked out without it."""
    revision = store.mark_review_in_error(review.id, checked_reason(reason), revision_of(review))
    return OpResult(revision, OpChanges.of([person_id], RecordKind.GOAL))


def mark_episode_review(
    store: ShortTermRecords, person_id: str, review: EpisodeReview, reason: str
) -> OpResult[int]:
    """One weekly review of short-term help."""
    revision = store.mark_episode_review_in_error(
        review.id, checked_reason(reason), revision_of(review)
    )
    return OpResult(revision, OpChanges.of([person_id], RecordKind.SHORT_TERM_HELP))


def mark_outcome(
    store: ShortTermRecords, episode: Episode, weeks: int, reason: str
) -> OpResult[int]:
    """The outcome at `weeks` weeks: it counts as not recorded, so it is due again."""
    revision = store.update_episode(
        episode.id,
        {f"outcome_{weeks}_weeks_in_error": checked_reason(reason)},
        revision_of(episode),
    )
    return OpResult(revision, OpChanges.of([episode.person_id], RecordKind.SHORT_TERM_HELP))
