"""Operations on progression plans: the plan, its steps ticked off, and where the person is on
the ladder at each review."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from assessor.conflicts import revised, revision_of
from assessor.operations.op_changes import OpChanges, OpResult, RecordKind
from assessor.progression import PLAN_FIELDS, PlanReview, ProgressionPlan

if TYPE_CHECKING:
    from assessor.operations.store_port import Changes, ProgressionRecords


def _plan(person_id: str) -> OpChanges:
    return OpChanges.of([person_id], RecordKind.PROGRESSION)


def _updated(
    store: ProgressionRecords, plan: ProgressionPlan, changes: Changes
) -> OpResult[ProgressionPlan]:
    revision = store.update_plan(plan.id, changes, revision_of(plan))
    return OpResult(revised(replace(plan, **changes), revision), _plan(plan.person_id))


def add_plan(store: ProgressionRecords, plan: ProgressionPlan) -> OpResult[ProgressionPlan]:
    """A new plan, after its checks (InvalidInput says what is wrong)."""
    added = store.add_plan(plan)
    return OpResult(added, _plan(added.person_id))


def change_plan(
    store: ProgressionRecords, editing: ProgressionPlan, plan: ProgressionPlan
) -> OpResult[ProgressionPlan]:
    """`editing` as shown, changed to `plan`'s fields and steps; a step kept in the same words
    keeps the day it was done."""
    done = {step.words: step.done_on for step in editing.steps}
    steps = [replace(step, done_on=done.get(step.words)) for step in plan.steps]
    changes = {name: getattr(plan, name) for name in PLAN_FIELDS} | {"steps": steps}
    return _updated(store, editing, changes)


def mark_step(
    store: ProgressionRecords, plan: ProgressionPlan, index: int, done_on: date | None
) -> OpResult[ProgressionPlan]:
    """Step `index` done on `done_on`, or not done after all when it is None."""
    steps = [replace(step) for step in plan.steps]
    steps[index].done_on = done_on
    return _updated(store, plan, {"steps": steps})


def review_plan(
    store: ProgressionRecords, person_id: str, review: PlanReview
) -> OpResult[PlanReview]:
    """Where the person is on the ladder now, appended to the plan's actual path."""
    return OpResult(store.add_plan_review(review), _plan(person_id))
