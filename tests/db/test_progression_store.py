"""Progression plans on a real store: plans round-trip with their steps, updates are checked and
logged, reviews are append-only and oldest first, and files arrive with their plans at once."""

from __future__ import annotations

from datetime import date

import pytest

from assessor.goals import Goal
from assessor.person_file import PersonFile
from assessor.progression import PlanReview, PlanStep, ProgressionPlan
from assessor.record import Person
from assessor.validation import InvalidInput
from db.models import new_id
from db.rows import NotFound
from db.store import Store
from tests.kit.raw_sql import StoreSQL

WORKER = "Test Worker"
STARTS = date(2026, 8, 24)
ENDS = date(2027, 5, 24)  # nine months on


@pytest.fixture
def tomek(store: Store) -> str:
    return store.add_person(Person(preferred_name="Tomek", presenting_problem="A stroke")).id


STEPS = [
    PlanStep("Walk to the corner shop with my stick", date(2026, 10, 1), date(2026, 9, 28)),
    PlanStep("Cook a hot meal for myself twice a week", date(2026, 12, 1)),
    PlanStep("Take the bus to the Polish centre on my own"),
]


def _plan(person_id: str, **kw: object) -> ProgressionPlan:
    values: dict[str, object] = {
        "starts_on": STARTS,
        "ends_on": ENDS,
        "start_level": 2,
        "target_level": 4,
    }
    return ProgressionPlan(person_id=person_id, **{**values, **kw})  # type: ignore[arg-type]


# --- plans ------------------------------------------------------------------------------------


def test_a_plan_round_trips_with_its_steps_dates_and_goals(store: Store, tomek: str) -> None:
    added = store.add_plan(_plan(tomek, steps=list(STEPS), goal_ids=["g1", "g2"]))
    assert added.id
    assert added.stamp is not None
    assert (added.stamp.updated_by, added.stamp.revision) == (WORKER, 1)
    (read,) = store.plans(tomek)
    assert read == added
    assert read.steps == STEPS
    assert read.steps[0].done_on == date(2026, 9, 28)
    assert read.steps[2].due_on is None
    assert read.goal_ids == ["g1", "g2"]
    assert (read.start_level, read.target_level) == (2, 4)


def test_a_plan_with_no_steps_or_goals_round_trips(store: Store, tomek: str) -> None:
    added = store.add_plan(_plan(tomek))
    assert store.plans(tomek) == [added]
    assert (added.steps, added.goal_ids) == ([], [])


