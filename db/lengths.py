"""Refuses text longer than its field allows (`assessor.limits`), in the flush that would write it.

Checking in the session rather than in each store method means no way of writing a row, today's
or one added later, can store a 5 MB paste. A new row has every text checked; a changed row only
the texts that changed, so a value stored before the limits existed never blocks other edits.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from assessor.limits import LIMITS, RecordKind, check_length
from db.models import (
    AgreedStepRow,
    CarerOfferRow,
    CarerPlanRow,
    CarerReviewRow,
    CaringRoleRow,
    ContactRow,
    ConversationEntryRow,
    EpisodeReviewRow,
    EpisodeRow,
    GoalReviewRow,
    GoalRow,
    PersonRow,
    PersonWhoMattersRow,
    PlanReviewRow,
    PlanRow,
    SyncConflictRow,
)

KINDS: dict[type[Any], RecordKind] = {
    PersonRow: RecordKind.PERSON,
    PersonWhoMattersRow: RecordKind.PERSON_WHO_MATTERS,
    ContactRow: RecordKind.CONTACT,
    ConversationEntryRow: RecordKind.CONVERSATION_ENTRY,
    GoalRow: RecordKind.GOAL,
    GoalReviewRow: RecordKind.GOAL_REVIEW,
    EpisodeRow: RecordKind.EPISODE,
    EpisodeReviewRow: RecordKind.EPISODE_REVIEW,
    PlanRow: RecordKind.PROGRESSION_PLAN,
    PlanReviewRow: RecordKind.PLAN_REVIEW,
    CaringRoleRow: RecordKind.CARING_ROLE,
    CarerOfferRow: RecordKind.CARER_OFFER,
    CarerPlanRow: RecordKind.CARER_PLAN,
    CarerReviewRow: RecordKind.CARER_REVIEW,
    AgreedStepRow: RecordKind.AGREED_STEP,
    SyncConflictRow: RecordKind.SYNC_CONFLICT,
}


def _texts(row: Any, field: str) -> Iterator[str]:
    """The texts a column holds: itself, or the words of each step of a plan."""
    value = getattr(row, field)
    if isinstance(value, str):
        yield value
    elif field == "steps":
        yield from (step["words"] for step in value or ())


def _check_lengths(session: Session, _context: Any, _instances: Any) -> None:
    for row in [*session.new, *session.dirty]:
        kind = KINDS.get(type(row))
        if kind is None:
            continue
        state = inspect(row)
        for field in LIMITS[kind]:
            if state.persistent and not state.attrs[field].history.has_changes():
                continue
            for text in _texts(row, field):
                check_length(kind, field, text)


def length_checked(factory: sessionmaker[Session]) -> sessionmaker[Session]:
    event.listen(factory, "before_flush", _check_lengths)
    return factory
