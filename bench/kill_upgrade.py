"""Kills during a schema upgrade: how many stores do not open afterwards.

Each trial copies tests/fixtures/store-schema-0001.sqlite into a new data folder and upgrades it
in a forked process, which this process kills with SIGKILL after a random delay: anywhere from
the start of `Store.open` to a fifth past the median time an unkilled upgrade takes (measured
first). The store is then opened here, and must reach the newest schema with every row schema
0001 held. The code is loaded once, before forking, so the kills fall in the upgrade itself
rather than in Python's start-up.

    .venv/bin/python -m bench.kill_upgrade --trials 100
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import statistics
import tempfile
import time
from pathlib import Path

from db.connection import store_path
from db.migrate import HEAD_REVISION, stored_revision
from db.store import Store
from tests.db.test_upgrade_kills import SCHEMA_0001, rows_of_the_first_schema


def upgrade_in_a_fork(data_dir: Path, kill_after: float | None) -> bool:
    """Upgrade a new copy of schema 0001 in `data_dir`; True if the kill landed first."""
    data_dir.mkdir()
    shutil.copyfile(SCHEMA_0001, store_path(data_dir))
    pid = os.fork()
    if pid == 0:
        Store.open(data_dir, "Bench").close()
        os._exit(0)
    if kill_after is not None:
        time.sleep(kill_after)
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status)


def outcome(data_dir: Path, expected: object) -> str:
    """ "lost rows", "does not open" or "" once the killed store is opened again."""
    try:
        Store.open(data_dir, "Bench").close()
    except Exception as problem:
        return f"does not open: {str(problem).splitlines()[0][:100]}"
    path = store_path(data_dir)
    if stored_revision(path) != HEAD_REVISION or rows_of_the_first_schema(path) != expected:
        return "lost rows"
    return ""


def below_head(data_dir: Path) -> bool:
    try:
        return stored_revision(store_path(data_dir)) != HEAD_REVISION
    except Exception:  # a store too damaged to read its revision
        return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    import alembic.command  # noqa: F401 - loaded before forking, as a running app has it

    chance = random.Random(args.seed)
    expected = rows_of_the_first_schema(SCHEMA_0001)
    with tempfile.TemporaryDirectory() as folder:
        timings = []
        for run in range(5):
            started = time.perf_counter()
            upgrade_in_a_fork(Path(folder) / f"whole-{run}", None)
            timings.append(time.perf_counter() - started)
        window = 1.2 * statistics.median(timings)
        killed = interrupted = 0
        failures: list[str] = []
        for trial in range(args.trials):
            data_dir = Path(folder) / f"trial-{trial}"
            killed += upgrade_in_a_fork(data_dir, chance.uniform(0, window))
            interrupted += below_head(data_dir)
            if problem := outcome(data_dir, expected):
                failures.append(problem)
    median = statistics.median(timings) * 1000
    print(f"upgrade 0001 -> {HEAD_REVISION} unkilled: median {median:.0f} ms (5 runs)")
    print(f"{args.trials} kills at random from 0 to {window * 1000:.0f} ms into the upgrade")
    print(f"  killed before the upgrade finished: {killed}")
    print(f"  left below the newest schema by the kill: {interrupted}")
    print(f"  stores that do not open afterwards: {sum('open' in f for f in failures)}")
    print(f"  stores that open but lost rows: {sum(f == 'lost rows' for f in failures)}")
    for reason in sorted(set(failures)):
        print(f"    {failures.count(reason)} x {reason}")


if __name__ == "__main__":
    main()
