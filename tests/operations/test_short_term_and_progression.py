"""Short-term help and progression plans: the rules that moved out of the tabs, the effect in
the store, and the report."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from assessor.operations.field_problem import FieldProblem
from assessor.operations.op_changes import OpChanges, RecordKind
from assessor.operations.progression import add_plan, change_plan, mark_step, review_plan
from assessor.operations.short_term import (
    add_episode,
    change_episode,
    record_first_help,
    record_outcome,
    review_episode,
)
from assessor.progression import PlanReview, PlanStep, ProgressionPlan
from assessor.short_term import Episode, EpisodeReview, HelpKind, HelpOutcome
from db.store import Store

TODAY = date.today()


def _episode(store: Store, person_id: str, days_ago: int) -> Episode:
    asked = datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time())
    return add_episode(store, Episode(person_id, HelpKind.REABLEMENT, asked)).value


def test_an_episode_is_added_changed_and_its_first_help_recorded(
    store: Store, person_id: str
) -> None:
    episode = _episode(store, person_id, 3)
    changed = change_episode(
        store,
        episode,
        Episode(person_id, HelpKind.RECOVERY, episode.asked_at, provider="Home First"),
    )
    assert changed.changes == OpChanges.of([person_id], RecordKind.SHORT_TERM_HELP)
    arrived = episode.asked_at + timedelta(hours=20)
    first = record_first_help(store, changed.value, arrived)
    (stored,) = store.episodes(person_id)
    assert (stored.kind, stored.provider, stored.first_help_at) == (
        HelpKind.RECOVERY,
        "Home First",
        arrived,
    )
    assert first.value.stamp.revision == stored.stamp.revision


def test_an_outcome_on_time_is_stored_and_any_reason_for_earliness_dropped(
    store: Store, person_id: str
) -> None:
    episode = _episode(store, person_id, 15)
    result = record_outcome(
        store, episode, 2, HelpOutcome.NO_FURTHER_HELP, TODAY, "typed before", TODAY
    )
    assert store.episodes(person_id)[0].outcome(2) == (HelpOutcome.NO_FURTHER_HELP, TODAY, "")
    assert result.value.outcome(2)[2] == ""
    assert result.changes == OpChanges.of([person_id], RecordKind.SHORT_TERM_HELP)


def test_an_early_outcome_needs_a_reason_beside_its_field(store: Store, person_id: str) -> None:
    episode = _episode(store, person_id, 3)
    with pytest.raises(FieldProblem) as problem:
        record_outcome(store, episode, 2, HelpOutcome.REDUCED_SUPPORT, TODAY, "  ", TODAY)
    assert problem.value.field == "why_early"
    assert store.episodes(person_id)[0].outcome(2) == (None, None, "")
    kept = record_outcome(store, episode, 2, HelpOutcome.REDUCED_SUPPORT, TODAY, "Moved", TODAY)
    assert kept.value.outcome(2) == (HelpOutcome.REDUCED_SUPPORT, TODAY, "Moved")


@pytest.mark.parametrize(
    ("outcome", "days_ahead", "field"),
    [(None, 0, "outcome"), (HelpOutcome.NO_FURTHER_HELP, 1, "recorded_on")],
)
def test_an_outcome_not_chosen_or_in_the_future_names_its_field(
    store: Store, person_id: str, outcome: HelpOutcome | None, days_ahead: int, field: str
) -> None:
    episode = _episode(store, person_id, 15)
    on = TODAY + timedelta(days=days_ahead)
    with pytest.raises(FieldProblem) as problem:
        record_outcome(store, episode, 2, outcome, on, "", TODAY)
    assert problem.value.field == field
    assert store.episodes(person_id)[0].outcome(2) == (None, None, "")


def test_a_weekly_review_reports_the_person(store: Store, person_id: str) -> None:
    episode = _episode(store, person_id, 8)
    review = EpisodeReview(episode.id, TODAY, note="Better")
    result = review_episode(store, episode, review, TODAY)
    assert [r.note for r in store.episode_reviews([episode.id])[episode.id]] == ["Better"]
    assert result.changes == OpChanges.of([person_id], RecordKind.SHORT_TERM_HELP)


@pytest.mark.parametrize(
    ("days_ago", "goal_ids", "field"),
    [(-1, [], "on"), (9, [], "on"), (0, ["not-theirs"], "goal_ids")],
)
def test_a_weekly_review_that_cannot_be_stored_names_its_field(
    store: Store, person_id: str, days_ago: int, goal_ids: list[str], field: str
) -> None:
    episode = _episode(store, person_id, 8)
    review = EpisodeReview(episode.id, TODAY - timedelta(days=days_ago), goal_ids=goal_ids)
    with pytest.raises(FieldProblem) as problem:
        review_episode(store, episode, review, TODAY)
    assert problem.value.field == field
    assert store.episode_reviews([episode.id])[episode.id] == []


def _plan(person_id: str, *steps: str) -> ProgressionPlan:
    return ProgressionPlan(
        person_id,
        TODAY,
        TODAY + timedelta(days=200),
        2,
        4,
        steps=[PlanStep(words) for words in steps],
    )


def test_a_plan_keeps_the_days_its_steps_were_done_when_changed(
    store: Store, person_id: str
) -> None:
    added = add_plan(store, _plan(person_id, "Bus to town", "Cook twice a week"))
    assert added.changes == OpChanges.of([person_id], RecordKind.PROGRESSION)
    ticked = mark_step(store, added.value, 0, TODAY)
    changed = change_plan(store, ticked.value, _plan(person_id, "Bus to town", "Cook daily"))
    (stored,) = store.plans(person_id)
    assert [(s.words, s.done_on) for s in stored.steps] == [
        ("Bus to town", TODAY),
        ("Cook daily", None),
    ]
    assert changed.value.stamp.revision == stored.stamp.revision
    assert changed.changes == OpChanges.of([person_id], RecordKind.PROGRESSION)


def test_a_plan_review_reports_the_person(store: Store, person_id: str) -> None:
    plan = add_plan(store, _plan(person_id)).value
    result = review_plan(store, person_id, PlanReview(plan.id, TODAY, 3))
    assert [r.level for r in store.plan_reviews([plan.id])[plan.id]] == [3]
    assert result.changes == OpChanges.of([person_id], RecordKind.PROGRESSION)
