"""Goal reviews on a real store: append-only, oldest first, checked; and goals in whole files."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from assessor.goals import Goal, Review, Reviewer
from assessor.person_file import PersonFile
from assessor.record import (
    Person,
)
from assessor.validation import InvalidInput
from db.rows import NotFound
from db.store import Store
from tests.db.store_kit import goal_for
from tests.kit.raw_sql import StoreSQL
from tests.kit.stores import StorePlace

WORKER = "Test Worker"
TODAY = date(2026, 11, 23)


@pytest.fixture
def peggy(store: Store) -> str:
    return store.add_person(Person(preferred_name="Peggy", presenting_problem="Stairs")).id


def test_reviews_are_appended_and_read_oldest_first(store: Store, peggy: str) -> None:
    """Reviews come back in date order, whatever order they were entered in."""
    goal = store.add_goal(goal_for(peggy))
    for rating, days_ago in ((-2, 10), (0, 1), (-1, 5)):
        store.add_review(Review(goal.id, rating, TODAY - timedelta(days=days_ago)))
    read = store.reviews([goal.id])[goal.id]
    assert [(r.rating, (TODAY - r.on).days) for r in read] == [(-2, 10), (-1, 5), (0, 1)]


def test_a_review_round_trips_with_every_field(store: Store, peggy: str) -> None:
    goal = store.add_goal(goal_for(peggy))
    added = store.add_review(
        Review(
            goal_id=goal.id,
            rating=-1,
            on=TODAY,
            reviewer=Reviewer.PERSON,
            self_rating=6,
            note="Went with Grace on Sunday. “I sang the first hymn.”",
        )
    )
    assert added.id
    assert added.stamp is not None and added.stamp.revision == 1
    assert store.reviews([goal.id]) == {goal.id: [added]}
    assert added.reviewer is Reviewer.PERSON
    assert added.self_rating == 6


def test_two_reviews_on_the_same_day_keep_the_order_they_were_made(
    store: Store, peggy: str
) -> None:
    """An OT and then the person on the same visit: the person's came second."""
    goal = store.add_goal(goal_for(peggy))
    store.add_review(Review(goal.id, -2, TODAY, Reviewer.OT))
    store.add_review(Review(goal.id, -1, TODAY, Reviewer.PERSON))
    assert [r.reviewer for r in store.reviews([goal.id])[goal.id]] == [
        Reviewer.OT,
        Reviewer.PERSON,
    ]


def test_every_goal_asked_for_has_a_list_of_reviews(store: Store, peggy: str) -> None:
    reviewed = store.add_goal(goal_for(peggy, "Choir"))
    quiet = store.add_goal(goal_for(peggy, "Garden"))
    store.add_review(Review(reviewed.id, -1, TODAY))
    found = store.reviews([reviewed.id, quiet.id])
    assert set(found) == {reviewed.id, quiet.id}
    assert [r.rating for r in found[reviewed.id]] == [-1]
    assert found[quiet.id] == []
    assert store.reviews([]) == {}


@pytest.mark.parametrize(
    ("rating", "self_rating", "message"),
    [(3, None, "not on the scale"), (-3, None, "not on the scale"), (0, 11, "from 1 to 10")],
)
def test_a_review_that_fails_its_checks_stores_nothing(
    raw: StoreSQL,
    store: Store,
    peggy: str,
    rating: int,
    self_rating: int | None,
    message: str,
) -> None:
    goal = store.add_goal(goal_for(peggy))
    with pytest.raises(InvalidInput, match=message):
        store.add_review(Review(goal.id, rating, TODAY, self_rating=self_rating))
    assert store.reviews([goal.id]) == {goal.id: []}
    assert raw.rows("SELECT count(*) FROM goal_reviews") == [(0,)]
    assert raw.rows("SELECT count(*) FROM change_log WHERE table_name = 'goal_reviews'") == [(0,)]


def test_a_review_of_a_missing_goal_raises_not_found(raw: StoreSQL, store: Store) -> None:
    with pytest.raises(NotFound):
        store.add_review(Review("no-such-goal", 0, TODAY))
    assert raw.rows("SELECT count(*) FROM goal_reviews") == [(0,)]


def test_reviews_cannot_be_changed_only_followed(store: Store, peggy: str) -> None:
    """The store offers no way to change or remove a review, and the log shows only inserts."""
    verbs = {"update", "remove", "delete", "set", "change", "edit", "replace", "undo"}
    changers = {name for name in dir(Store) if name.lstrip("_").split("_")[0] in verbs}
    assert changers, "the check below needs the store's changing methods to be found"
    assert not {name for name in changers if "review" in name}

    goal = store.add_goal(goal_for(peggy))
    first = store.add_review(Review(goal.id, -2, TODAY - timedelta(days=7)))
    second = store.add_review(Review(goal.id, -1, TODAY))
    store.update_goal(goal.id, {"expected": "Sings with the choir on Sundays"})

    history = store.history([first.id, second.id])
    assert [(c.table, c.row_id, c.operation, c.revision) for c in history] == [
        ("goal_reviews", first.id, "insert", 1),
        ("goal_reviews", second.id, "insert", 1),
    ]
    assert history[0].changes["rating"] == -2
    assert history[0].changes["goal_id"] == goal.id
    assert history[0].changes["on"] == (TODAY - timedelta(days=7)).isoformat()


