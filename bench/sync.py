"""Sync with the council's hub, end to end over HTTP (medians, and a ratio to a bare insert).

A real hub (FastAPI under uvicorn on 127.0.0.1, in this process) on a SQLite file in a
temporary folder, then on a throw-away PostgreSQL server when PostgreSQL is installed, holds two
teams of fictional people (ten rows a person: page one, someone who matters, a contact with four
answers on page two, a goal reviewed twice; `bench/sync_world.py`). Real laptops (stores on
temporary files, enrolled with one-time codes, secrets in an in-memory keyring) sync with it
through `council.engine.sync_once`, as the app does. It prints, per hub:

- a laptop's first sync of a worker's 500-person caseload: rows received and seconds (aim: under
  3 s), each run a new laptop;
- a team lead's first sync of a 5,000-person team (aim: under 30 s; 1,000 people with --quick);
- for both, rows received a second against a bare bulk insert of the same rows into an empty
  laptop store on the same disk (one `INSERT` of many rows a table, one transaction), measured
  after each run: the ratio bare/sync says how many times slower than a bare insert receiving is;
- a sync with nothing to do (aim: under 100 ms): signing in, nothing to push, one empty pull;
- pushing 1,000 changes made on the synced laptop (500 people's phone numbers changed, 500
  contacts added; aim: under 1 s), until the last batch's answers are settled on the laptop;
  of that, the time from sending each batch to the hub's whole answer arriving (the hub's part);
  and the whole sync with the pull that follows.

    .venv/bin/python -m bench.sync [--runs N] [--quick] [--sqlite-only]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import httpx
from sqlalchemy import insert, select

from assessor.record import Contact
from bench.sync_world import LEAD, WORKER, Laptops, postgres_available, running_hub
from council.engine import SyncProgress, sync_once
from council.transport import TIMEOUT
from db.models import Base
from db.repositories.received import synced_models
from db.store import Store

CASELOAD = 500
TEAM = 5000
QUICK_TEAM = 1000
RUNS = 3
CHANGES = 1000  # half of them edits of the caseload's people, half new contacts


@dataclass(frozen=True)
class FirstSync:
    rows: int
    seconds: float
    bare_seconds: float  # the same rows bulk-inserted into an empty store


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _verdict(value: float, aim: float) -> str:
    return "met" if value < aim else "NOT met"


def bare_insert(source: Store, target: Store) -> float:
    """Seconds to insert every synced row `source` holds into the empty `target`, table by
    table in the order foreign keys need, in one transaction: the bare baseline."""
    names = set(synced_models())
    tables = [table for table in Base.metadata.sorted_tables if table.name in names]
    with source.engine.connect() as reading:
        rows = {
            table: [dict(r) for r in reading.execute(select(table)).mappings()] for table in tables
        }
    started = time.perf_counter()
    with target.engine.begin() as writing:
        for table, values in rows.items():
            if values:
                writing.execute(insert(table), values)
    return time.perf_counter() - started


def first_sync(laptops: Laptops, worker: str) -> FirstSync:
    """A new laptop's first sync, then the same rows inserted bare."""
    laptop = laptops.new(worker)
    started = time.perf_counter()
    summary = sync_once(laptop, credentials=laptops.credentials)
    seconds = time.perf_counter() - started
    return FirstSync(summary.received, seconds, bare_insert(laptop, laptops.empty_store()))


def nothing_to_do(laptops: Laptops, laptop: Store, runs: int) -> list[float]:
    sync_once(laptop, credentials=laptops.credentials)  # anything left over; warms the hub
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        summary = sync_once(laptop, credentials=laptops.credentials)
        times.append(time.perf_counter() - started)
        assert summary.sent == summary.received == 0, summary
    return times


