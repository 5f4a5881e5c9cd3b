"""A goal review saved durably (p50, p95). Aim: under 20 ms.

A worker reviewing a goal picks a level with 1 to 5 and presses Enter; the review is stored at
once, as its own committed transaction, and the store runs with synchronous=FULL, so every
save waits for the disk (fsync) before the worker sees "Review saved". A person on a long
reablement package can hold many goals and reviews, and each save also writes a change-log
row. This builds a store of a few hundred generated people, gives one of them 10 goals with 50
reviews spread over them (five each, a week apart), and then times 100 saves of a new review
by `store.add_review`, round the 10 goals in turn.

It then times the same save followed by what the goals tab does after Enter to redraw the
goal's row: it re-reads that goal's reviews (`store.reviews`), works out its status and the
T-score over the person's latest ratings (the other goals' reviews are already held). It
prints p50, p95 and max in milliseconds for each.

fsync is only as slow as the disk under the temporary folder: on a RAM disk (tmpfs) the
figures say little, so the script prints the folder it used; set TMPDIR to a folder on the
laptop's real disk to measure that.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from assessor.goals import Goal, GoalKind, Review, Reviewer, status, t_score
from bench.people import build_store
from db.store import Store

PEOPLE = 300
GOALS = 10
REVIEWS = 50
RUNS = 100
SEED = 10

GOAL_WORDS = [
    "Get up and down my stairs without being frightened",
    "Sing in the chapel choir again",
    "Be out in my garden whenever it's dry",
    "Make my own breakfast and a cup of tea",
    "Get to the shop at the corner on my own",
    "Have a bath without someone in the room",
    "See my grandchildren every Sunday",
    "Take my tablets at the right times myself",
    "Go to the lunch club on a Thursday",
    "Sleep upstairs in my own bed again",
]
_KINDS = list(GoalKind)
_REVIEWERS = list(Reviewer)


def _give_goals(store: Store, person_id: str, today: date) -> list[Goal]:
    """10 goals set ten weeks ago, each with five weekly reviews rising from the baseline."""
    per_goal = REVIEWS // GOALS
    goals = []
    for number, words in enumerate(GOAL_WORDS[:GOALS]):
        goal = store.add_goal(
            Goal(
                person_id=person_id,
                words=words,
                set_on=today - timedelta(weeks=per_goal + 1),
                set_by="Bench",
                kind=_KINDS[number % len(_KINDS)],
                target_date=today + timedelta(weeks=4),
                expected="As the person described it",
                baseline=-2,
            )
        )
        for week in range(per_goal):
            store.add_review(
                Review(
                    goal_id=goal.id,
                    rating=min(-2 + week // 2, 0),
                    on=today - timedelta(weeks=per_goal - week),
                    reviewer=_REVIEWERS[week % len(_REVIEWERS)],
                    self_rating=2 + week,
                    note="A short note of how it went.",
                )
            )
        goals.append(goal)
    return goals


def _review(goal: Goal, number: int, today: date) -> Review:
    return Review(
        goal_id=goal.id,
        rating=[-1, -1, 0, 1, -2][number % 5],
        on=today,
        reviewer=_REVIEWERS[number % len(_REVIEWERS)],
        self_rating=(number % 10) + 1 if number % 3 else None,
        note="Managed it twice this week with a little help.",
    )


def _report(label: str, times: list[float]) -> None:
    p95 = statistics.quantiles(times, n=20, method="inclusive")[18]
    print(
        f"{label}: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
        f"max {max(times):.1f} ms ({len(times)} saves; aim: under 20 ms)"
    )


def main() -> None:
    today = date.today()
    with tempfile.TemporaryDirectory(prefix="assessor-bench-") as folder:
        start = time.perf_counter()
        store = build_store(Path(folder), PEOPLE, seed=SEED)
        person_id = store.findable_people()[0].id
        goals = _give_goals(store, person_id, today)
        held = sum(len(r) for r in store.reviews(g.id for g in goals).values())
        seconds = time.perf_counter() - start
        print(
            f"Built a {PEOPLE}-person store in {folder} and gave one person {len(goals)} goals "
            f"with {held} reviews in {seconds:.1f} s"
        )

        store.add_review(_review(goals[0], 0, today))  # the first save warms caches; not counted

        saves = []
        for number in range(RUNS):
            review = _review(goals[number % GOALS], number, today)
            start = time.perf_counter()
            store.add_review(review)
            saves.append((time.perf_counter() - start) * 1000)
        _report("store.add_review", saves)

        # The goals tab keeps every goal's reviews and re-reads only the reviewed goal's.
        held_now = store.reviews(g.id for g in goals)
        latest = {g.id: held_now[g.id][-1].rating for g in goals}
        after_enter = []
        for number in range(RUNS):
            goal = goals[number % GOALS]
            review = _review(goal, number, today)
            start = time.perf_counter()
            store.add_review(review)
            reviews = store.reviews([goal.id])[goal.id]
            status(goal, reviews)
            latest[goal.id] = reviews[-1].rating
            t_score(list(latest.values()))
            after_enter.append((time.perf_counter() - start) * 1000)
        _report("add_review, then re-read the goal's reviews, status and T-score", after_enter)

        total = sum(len(r) for r in store.reviews(g.id for g in goals).values())
        print(f"The person now holds {total} reviews")
        store.close()


if __name__ == "__main__":
    main()
