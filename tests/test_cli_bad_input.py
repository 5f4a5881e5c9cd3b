"""Issue 10: every bad input at the command line gets one plain line and a non-zero exit.

The whole matrix (tests/bad_inputs/cases.py) runs here: in this process through `ui.app.main`
for speed, and as real processes where only a real process shows it. The long run, every case
as its own process, is `.venv/bin/python -m bench.bad_input`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.bad_inputs.cases import MATRIX, Case
from tests.bad_inputs.running import (
    faults,
    prepare,
    release,
    run_batch,
    run_inside,
    run_process,
    snapshot,
)
from ui.app import main

REPO = Path(__file__).resolve().parents[1]
# Shown by a real process on its own: argv and environment bytes as the system hands them, and
# standard output on /dev/full or a pipe whose reader has gone.
IN_A_REAL_PROCESS = {
    "export: person id not UTF-8",
    "example-caseload: ASSESSOR_WORKER not UTF-8, no store yet",
    "export: standard output on /dev/full",
    "export: standard output a closed pipe",
    "--help: standard output on /dev/full",
}


@pytest.fixture(scope="module")
def good_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("good")
    assert main(["example-caseload", "--data-dir", str(data)]) == 0
    return data / "assessor.sqlite"


def judged(cases: list[Case], root: Path, good_store: Path, run) -> dict[str, list[str]]:
    """Prepare every case's folder, run them all with `run`, and name what each did wrong."""
    folders = [root / f"case-{number}" for number in range(len(cases))]
    befores = []
    for case, folder in zip(cases, folders, strict=True):
        prepare(case, folder, good_store)
        befores.append(snapshot(folder))
    outcomes = run(list(zip(cases, folders, strict=True)))
    found = {}
    for case, folder, before, outcome in zip(cases, folders, befores, outcomes, strict=True):
        wrong = faults(case, outcome, before, snapshot(folder))
        release(folder)
        if wrong:
            found[case.name] = [*wrong, outcome.stderr.decode("utf-8", "replace")[-200:]]
    return found


def test_the_matrix_covers_every_command_and_kind_of_bad_input() -> None:
    assert len(MATRIX) >= 180
    assert len({case.name for case in MATRIX}) == len(MATRIX)
    commands = {case.name.split(":")[0] for case in MATRIX}
    assert {"usage", "people", "example-caseload", "export", "plan", "record"} <= commands


def test_every_bad_input_gets_one_plain_line_and_leaves_nothing_behind(
    tmp_path: Path, good_store: Path
) -> None:
    """Non-zero exit, no traceback, one line on stderr, no control character from the input
    shown, no file half-written and no new empty store: for every case this process can run."""
    cases = [case for case in MATRIX if not case.needs_a_process]
    found = judged(
        cases,
        tmp_path,
        good_store,
        lambda pairs: [run_inside(case, folder) for case, folder in pairs],
    )
    assert found == {}


@pytest.mark.slow
def test_bad_inputs_only_a_real_process_shows(tmp_path: Path, good_store: Path) -> None:
    """Signals; permissions, with root's power to override them dropped; and a handful of
    cases again as their own processes: raw argv and environment bytes, /dev/full, a closed
    pipe."""
    batch = [case for case in MATRIX if case.needs_a_process and case.signal is None]
    alone = [case for case in MATRIX if case.signal is not None or case.name in IN_A_REAL_PROCESS]
    assert len(alone) == 3 + len(IN_A_REAL_PROCESS)
    found = judged(
        batch, tmp_path / "batch", good_store, lambda pairs: run_batch(pairs, sys.executable, REPO)
    )
    found |= judged(
        alone,
        tmp_path / "alone",
        good_store,
        lambda pairs: [run_process(case, folder, sys.executable, REPO) for case, folder in pairs],
    )
    assert found == {}
