"""Goals on a real store: kept in the order they were set, checked as a whole, changes logged."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from assessor.goals import Goal, GoalKind, Review
from assessor.record import Person
from assessor.validation import InvalidInput
from db.rows import NotFound
from db.store import Store
from tests.db.store_kit import goal_for
from tests.kit.raw_sql import StoreSQL

WORKER = "Test Worker"
TODAY = date(2026, 11, 23)


@pytest.fixture
def peggy(store: Store) -> str:
    return store.add_person(Person(preferred_name="Peggy", presenting_problem="Stairs")).id


# --- goals ------------------------------------------------------------------------------------


def test_a_goal_round_trips_with_every_field(store: Store, peggy: str) -> None:
    """What the worker wrote comes back exactly, with an id and a first-revision stamp."""
    words = "  Get up and down my stairs\nwithout being frightened  "
    added = store.add_goal(
        Goal(
            person_id=peggy,
            words=words,
            set_on=TODAY - timedelta(days=12),
            set_by="Sam Patel",
            kind=GoalKind.REABLEMENT,
            target_date=TODAY + timedelta(days=30),
            expected="Up and down with the rail, on her own, most days",
            baseline=-2,
        )
    )
    assert added.id
    assert added.stamp is not None
    assert (added.stamp.updated_by, added.stamp.revision) == (WORKER, 1)
    (read,) = store.goals(peggy)
    assert read == added
    assert read.words == words
    assert read.kind is GoalKind.REABLEMENT
    assert read.target_date == TODAY + timedelta(days=30)
    assert read.baseline == -2


def test_goals_come_back_in_the_order_they_were_set(store: Store, peggy: str) -> None:
    """Goals are listed by the day they were set, not the order they were typed in."""
    for words, days_ago in (("Garden", 3), ("Stairs", 20), ("Choir", 10)):
        store.add_goal(goal_for(peggy, words, set_on=TODAY - timedelta(days=days_ago)))
    assert [g.words for g in store.goals(peggy)] == ["Stairs", "Choir", "Garden"]


def test_goals_belong_to_their_person(store: Store, peggy: str) -> None:
    des = store.add_person(Person(preferred_name="Des", presenting_problem="Arm")).id
    store.add_goal(goal_for(peggy, "Choir"))
    store.add_goal(goal_for(des, "Make my own breakfast"))
    assert [g.words for g in store.goals(peggy)] == ["Choir"]
    assert [g.words for g in store.goals(des)] == ["Make my own breakfast"]
    assert store.goals("no-such-person") == []


def test_a_goal_that_fails_its_checks_is_not_stored(
    raw: StoreSQL, store: Store, peggy: str
) -> None:
    """The check's plain message reaches the caller and nothing is written."""
    with pytest.raises(InvalidInput, match="Write the goal"):
        store.add_goal(goal_for(peggy, "   "))
    with pytest.raises(InvalidInput, match="before the goal was set"):
        store.add_goal(goal_for(peggy, set_on=TODAY, target_date=TODAY - timedelta(days=1)))
    assert store.goals(peggy) == []
    assert raw.rows("SELECT count(*) FROM goals") == [(0,)]
    assert raw.rows("SELECT count(*) FROM change_log WHERE table_name = 'goals'") == [(0,)]


def test_a_goal_for_someone_not_held_is_refused(store: Store) -> None:
    with pytest.raises(NotFound):
        store.add_goal(goal_for("no-such-person"))


def test_update_goal_changes_the_words_bumps_the_revision_and_logs_it(
    store: Store, peggy: str
) -> None:
    """Rewording a goal is a logged update of that field only."""
    goal = store.add_goal(goal_for(peggy, "Sing in the choir"))
    store.update_goal(goal.id, {"words": "Sing in the chapel choir again"})

    (read,) = store.goals(peggy)
    assert read.words == "Sing in the chapel choir again"
    assert read.stamp is not None and read.stamp.revision == 2
    history = store.history([goal.id])
    assert [(c.table, c.operation, c.revision) for c in history] == [
        ("goals", "insert", 1),
        ("goals", "update", 2),
    ]
    assert history[1].changes == {"words": "Sing in the chapel choir again"}
    assert history[1].changed_by == WORKER
    assert history[0].changes["words"] == "Sing in the choir"
    assert history[0].changes["person_id"] == peggy


def test_update_goal_logs_dates_and_choices_as_text(store: Store, peggy: str) -> None:
    goal = store.add_goal(goal_for(peggy))
    target = TODAY + timedelta(days=40)
    store.update_goal(goal.id, {"target_date": target, "kind": GoalKind.RECOVERY})
    (read,) = store.goals(peggy)
    assert (read.target_date, read.kind) == (target, GoalKind.RECOVERY)
    assert store.history([goal.id])[-1].changes == {
        "target_date": target.isoformat(),
        "kind": "recovery",
    }


def test_update_goal_with_a_target_before_it_was_set_changes_nothing(
    store: Store, peggy: str
) -> None:
    """The goal is checked as a whole with the change; a refused change leaves no trace."""
    goal = store.add_goal(goal_for(peggy, set_on=TODAY))
    with pytest.raises(InvalidInput) as caught:
        store.update_goal(goal.id, {"words": "Changed", "target_date": TODAY - timedelta(days=3)})
    assert "20 Nov 2026" in str(caught.value) and "23 Nov 2026" in str(caught.value)
    assert store.goals(peggy) == [goal]
    assert [c.operation for c in store.history([goal.id])] == ["insert"]


def test_update_goal_moving_set_on_after_the_target_is_refused(store: Store, peggy: str) -> None:
    goal = store.add_goal(goal_for(peggy, set_on=TODAY, target_date=TODAY + timedelta(days=7)))
    with pytest.raises(InvalidInput):
        store.update_goal(goal.id, {"set_on": TODAY + timedelta(days=8)})
    assert store.goals(peggy) == [goal]


def test_update_goal_refuses_fields_that_are_not_the_goals_own(store: Store, peggy: str) -> None:
    """Moving a goal to another person is not an edit; nothing is changed."""
    goal = store.add_goal(goal_for(peggy))
    with pytest.raises(ValueError, match="person_id"):
        store.update_goal(goal.id, {"person_id": "someone-else"})
    assert store.goals(peggy) == [goal]


def test_update_goal_of_a_missing_goal_raises_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.update_goal("no-such-goal", {"words": "Anything"})


# --- across the caseload ----------------------------------------------------------------------


def test_all_goals_returns_every_goal_with_its_reviews(store: Store, peggy: str) -> None:
    des = store.add_person(Person(preferred_name="Des", presenting_problem="Arm")).id
    choir = store.add_goal(goal_for(peggy, "Choir"))
    garden = store.add_goal(goal_for(peggy, "Garden"))
    breakfast = store.add_goal(goal_for(des, "Breakfast"))
    store.add_review(Review(choir.id, -2, TODAY - timedelta(days=3)))
    store.add_review(Review(choir.id, -1, TODAY))
    store.add_review(Review(breakfast.id, 0, TODAY))

    found = {goal.words: (goal, [r.rating for r in reviews]) for goal, reviews in store.all_goals()}
    assert set(found) == {"Choir", "Garden", "Breakfast"}
    assert found["Choir"] == (store.goals(peggy)[0], [-2, -1])
    assert found["Garden"][1] == []
    assert found["Breakfast"][1] == [0]
    assert {g.id for g, _ in store.all_goals()} == {choir.id, garden.id, breakfast.id}


def test_all_goals_of_an_empty_store_is_empty(store: Store) -> None:
    assert store.all_goals() == []
