"""A throw-away PostgreSQL server for the tests, started once a session in about a second.

Its data folder and its socket are in a temporary folder; it listens on no TCP port. initdb
and pg_ctl refuse to run as root, as CI does, so there they run as the `postgres` user that
Debian's package makes. Without the binaries the PostgreSQL tests fail with a message saying
how to get them, unless ASSESSOR_TEST_POSTGRES=skip asks to skip them.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from db.connection import create_server_engine

SKIP_VARIABLE = "ASSESSOR_TEST_POSTGRES"
DEBIAN_BINARIES = Path("/usr/lib/postgresql")
SUPERUSER = "postgres"
TEMPLATE = "assessor_at_head"


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on the PATH, else the newest Debian install."""
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).resolve().parent
    installed = sorted(
        DEBIAN_BINARIES.glob("*/bin/pg_ctl"), key=lambda pg_ctl: int(pg_ctl.parts[-3])
    )
    return installed[-1].parent if installed else None


class PostgresServer:
    """One running server; each test asks it for a database of its own."""

    def __init__(self, folder: Path, bin_dir: Path) -> None:
        self.folder = folder
        self._bin_dir = bin_dir
        self._as_owner = ["runuser", "-u", SUPERUSER, "--"] if os.geteuid() == 0 else []
        self._numbers = itertools.count(1)

    def start(self) -> None:
        if self._as_owner:
            owner = pwd.getpwnam(SUPERUSER)
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
        self._run(
            "initdb", "-D", self._data, "-U", SUPERUSER, "--auth=trust", "--no-locale",
            "-E", "UTF8", "--no-sync",
        )  # fmt: skip
        server_options = f"-k {self.folder} -h '' -F"  # socket here, no TCP, no fsync
        self._run("pg_ctl", "-D", self._data, "-l", self._log, "-w", "-o", server_options, "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", self._data, "-m", "immediate", "stop", check=False)

    def is_running(self) -> bool:
        """Whether a server answers on this server's socket."""
        try:
            self._run_sql("SELECT 1")
        except OperationalError:
            return False
        return True

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.folder}"

    def new_database(self, *, name: str | None = None, template: str | None = None) -> str:
        """A new database, empty or a copy of `template`; returns its URL."""
        name = name or f"test_{next(self._numbers)}"
        copy_of = f" TEMPLATE {template}" if template else ""
        self._run_sql(f"CREATE DATABASE {name}{copy_of}")
        return self.url(name)

    def _run_sql(self, sql: str) -> None:
        """One statement on the server's own database, outside a transaction."""
        engine = create_server_engine(self.url("postgres"))
        try:
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.execute(text(sql))
        finally:
            engine.dispose()

    @property
    def _data(self) -> str:
        return str(self.folder / "data")

    @property
    def _log(self) -> str:
        return str(self.folder / "server.log")

    def _run(self, program: str, *arguments: str, check: bool = True) -> None:
        command = [*self._as_owner, str(self._bin_dir / program), *arguments]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if check and result.returncode != 0:
            log = Path(self._log)
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{program} failed:\n{result.stderr}\n{tail}")


@contextmanager
def running_server() -> Iterator[PostgresServer]:
    """A started server, stopped and removed on leaving, whatever the tests did."""
    bin_dir = binaries()
    if bin_dir is None:
        if os.environ.get(SKIP_VARIABLE) == "skip":
            pytest.skip(f"PostgreSQL is not installed and {SKIP_VARIABLE}=skip")
        pytest.fail(
            "PostgreSQL's initdb and pg_ctl were not found. Run `bash packaging/setup.sh`, "
            f"which installs Debian's postgresql package, or set {SKIP_VARIABLE}=skip to "
            "skip the tests that run the store on PostgreSQL.",
            pytrace=False,
        )
    # Short and outside pytest's root-only folders: the socket's path has a length limit,
    # and the postgres user must be able to reach it.
    server = PostgresServer(Path(tempfile.mkdtemp(prefix="assessor-pg-")), bin_dir)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.folder, ignore_errors=True)