def make_changes(laptop: Store, run: int) -> None:
    """CHANGES changes on the laptop, each its own transaction as the app makes them."""
    people = [found.id for found in laptop.findable_people()][: CHANGES // 2]
    for number, person_id in enumerate(people):
        laptop.update_person(person_id, {"phone": f"07700 900{(number + run) % 1000:03d}"})
    for person_id in people:
        laptop.add_contact(Contact(person_id, date(2026, 11, 24 + run % 5)))


class HubTime:
    """Seconds from sending each push to the hub's answer arriving: the hub's part of a push
    (with the loopback and HTTP), read from an HTTP client's event hooks."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._sent = 0.0
        hooks = {"request": [self._request], "response": [self._response]}
        self.client = httpx.Client(timeout=TIMEOUT, event_hooks=hooks)

    def _request(self, request: httpx.Request) -> None:
        self._sent = time.perf_counter()

    def _response(self, response: httpx.Response) -> None:
        if response.request.url.path.endswith("/v1/push"):
            response.read()
            self.seconds += time.perf_counter() - self._sent


def push(laptops: Laptops, laptop: Store, run: int) -> tuple[float, float, float, int]:
    """Seconds until the last batch is settled, of them waiting for the hub's answers, seconds
    for the whole sync, and the changes sent."""
    make_changes(laptop, run)
    pushed: list[float] = []
    hub = HubTime()
    started = time.perf_counter()

    def progress(step: SyncProgress) -> None:
        if step.stage == "sending":
            pushed.append(time.perf_counter() - started)

    with hub.client:
        summary = sync_once(
            laptop, credentials=laptops.credentials, progress=progress, client=hub.client
        )
    whole = time.perf_counter() - started
    assert summary.not_accepted == summary.waiting == 0, summary
    return pushed[-1], hub.seconds, whole, summary.sent


def _report_first(label: str, runs: list[FirstSync], aim: float) -> None:
    rows = runs[-1].rows
    seconds = _median([run.seconds for run in runs])
    rate = _median([run.rows / run.seconds for run in runs])
    bare = _median([run.rows / run.bare_seconds for run in runs])
    print(
        f"  {label}: {rows:,} rows received in {seconds:.2f} s, median of {len(runs)} "
        f"(aim: under {aim:g} s; {_verdict(seconds, aim)})"
    )
    print(
        f"    {rate:,.0f} rows/s received; a bare bulk insert of the same rows "
        f"{bare:,.0f} rows/s; ratio bare/sync {bare / rate:.1f}"
    )


def measure(backend: str, runs: int, team: int) -> None:
    with tempfile.TemporaryDirectory(prefix="assessor-bench-sync-") as folder:
        started = time.perf_counter()
        with running_hub(backend, Path(folder), CASELOAD, team) as hub:
            print(
                f"{backend} hub at {hub.url}: seeded with {CASELOAD:,} + {team:,} people "
                f"in {time.perf_counter() - started:.1f} s"
            )
            laptops = Laptops(hub)
            try:
                _measure(laptops, runs, team)
            finally:
                laptops.close()


def _measure(laptops: Laptops, runs: int, team: int) -> None:
    caseload = [first_sync(laptops, WORKER) for _ in range(runs)]
    _report_first(f"First sync of a {CASELOAD:,}-person caseload", caseload, 3)
    lead = [first_sync(laptops, LEAD) for _ in range(runs)]
    _report_first(f"A team lead's first sync of a {team:,}-person team", lead, 30)

    laptop = laptops.new(WORKER)
    sync_once(laptop, credentials=laptops.credentials)
    idle = _median(nothing_to_do(laptops, laptop, max(runs, 5))) * 1000
    print(f"  A sync with nothing to do: {idle:.0f} ms (aim: under 100 ms; {_verdict(idle, 100)})")

    pushes = [push(laptops, laptop, run) for run in range(runs)]
    pushed, at_hub, whole = (_median([p[n] for p in pushes]) for n in range(3))
    print(
        f"  Pushing {pushes[-1][3]:,} changes: {pushed:.2f} s until the last answer is settled, "
        f"median of {runs} (aim: under 1 s; {_verdict(pushed, 1)})"
    )
    print(
        f"    of which waiting for the hub's answers {at_hub:.2f} s (aim: under 1 s; "
        f"{_verdict(at_hub, 1)}); the whole sync with the pull after it {whole:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help="runs of each measurement")
    parser.add_argument(
        "--quick", action="store_true", help=f"a {QUICK_TEAM:,}-person team, 2 runs"
    )
    parser.add_argument("--sqlite-only", action="store_true", help="no PostgreSQL hub")
    args = parser.parse_args()
    runs = 2 if args.quick and args.runs == RUNS else args.runs
    team = QUICK_TEAM if args.quick else TEAM
    measure("sqlite", runs, team)
    if args.sqlite_only:
        return
    if not postgres_available():
        print("PostgreSQL is not installed (bash packaging/setup.sh installs it): not measured")
        return
    measure("postgresql", runs, team)


if __name__ == "__main__":
    main()