def test_plans_are_newest_first_and_belong_to_their_person(store: Store, tomek: str) -> None:
    win = store.add_person(Person(preferred_name="Win", presenting_problem="Home")).id
    for start, end in (
        (date(2025, 1, 1), date(2025, 9, 1)),
        (date(2026, 6, 1), date(2027, 3, 1)),
        (date(2025, 9, 1), date(2026, 6, 1)),
    ):
        store.add_plan(_plan(tomek, starts_on=start, ends_on=end))
    store.add_plan(_plan(win))
    assert [p.starts_on for p in store.plans(tomek)] == [
        date(2026, 6, 1),
        date(2025, 9, 1),
        date(2025, 1, 1),
    ]
    assert [p.person_id for p in store.plans(win)] == [win]
    assert store.plans("no-such-person") == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"target_level": 2}, "should be higher"),
        ({"start_level": 7}, "7 is not one of them"),
        ({"ends_on": date(2027, 1, 1)}, "6 to 12 months"),
        ({"steps": [PlanStep("  ")]}, "Each step needs"),
    ],
)
def test_a_plan_that_fails_its_checks_is_not_stored(
    store: Store, raw: StoreSQL, tomek: str, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        store.add_plan(_plan(tomek, **changes))
    assert store.plans(tomek) == []
    assert raw.rows("SELECT count(*) FROM progression_plans") == [(0,)]


def test_a_plan_for_someone_not_held_is_refused(store: Store) -> None:
    with pytest.raises(NotFound):
        store.add_plan(_plan("no-such-person"))


# --- updates ----------------------------------------------------------------------------------


def test_update_plan_steps_round_trip_with_their_dates(store: Store, tomek: str) -> None:
    """Ticking a step done is a logged update of the steps only, dates as ISO text."""
    plan = store.add_plan(_plan(tomek, steps=list(STEPS)))
    ticked = [STEPS[0], PlanStep(STEPS[1].words, STEPS[1].due_on, date(2026, 11, 20)), STEPS[2]]
    store.update_plan(plan.id, {"steps": ticked})

    (read,) = store.plans(tomek)
    assert read.steps == ticked
    assert read.steps[1].done_on == date(2026, 11, 20)
    assert read.stamp is not None and read.stamp.revision == 2
    history = store.history([plan.id])
    assert [(c.table, c.operation, c.revision) for c in history] == [
        ("progression_plans", "insert", 1),
        ("progression_plans", "update", 2),
    ]
    assert history[1].changes == {
        "steps": [
            {"words": STEPS[0].words, "due_on": "2026-10-01", "done_on": "2026-09-28"},
            {"words": STEPS[1].words, "due_on": "2026-12-01", "done_on": "2026-11-20"},
            {"words": STEPS[2].words, "due_on": None, "done_on": None},
        ]
    }


def test_update_plan_levels_and_goals_logs_only_those(store: Store, tomek: str) -> None:
    plan = store.add_plan(_plan(tomek))
    store.update_plan(plan.id, {"target_level": 5, "goal_ids": ["g1"], "start_level": 2})
    (read,) = store.plans(tomek)
    assert (read.target_level, read.goal_ids) == (5, ["g1"])
    assert store.history([plan.id])[-1].changes == {"target_level": 5, "goal_ids": ["g1"]}


def test_a_refused_plan_update_changes_nothing(store: Store, tomek: str) -> None:
    plan = store.add_plan(_plan(tomek, steps=list(STEPS)))
    with pytest.raises(InvalidInput, match="should be higher"):
        store.update_plan(plan.id, {"target_level": 1, "steps": []})
    with pytest.raises(InvalidInput, match="6 to 12 months"):
        store.update_plan(plan.id, {"starts_on": date(2027, 1, 1)})
    assert store.plans(tomek) == [plan]
    assert [c.operation for c in store.history([plan.id])] == ["insert"]


def test_update_plan_refuses_fields_that_are_not_its_own(store: Store, tomek: str) -> None:
    plan = store.add_plan(_plan(tomek))
    with pytest.raises(ValueError, match="person_id"):
        store.update_plan(plan.id, {"person_id": "someone-else"})
    assert store.plans(tomek) == [plan]


def test_update_of_a_missing_plan_raises_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.update_plan("no-such-plan", {"target_level": 5})


# --- reviews ----------------------------------------------------------------------------------


def test_reviews_are_read_oldest_first(store: Store, tomek: str) -> None:
    plan = store.add_plan(_plan(tomek))
    for day, level in ((date(2026, 10, 24), 3), (date(2026, 9, 24), 2), (date(2026, 11, 20), 3)):
        store.add_plan_review(PlanReview(plan.id, day, level, f"Level {level}"))
    read = store.plan_reviews([plan.id])[plan.id]
    assert [(r.on, r.level) for r in read] == [
        (date(2026, 9, 24), 2),
        (date(2026, 10, 24), 3),
        (date(2026, 11, 20), 3),
    ]
    assert all(r.plan_id == plan.id and r.stamp is not None for r in read)


def test_a_review_round_trips(store: Store, tomek: str) -> None:
    plan = store.add_plan(_plan(tomek))
    added = store.add_plan_review(
        PlanReview(plan.id, date(2026, 11, 1), 3, "Bus to the Polish centre with his son.")
    )
    assert added.id
    assert added.stamp is not None and added.stamp.revision == 1
    assert store.plan_reviews([plan.id]) == {plan.id: [added]}


def test_a_review_before_the_plan_started_is_not_stored(
    store: Store, raw: StoreSQL, tomek: str
) -> None:
    plan = store.add_plan(_plan(tomek))
    with pytest.raises(InvalidInput, match="before the plan started"):
        store.add_plan_review(PlanReview(plan.id, date(2026, 8, 1), 2))
    with pytest.raises(InvalidInput, match="7 is not one of them"):
        store.add_plan_review(PlanReview(plan.id, date(2026, 9, 1), 7))
    assert store.plan_reviews([plan.id]) == {plan.id: []}
    assert raw.rows("SELECT count(*) FROM plan_reviews") == [(0,)]


def test_a_review_of_a_missing_plan_raises_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.add_plan_review(PlanReview("no-such-plan", date(2026, 9, 1), 2))


def test_reviews_are_append_only(store: Store, tomek: str) -> None:
    """Only inserts are ever logged for review rows, whatever happens to the plan after."""
    plan = store.add_plan(_plan(tomek))
    ids = [
        store.add_plan_review(PlanReview(plan.id, date(2026, month, 1), level)).id
        for month, level in ((9, 2), (10, 3), (11, 3))
    ]
    store.update_plan(plan.id, {"target_level": 5})
    history = store.history(ids)
    assert len(history) == 3
    assert {(c.table, c.operation, c.revision) for c in history} == {("plan_reviews", "insert", 1)}
    assert not hasattr(store, "update_plan_review")


def test_every_plan_asked_for_has_a_list_of_reviews(store: Store, tomek: str) -> None:
    plan = store.add_plan(_plan(tomek))
    assert store.plan_reviews([plan.id, "other"]) == {plan.id: [], "other": []}
    assert store.plan_reviews([]) == {}


# --- whole files ------------------------------------------------------------------------------


def _file_with_plan() -> PersonFile:
    person_id, goal_id, plan_id = new_id(), new_id(), new_id()
    plan = ProgressionPlan(person_id, STARTS, ENDS, 2, 4, list(STEPS), [goal_id], id=plan_id)
    return PersonFile(
        Person(preferred_name="Tomek", presenting_problem="A stroke", id=person_id),
        [],
        {},
        goals=[Goal(person_id, "Get back to the Polish centre", STARTS, id=goal_id)],
        plans=[plan],
        plan_reviews={
            plan_id: [
                PlanReview(plan_id, date(2026, 9, 24), 2, "Settling in.", new_id()),
                PlanReview(plan_id, date(2026, 10, 24), 3, "Shop on his own.", new_id()),
            ]
        },
    )


def test_add_files_stores_plans_and_their_reviews(store: Store) -> None:
    file = _file_with_plan()
    (person_id,) = store.add_files([file])
    held = store.person_file(person_id)
    (plan,) = held.plans
    (written,) = file.plans
    assert plan.id == written.id
    assert (plan.steps, plan.goal_ids, plan.start_level, plan.target_level) == (
        written.steps,
        written.goal_ids,
        2,
        4,
    )
    assert [(r.id, r.on, r.level, r.note) for r in held.plan_reviews[plan.id]] == [
        (r.id, r.on, r.level, r.note) for r in file.plan_reviews[written.id]
    ]


def test_reviews_for_a_plan_not_in_the_file_are_refused_and_nothing_is_stored(
    store: Store, raw: StoreSQL
) -> None:
    file = _file_with_plan()
    file.plan_reviews["no-such-plan"] = [PlanReview("no-such-plan", date(2026, 9, 24), 2)]
    with pytest.raises(ValueError, match="progression plans"):
        store.add_files([file])
    for table in ("people", "goals", "progression_plans", "plan_reviews", "change_log"):
        assert raw.rows(f"SELECT count(*) FROM {table}") == [(0,)], table


def test_a_plan_review_before_its_plan_refuses_the_whole_file(store: Store, raw: StoreSQL) -> None:
    file = _file_with_plan()
    (plan,) = file.plans
    file.plan_reviews[plan.id].append(PlanReview(plan.id, date(2026, 1, 1), 2))
    with pytest.raises(InvalidInput, match="before the plan started"):
        store.add_files([file])
    for table in ("people", "progression_plans", "plan_reviews"):
        assert raw.rows(f"SELECT count(*) FROM {table}") == [(0,)], table
