"""Runs the whole bad-input matrix (tests/bad_inputs) as real `assessor` processes and prints
how many ended in a traceback, and how many broke any other rule: exit 0, not exactly one line
on standard error, control characters from the input shown, or files left half-written.

    .venv/bin/python -m bench.bad_input [--repo PATH] [--jobs N] [--list]

--repo runs another checkout's code (for example an older commit in a `git worktree`) with
this checkout's matrix.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.bad_inputs.cases import MATRIX, Case
from tests.bad_inputs.running import faults, prepare, release, run_process, snapshot

REPO = Path(__file__).resolve().parents[1]


def good_store(folder: Path, repo: Path) -> Path:
    """The example caseload, stored by the code under test itself."""
    data = folder / "good"
    subprocess.run(
        [sys.executable, "-m", "ui.app", "example-caseload", "--data-dir", str(data)],
        env={"PYTHONPATH": str(repo), "ASSESSOR_WORKER": "Sam Patel", "HOME": str(folder)},
        check=True,
        capture_output=True,
    )
    return data / "assessor.sqlite"


def trial(case: Case, folder: Path, store: Path, repo: Path) -> list[str]:
    prepare(case, folder, store)
    before = snapshot(folder)
    outcome = run_process(case, folder, sys.executable, repo)
    found = faults(case, outcome, before, snapshot(folder))
    release(folder)
    return found


def _kind(fault: str) -> str:
    if fault.endswith("lines on stderr"):
        return "not exactly one line on stderr"
    return fault.split(":")[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=REPO, help="the code to try")
    parser.add_argument("--jobs", type=int, default=2, help="processes at once")
    parser.add_argument("--list", action="store_true", help="name every case that broke a rule")
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bad-input-") as scratch:
        root = Path(scratch)
        store = good_store(root, args.repo.resolve())
        with ThreadPoolExecutor(args.jobs) as pool:
            results = list(
                pool.map(
                    lambda numbered: trial(
                        numbered[1], root / f"case-{numbered[0]}", store, args.repo.resolve()
                    ),
                    enumerate(MATRIX),
                )
            )
    broken = Counter(_kind(fault) for found in results for fault in found)
    tracebacks = sum("traceback" in found for found in results)
    print(f"code: {args.repo.resolve()}")
    print(f"{len(MATRIX)} bad inputs, each a real process, in {time.monotonic() - started:.0f} s")
    print(f"ended in a traceback: {tracebacks}")
    print(f"broke any rule: {sum(bool(found) for found in results)}")
    for fault, count in broken.most_common():
        print(f"  {fault}: {count}")
    if args.list:
        for case, found in zip(MATRIX, results, strict=True):
            if found:
                print(f"{case.name}: {'; '.join(found)}")


if __name__ == "__main__":
    main()
