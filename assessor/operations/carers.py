"""Operations on carers: caring roles between two records, and what is the carer's own (the
offer of a conversation, their plan, their reviews). A role changes both people's records."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from assessor.carers import (
    CARING_ROLE_FIELDS,
    CarerOffer,
    CarerPlan,
    CarerReview,
    CaringRole,
)
from assessor.conflicts import revised, revision_of
from assessor.operations.op_changes import OpChanges, OpResult, RecordKind
from assessor.record import Person

if TYPE_CHECKING:
    from assessor.operations.store_port import CarerRecords, Changes


def _both(role: CaringRole) -> OpChanges:
    return OpChanges.of([role.carer_id, role.cared_for_id], RecordKind.CARER)


def _carer(carer_id: str) -> OpChanges:
    return OpChanges.of([carer_id], RecordKind.CARER)


def _made(made_id: str, role: CaringRole) -> OpResult[tuple[str, CaringRole]]:
    return OpResult((made_id, role), _both(role) | OpChanges.of([made_id], RecordKind.PERSON))


def link_carer(store: CarerRecords, role: CaringRole) -> OpResult[CaringRole]:
    """Two records linked: one cares for the other (a pair is linked once)."""
    added = store.add_caring_role(role)
    return OpResult(added, _both(added))


def add_carer_record(
    store: CarerRecords, named_as_id: str, role: CaringRole
) -> OpResult[tuple[str, CaringRole]]:
    """A record of their own for a carer page one names, linked to the person who named them;
    the value is the new record's id and the role."""
    return _made(*store.add_carer_record(named_as_id, role))


def add_linked_person(
    store: CarerRecords, person: Person, role: CaringRole
) -> OpResult[tuple[str, CaringRole]]:
    """A new record, linked by `role` (whose empty side is theirs) in the same transaction."""
    return _made(*store.add_linked_person(person, role))


def change_caring_role(store: CarerRecords, changed: CaringRole) -> OpResult[CaringRole]:
    """What a carer does, their hours, since when, whether they live together; refused if the
    role changed elsewhere since `changed` was read."""
    changes = {name: getattr(changed, name) for name in CARING_ROLE_FIELDS}
    revision = store.update_caring_role(changed.id, changes, revision_of(changed))
    return OpResult(revised(changed, revision), _both(changed))


def end_caring_role(store: CarerRecords, role: CaringRole) -> OpResult[None]:
    """They no longer care for the person."""
    store.end_caring_role(role.id)
    return OpResult(None, _both(role))


def record_carer_offer(store: CarerRecords, offer: CarerOffer) -> OpResult[CarerOffer]:
    """A conversation of their own offered to a carer, and their answer."""
    return OpResult(store.add_carer_offer(offer), _carer(offer.carer_id))


def make_carer_plan(store: CarerRecords, plan: CarerPlan) -> OpResult[CarerPlan]:
    return OpResult(store.add_carer_plan(plan), _carer(plan.carer_id))


def update_carer_plan(
    store: CarerRecords, carer_id: str, plan_id: str, changes: Changes, based_on: int | None
) -> OpResult[int]:
    """A carer's plan, as autosave collects it; returns the new revision."""
    return OpResult(store.update_carer_plan(plan_id, changes, based_on), _carer(carer_id))


def review_carer(
    store: CarerRecords, review: CarerReview, next_review_on: date | None
) -> OpResult[CarerReview]:
    """ "Do you feel supported?" and their words, appended; a next review date moves their
    plan's in the same transaction."""
    return OpResult(store.add_carer_review(review, next_review_on), _carer(review.carer_id))
