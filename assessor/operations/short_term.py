"""Operations on short-term help: episodes, when help first arrived, the outcomes at two and
six weeks, and the weekly reviews."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from assessor.conflicts import revised, revision_of
from assessor.operations.field_problem import FieldProblem
from assessor.operations.op_changes import OpChanges, OpResult, RecordKind
from assessor.short_term import Episode, EpisodeReview, HelpOutcome
from assessor.validation import InvalidInput

if TYPE_CHECKING:
    from assessor.operations.store_port import Changes, ShortTermRecords

EPISODE_DETAILS = ("kind", "provider", "asked_at", "first_help_at")


def _help(person_id: str) -> OpChanges:
    return OpChanges.of([person_id], RecordKind.SHORT_TERM_HELP)


def _updated(store: ShortTermRecords, episode: Episode, changes: Changes) -> OpResult[Episode]:
    revision = store.update_episode(episode.id, changes, revision_of(episode))
    return OpResult(revised(replace(episode, **changes), revision), _help(episode.person_id))


def add_episode(store: ShortTermRecords, episode: Episode) -> OpResult[Episode]:
    """Short-term help asked for (InvalidInput says what is wrong)."""
    added = store.add_episode(episode)
    return OpResult(added, _help(added.person_id))


def change_episode(
    store: ShortTermRecords, editing: Episode, episode: Episode
) -> OpResult[Episode]:
    """`editing` as shown, corrected to `episode`'s kind, provider and times; its outcomes
    stay as they are."""
    return _updated(store, editing, {name: getattr(episode, name) for name in EPISODE_DETAILS})


def record_first_help(
    store: ShortTermRecords, episode: Episode, arrived: datetime
) -> OpResult[Episode]:
    """When help first arrived, from which the 48 hours and the outcomes are counted."""
    return _updated(store, episode, {"first_help_at": arrived})


def record_outcome(
    store: ShortTermRecords,
    episode: Episode,
    weeks: int,
    outcome: HelpOutcome | None,
    recorded_on: date,
    why_early: str,
    today: date,
) -> OpResult[Episode]:
    """What happened at `weeks` weeks. One recorded before it is due says why (what is typed
    there is kept only then); a problem names its field: outcome, recorded_on or why_early."""
    if outcome is None:
        raise FieldProblem("outcome", f"Choose what happened at {weeks} weeks.")
    if recorded_on > today:
        raise FieldProblem("recorded_on", "An outcome cannot be recorded in the future.")
    early = recorded_on < episode.due_on(weeks)
    because = why_early.strip() if early else ""
    changes = {
        f"outcome_{weeks}_weeks": outcome,
        f"outcome_{weeks}_weeks_on": recorded_on,
        f"outcome_{weeks}_weeks_early_because": because,
        f"outcome_{weeks}_weeks_in_error": "",  # a new outcome replaces one entered in error
    }
    try:
        return _updated(store, episode, changes)
    except InvalidInput as problem:
        field = "why_early" if early and not because else "recorded_on"
        raise FieldProblem(field, str(problem)) from problem


def review_episode(
    store: ShortTermRecords, episode: Episode, review: EpisodeReview, today: date
) -> OpResult[EpisodeReview]:
    """A weekly review of `episode`, appended. A problem names its field: `on` (in the future,
    or before the help was asked for) or `goal_ids` (goals that are not the person's)."""
    if review.on > today:
        raise FieldProblem("on", "A review cannot be dated in the future.")
    try:
        added = store.add_episode_review(review)
    except InvalidInput as problem:
        field = "on" if review.on < episode.asked_at.date() else "goal_ids"
        raise FieldProblem(field, str(problem)) from problem
    return OpResult(added, _help(episode.person_id))
