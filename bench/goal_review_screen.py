"""A goal review in the real main window, from Enter until the Due list is up to date, with
5,000 and 20,000 people (p50, p95, max). Aim: p95 under 20 ms on the GUI thread for both.

A worker works down the Due list: Enter opens the person at their goals with the goal chosen,
they press a rating key and Enter, and the review is stored. Everything that follows on the
GUI thread is what the worker feels as a stutter; the Due list and its count are read again
across the whole caseload in the background and shown when the read comes back.

For each size the script builds a store of generated people (`bench/people.py`), two in five
of them with one to three goals and their reviews, about one goal in four due for review (set
weeks ago, not reviewed for over four weeks, no target date), and opens the real main window
offscreen with the Due tab showing. It then reviews 60 due goals, one after another, and for
each prints, in milliseconds:

- (a) the GUI thread busy from pressing Enter until it is back in the event loop: the key's
  handling (the save, redrawing the goal's row, asking for the Due list to be read again);
  of that, the GUI thread's own CPU time (`time.thread_time`), which other programs on a
  busy machine do not inflate (waiting for the disk is not in it either); then the same
  with one pass of the events it posted (layout and painting of the window);
- (b) the time from pressing Enter until the Due list shows the updated state: the
  `refreshed` signal with one fewer thing due, waited for in an event loop, never by sleeping;
- (c) the GUI thread's share of (b) when the answer arrives: filling the list and its count,
  and the whole turn of the event loop that showed it (with layout and painting);
- the longest the event loop went without a turn while the read ran, seen by a 2 ms timer
  (the background read shares Python's interpreter lock with the GUI thread).

Before the reviews it also times the caseload-wide read itself (`read_due`, 5 runs), which
before the runner ran on the GUI thread after every review. Building the 20,000-person store
takes about a minute.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from assessor.goals import Goal, GoalKind, Review, due_for_review
from assessor.person_file import PersonFile
from bench.goal_review import GOAL_WORDS
from bench.people import generate_people
from bench.qtapp import make_app
from db.models import new_id
from db.store import Store
from ui.kit.runner import Runner
from ui.shell.due import read_due
from ui.shell.main_window import MainWindow

SIZES = (5_000, 20_000)
REVIEWS = 60
SEED = 11
WAIT_AT_MOST_MS = 60_000  # a read that never comes back ends the script, not the machine


@dataclass
class Caseload:
    store: Store
    due: list[tuple[str, str]]  # person id and goal id of goals due, reviewable off the list


def _goal(rng: random.Random, person_id: str, today: date) -> tuple[Goal, list[Review]]:
    """A goal set 6 to 12 weeks ago with fortnightly reviews; one in four last reviewed over
    four weeks ago (or never), so it is due unless its latest rating met it."""
    weeks = rng.randint(6, 12)
    goal = Goal(
        person_id=person_id,
        words=rng.choice(GOAL_WORDS),
        set_on=today - timedelta(weeks=weeks),
        set_by="Bench",
        kind=rng.choice(list(GoalKind)),
        baseline=-2,
        id=new_id(),
    )
    # Reviewed every fortnight, or, for one in four, at most once, a week after it was set.
    weeks_reviewed = range(1, rng.randint(1, 2)) if rng.random() < 0.25 else range(2, weeks, 2)
    on = goal.set_on
    reviews = [
        Review(goal_id=goal.id, rating=min(-2 + week // 4, 0), on=on + timedelta(weeks=week))
        for week in weeks_reviewed
    ]
    return goal, reviews


def build_caseload(folder: Path, size: int, today: date) -> Caseload:
    rng = random.Random(SEED)
    store = Store.open(folder, "Bench", create=True)
    files = []
    for generated in generate_people(size, SEED):
        person = replace(generated, id=new_id())
        has_goals = rng.random() < 0.4
        goals = [_goal(rng, person.id, today) for _ in range(rng.randint(1, 3) * has_goals)]
        reviews = {goal.id: made for goal, made in goals}
        files.append(PersonFile(person, [], {}, [goal for goal, _ in goals], reviews))
    for start in range(0, size, 1000):
        store.add_files(files[start : start + 1000])
    due = [
        (file.person.id, goal.id)
        for file in files
        for goal in file.goals
        if due_for_review(goal, file.reviews[goal.id], today) is not None
    ]
    return Caseload(store, rng.sample(due, min(REVIEWS, len(due))))


def wait_for(done: Callable[[], bool]) -> tuple[float, float]:
    """Turn the event loop until `done`. Returns, in ms, the longest gap between turns before
    it (the read running in the background) and the gap in which it came (the answer shown:
    the list filled, laid out and painted)."""
    if done():
        return 0.0, 0.0
    loop = QEventLoop()
    beats = [time.perf_counter()]
    gaps = [0.0]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append((now - beats[-1]) * 1000)
        beats.append(now)
        if done():
            loop.quit()

    heart = QTimer()
    heart.setTimerType(Qt.TimerType.PreciseTimer)
    heart.setInterval(2)
    heart.timeout.connect(beat)
    QTimer.singleShot(WAIT_AT_MOST_MS, loop.quit)
    heart.start()
    loop.exec()
    heart.stop()
    if not done():
        raise TimeoutError("the Due list was not refreshed")
    return max(gaps[:-1]), gaps[-1]


def _report(label: str, times: list[float], aim: str = "") -> None:
    p95 = statistics.quantiles(times, n=20, method="inclusive")[18]
    print(
        f"  {label}: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
        f"max {max(times):.1f} ms{aim}"
    )


def bench_size(app: QApplication, size: int, today: date) -> None:
    with tempfile.TemporaryDirectory(prefix="assessor-bench-") as folder:
        start = time.perf_counter()
        caseload = build_caseload(Path(folder), size, today)
        store = caseload.store
        goals = store.all_goals()
        print(
            f"{size:,} people, {len(goals):,} goals: built in {time.perf_counter() - start:.1f} s"
            f" in {folder}"
        )
        window = MainWindow(store, "Bench", Runner())
        reads = []
        for _ in range(5):
            start = time.perf_counter()
            due_now = len(read_due(store, today, window.index))
            reads.append((time.perf_counter() - start) * 1000)
        print(
            f"  {due_now:,} things due; reading them across the caseload (off the GUI thread "
            f"now): median {statistics.median(reads):.0f} ms"
        )
        state = {"count": -1, "at": 0.0}

        def refreshed(count: int) -> None:
            state["count"], state["at"] = count, time.perf_counter()

        fills: list[float] = []
        show = window.due._show

        def timed_show(*read: Any) -> None:
            start = time.perf_counter()
            show(*read)
            fills.append((time.perf_counter() - start) * 1000)

        window.due._show = timed_show  # type: ignore[method-assign]
        window.due.refreshed.connect(refreshed)
        window.show()
        window.show_due()
        wait_for(lambda: state["count"] == due_now)

        busy, busy_cpu, painted, until_shown, filling = [], [], [], [], []
        stalls, showing = [], []
        for person_id, goal_id in caseload.due:
            window.open_goal(person_id, goal_id)
            app.processEvents()
            goals_list = window.workspace.goals.list
            goals_list.setFocus()
            QTest.keyClick(goals_list, Qt.Key.Key_4)
            app.processEvents()
            due_now -= 1
            fills.clear()
            start, cpu = time.perf_counter(), time.thread_time()
            QTest.keyClick(goals_list, Qt.Key.Key_Return)
            handled, cpu_handled = time.perf_counter(), time.thread_time()
            app.processEvents()
            busy.append((handled - start) * 1000)
            busy_cpu.append((cpu_handled - cpu) * 1000)
            painted.append((time.perf_counter() - start) * 1000)
            stall, shown = wait_for(lambda due=due_now: state["count"] == due)
            stalls.append(stall)
            showing.append(shown)
            until_shown.append((state["at"] - start) * 1000)
            filling.append(fills[-1])
        print(f"  {REVIEWS} reviews, each: rating key, then Enter")
        _report("(a) GUI thread busy handling Enter", busy, " (aim: p95 under 20 ms)")
        _report("    of which the GUI thread's own CPU time", busy_cpu)
        _report("    with the layout and painting it posted", painted)
        _report("(b) Enter until the Due list shows it", until_shown)
        _report("(c) GUI thread filling the Due list", filling)
        _report("    the event loop's turn that showed it (filled, laid out, painted)", showing)
        _report("longest wait for an event-loop turn while the read ran", stalls)
        window.close_now()
        window.runner.wait()
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, nargs="+", default=SIZES, help="caseload sizes")
    app = make_app()
    for size in parser.parse_args().people:
        bench_size(app, size, date.today())


if __name__ == "__main__":
    main()
