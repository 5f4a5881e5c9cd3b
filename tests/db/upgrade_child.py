"""Upgrade copies of a store in processes that SIGKILL themselves after the Nth SQL statement.

Usage: python upgrade_child.py STORE FOLDER STEP

This process loads the code once and forks the rest. The first fork upgrades a copy of STORE
in FOLDER/whole to learn how many statements the upgrade takes (S; it prints "statements S").
Then for N = 1, 1 + STEP, ... and always S, a fork upgrades a copy in FOLDER/killed-after-N
and kills itself with SIGKILL straight after its Nth statement through SQLAlchemy, so the kill
lands inside the upgrade (Alembic's DDL and version updates), never in the copy made before
it. It prints "killed N" for each.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

from sqlalchemy import Engine, event

from db.connection import store_path
from db.store import Store

statements = 0
kill_after = 0


@event.listens_for(Engine, "after_cursor_execute")
def _counted(*_: object) -> None:
    global statements
    statements += 1
    if statements == kill_after:
        os.kill(os.getpid(), signal.SIGKILL)


def upgrade_in_a_fork(store: Path, data_dir: Path, n: int) -> int:
    """Upgrade a copy of `store` in a new process; its exit status, or statements taken."""
    data_dir.mkdir()
    shutil.copyfile(store, store_path(data_dir))
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        global kill_after
        kill_after = n
        Store.open(data_dir, "Upgrade Child").close()
        os.write(write, str(statements).encode())
        os._exit(0)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    with os.fdopen(read) as report:
        taken = report.read()
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
        return -signal.SIGKILL
    return int(taken)


def main() -> int:
    import alembic.command  # noqa: F401 - loaded once here, not in every fork

    store, folder, step = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    total = upgrade_in_a_fork(store, folder / "whole", 0)
    print(f"statements {total}", flush=True)
    for n in sorted({*range(1, total + 1, step), total}):
        if upgrade_in_a_fork(store, folder / f"killed-after-{n}", n) == -signal.SIGKILL:
            print(f"killed {n}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