def test_reviews_survive_reopening_the_store(store_place: StorePlace) -> None:
    """Each review is its own committed transaction: closing and reopening keeps it."""
    store = store_place.open(WORKER)
    person = store.add_person(Person(preferred_name="Des", presenting_problem="Arm")).id
    goal = store.add_goal(goal_for(person, "Make my own breakfast"))
    store.add_review(Review(goal.id, -1, TODAY, Reviewer.OT, note="Toast, one-handed."))
    store.close()

    reopened = store_place.open(WORKER)
    try:
        (review,) = reopened.reviews([goal.id])[goal.id]
        assert (review.rating, review.reviewer, review.note) == (
            -1,
            Reviewer.OT,
            "Toast, one-handed.",
        )
    finally:
        reopened.close()


# --- whole files ------------------------------------------------------------------------------


def _file_with_goals(person_id: str = "") -> PersonFile:
    person = Person(id=person_id, preferred_name="Eileen", presenting_problem="Lonely")
    choir = Goal(person_id=person_id, words="Choir", set_on=TODAY - timedelta(days=20), id="")
    return PersonFile(
        person=person,
        contacts=[],
        conversations={},
        goals=[
            replace(choir, id="11111111-1111-4111-8111-111111111111"),
            replace(choir, words="Deaf club", id="22222222-2222-4222-8222-222222222222"),
        ],
        reviews={
            "11111111-1111-4111-8111-111111111111": [
                Review("11111111-1111-4111-8111-111111111111", -2, TODAY - timedelta(days=9)),
                Review(
                    "11111111-1111-4111-8111-111111111111",
                    -1,
                    TODAY - timedelta(days=2),
                    Reviewer.PERSON,
                    self_rating=7,
                    id="33333333-3333-4333-8333-333333333333",
                ),
            ]
        },
    )


def test_add_files_stores_goals_and_reviews(store: Store) -> None:
    """A whole file's goals and reviews are stored with it, ids kept where given."""
    (person_id,) = store.add_files([_file_with_goals("44444444-4444-4444-8444-444444444444")])
    held = store.person_file(person_id)
    assert [g.words for g in held.goals] == ["Choir", "Deaf club"]
    assert all(g.person_id == person_id for g in held.goals)
    choir, club = held.goals
    assert choir.id == "11111111-1111-4111-8111-111111111111"
    assert [r.rating for r in held.reviews[choir.id]] == [-2, -1]
    assert held.reviews[choir.id][1].id == "33333333-3333-4333-8333-333333333333"
    assert held.reviews[choir.id][1].self_rating == 7
    assert held.reviews[club.id] == []
    logged = {(c.table, c.operation) for c in store.history([choir.id, club.id])}
    assert logged == {("goals", "insert")}


def test_add_files_gives_goals_the_new_persons_id(store: Store) -> None:
    """A file whose person has no id yet still ties its goals to that person."""
    (person_id,) = store.add_files([_file_with_goals()])
    assert [g.person_id for g in store.goals(person_id)] == [person_id, person_id]


def test_add_files_with_a_bad_review_stores_nothing(raw: StoreSQL, store: Store) -> None:
    """One refused review and the whole import is refused: no person, goal or review."""
    file = _file_with_goals()
    goal_id = file.goals[0].id
    file.reviews[goal_id].append(Review(goal_id, 5, TODAY))
    with pytest.raises(InvalidInput):
        store.add_files(
            [PersonFile(Person(preferred_name="Ok", presenting_problem="x"), [], {}), file]
        )
    assert store.findable_people() == []
    for table in ("people", "goals", "goal_reviews", "change_log"):
        assert raw.rows(f"SELECT count(*) FROM {table}") == [(0,)]


def test_add_files_with_a_bad_goal_stores_nothing(raw: StoreSQL, store: Store) -> None:
    file = _file_with_goals()
    file.goals[1].baseline = 0
    with pytest.raises(InvalidInput):
        store.add_files([file])
    for table in ("people", "goals", "goal_reviews"):
        assert raw.rows(f"SELECT count(*) FROM {table}") == [(0,)]


def test_add_files_skips_people_already_there_with_their_goals(raw: StoreSQL, store: Store) -> None:
    """Importing the same file twice adds no second copy of its goals or reviews."""
    person_id = "44444444-4444-4444-8444-444444444444"
    assert store.add_files([_file_with_goals(person_id)]) == [person_id]
    assert store.add_files([_file_with_goals(person_id)]) == []
    assert len(store.goals(person_id)) == 2
    assert raw.rows("SELECT count(*) FROM goals") == [(2,)]
    assert raw.rows("SELECT count(*) FROM goal_reviews") == [(2,)]


def test_add_files_never_stores_a_review_twice(raw: StoreSQL, store: Store) -> None:
    """Two goals without ids and one review keyed by no id: which goal it reviews cannot be
    told, so the whole file is refused, naming why, and nothing of it is stored."""
    file = PersonFile(
        Person(preferred_name="Win", presenting_problem="Home"),
        [],
        {},
        goals=[
            Goal(person_id="", words="Stay in my own home", set_on=TODAY),
            Goal(person_id="", words="Listen to the wireless", set_on=TODAY),
        ],
        reviews={"": [Review("", -1, TODAY)]},
    )
    with pytest.raises(ValueError, match="Reviews for goals that are not in the file"):
        store.add_files([file])
    for table in ("goal_reviews", "goals", "people"):
        assert raw.value(f"SELECT count(*) FROM {table}") == 0, table
