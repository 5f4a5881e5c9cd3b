"""The one way into a store: every engine and every raw connection is opened here.

A laptop's store is a SQLite file; the council's is a PostgreSQL database. Each is opened with
the key its `KeyProvider` gives (none, for a plain store), so encryption at rest later is a new
provider in `db.keys` and a driver switch in `_file_driver`, not a hunt through the code. A key
given to a driver that cannot use it is refused in plain words, never ignored.

SQLAlchemy is imported only inside the functions that need it: the window shows the caseload
through `raw_connection` before SQLAlchemy has loaded.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

from db.keys import PLAIN, KeyProvider, key_not_usable, no_keys

if TYPE_CHECKING:
    from sqlalchemy import Engine

STORE_FILE_NAME = "assessor.sqlite"
# How a raw connection may open the file: read-write; read-only; read-only on a file nothing
# else writes (a backup being checked), so SQLite makes no journal files beside it.
Mode = Literal["rw", "ro", "immutable"]
_URI_QUERY = {"rw": "", "ro": "?mode=ro", "immutable": "?mode=ro&immutable=1"}


def store_path(data_dir: Path) -> Path:
    return data_dir / STORE_FILE_NAME


def create_store_engine(
    path: Path, busy_timeout_ms: int = 5000, keys: KeyProvider = PLAIN
) -> Engine:
    """An engine on the store file with WAL, foreign keys, full sync and real transactions.

    Full sync costs a few milliseconds a commit and means a saved word survives a power cut,
    not only a crash of the app. Python's sqlite3 driver, left to itself, begins a transaction
    only before INSERT, UPDATE or DELETE, so schema changes (CREATE TABLE in a migration) and
    the reads before a write ran outside any transaction: a kill mid-upgrade left half a
    schema. Here the driver begins nothing and every SQLAlchemy transaction emits its own
    BEGIN (SQLAlchemy's documented recipe for pysqlite), so a migration, with its version
    update, commits whole or not at all, and each store method is one real transaction. A
    write waits up to `busy_timeout_ms` for another writer; the app waits less than the
    command line, because it retries rather than freeze.
    """
    from sqlalchemy import create_engine, event

    driver = _file_driver(path, keys)
    # hide_parameters: an error names the statement, never the words being saved.
    engine = create_engine(f"sqlite:///{path}", module=driver, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # the driver's own BEGIN, never
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def create_server_engine(url: str, keys: KeyProvider = PLAIN) -> Engine:
    """An engine on a PostgreSQL database (`postgresql+psycopg://…`): the council's server,
    or a throw-away one in the tests. The server keeps its own files encrypted, so a key
    from `keys` has nowhere to go and is refused."""
    from sqlalchemy import create_engine, make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(f"A store on a server needs a postgresql URL, not {parsed.drivername}")
    named = parsed.render_as_string(hide_password=True)
    if _key(named, keys) is not None:
        raise key_not_usable(named)
    return create_engine(parsed, hide_parameters=True)


@contextmanager
def raw_connection(
    path: Path, mode: Mode = "rw", *, isolation_level: str | None = "", keys: KeyProvider = PLAIN
) -> Iterator[sqlite3.Connection]:
    """A DB-API connection to the store file, closed on leaving: for the caseload read before
    SQLAlchemy loads, for checking and copying files, and for the tests' own SQL.
    `isolation_level` is the driver's (None: the caller writes its own BEGIN)."""
    driver = _file_driver(path, keys)
    target = f"{path.absolute().as_uri()}{_URI_QUERY[mode]}"
    connection = driver.connect(target, uri=True, isolation_level=isolation_level)
    with closing(connection):
        yield connection


def copy_store(source: Path, target: Path, keys: KeyProvider = PLAIN) -> None:
    """A consistent copy of the store at `source` (its write-ahead log included) as one
    self-contained file at `target`, made with SQLite's backup, safe while others read."""
    with raw_connection(source, keys=keys) as original, raw_connection(target, keys=keys) as copy:
        original.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")


def _file_driver(path: Path, keys: KeyProvider) -> ModuleType:
    """The DB-API module that opens the file: the standard sqlite3 for a plain store. An
    encrypted store's driver, and the key it is given on connecting, go here."""
    if _key(str(path), keys) is not None:
        raise key_not_usable(str(path))
    return sqlite3


def _key(store: str, keys: KeyProvider) -> bytes | None:
    if not keys.is_available():
        raise no_keys(store)
    return keys.key_for(store)
