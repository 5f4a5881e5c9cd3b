"""A schema upgrade killed at any point leaves a store that opens, reaches head and lost nothing.

A child process upgrades copies of the schema-0001 fixture in forked processes, each of which
SIGKILLs itself after the Nth SQL statement of the upgrade (tests/db/upgrade_child.py), for N
spread from the first statement to the last: just after `CREATE TABLE goals`, between two
migrations, after the last version update but before the commit. `bench/kill_upgrade.py` does
the same with 100 randomly timed kills from outside.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from db.connection import raw_connection, store_path
from db.migrate import HEAD_REVISION, stored_revision
from db.store import Store
from tests.db import upgrade_child

pytestmark = pytest.mark.sqlite_only  # killing upgrades of a SQLite file

REPO = Path(__file__).resolve().parents[2]
SCHEMA_0001 = REPO / "tests" / "fixtures" / "store-schema-0001.sqlite"


def rows_of_the_first_schema(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table schema 0001 had, in the columns it had then."""
    with raw_connection(SCHEMA_0001) as first:
        tables = {
            name: [f'"{column[1]}"' for column in first.execute(f"PRAGMA table_info({name})")]
            for (name,) in first.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if name != "alembic_version"
        }
    with raw_connection(path) as connection:
        return {
            name: connection.execute(
                f"SELECT {', '.join(columns)} FROM {name} ORDER BY {', '.join(columns)}"
            ).fetchall()
            for name, columns in tables.items()
        }


@pytest.mark.slow
def test_an_upgrade_killed_after_any_statement_opens_at_head_with_nothing_lost(
    tmp_path: Path,
) -> None:
    child = subprocess.run(
        [sys.executable, upgrade_child.__file__, str(SCHEMA_0001), str(tmp_path), "4"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
        check=True,
    )
    lines = child.stdout.splitlines()
    total = int(lines[0].removeprefix("statements "))
    killed = [int(line.removeprefix("killed ")) for line in lines[1:]]
    assert total > 20 and killed[0] == 1 and killed[-1] == total, child.stdout + child.stderr

    expected = rows_of_the_first_schema(SCHEMA_0001)
    for n in killed:
        data_dir = tmp_path / f"killed-after-{n}"
        try:
            Store.open(data_dir, "Test Worker").close()
        except Exception as problem:
            pytest.fail(
                f"killed after statement {n} of {total}, the store does not open: {problem}"
            )
        assert stored_revision(store_path(data_dir)) == HEAD_REVISION, n
        assert rows_of_the_first_schema(store_path(data_dir)) == expected, n


KILLED_MID_WRITE = """
import os, signal, sys
from pathlib import Path
from db.connection import raw_connection
with raw_connection(Path(sys.argv[1]), isolation_level=None) as connection:
    connection.execute("PRAGMA cache_size=2")  # changed pages reach the file before the commit
    connection.execute("BEGIN")
    connection.execute("UPDATE people SET family_name = 'Half-written'")
    connection.execute(
        "CREATE TABLE filler AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
        "WHERE i < 100) SELECT randomblob(4000) AS b FROM n"
    )
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_store_killed_mid_write_in_rollback_journal_mode_opens_with_nothing_lost(
    tmp_path: Path,
) -> None:
    """A store not yet in WAL mode (the fixtures; new and restored stores until first opened)
    keeps a hot rollback journal when killed mid-write: opening rolls it back."""
    path = store_path(tmp_path)
    shutil.copyfile(SCHEMA_0001, path)
    child = subprocess.run([sys.executable, "-c", KILLED_MID_WRITE, str(path)], check=False)
    assert child.returncode == -signal.SIGKILL
    assert path.with_name(path.name + "-journal").stat().st_size > 0

    Store.open(tmp_path, "Test Worker").close()

    assert stored_revision(path) == HEAD_REVISION
    assert rows_of_the_first_schema(path) == rows_of_the_first_schema(SCHEMA_0001)
