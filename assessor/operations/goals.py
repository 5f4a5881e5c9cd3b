"""Operations on goals and their reviews on the Goal Attainment Scale."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from assessor.conflicts import revised, revision_of
from assessor.goals import GOAL_FIELDS, Goal, Review
from assessor.operations.op_changes import OpChanges, OpResult, RecordKind

if TYPE_CHECKING:
    from assessor.operations.store_port import GoalRecords


def _goal(person_id: str) -> OpChanges:
    return OpChanges.of([person_id], RecordKind.GOAL)


def add_goal(store: GoalRecords, goal: Goal) -> OpResult[Goal]:
    """A new goal, after its checks (InvalidInput says what is wrong)."""
    added = store.add_goal(goal)
    return OpResult(added, _goal(added.person_id))


def change_goal(store: GoalRecords, editing: Goal, goal: Goal) -> OpResult[Goal]:
    """`editing` as shown, corrected to `goal`'s words, kind, target and levels; when it was
    set stays as it was. Refused if it changed elsewhere meanwhile."""
    changes = {name: getattr(goal, name) for name in GOAL_FIELDS - {"set_on"}}
    revision = store.update_goal(editing.id, changes, revision_of(editing))
    return OpResult(revised(replace(editing, **changes), revision), _goal(editing.person_id))


def review_goal(store: GoalRecords, person_id: str, review: Review) -> OpResult[Review]:
    """A rating of one of the person's goals, appended to its reviews and never changed
    afterwards. The store checks it against the goal as stored: not before the goal was set,
    not in the future, on the scale."""
    return OpResult(store.add_review(review), _goal(person_id))
