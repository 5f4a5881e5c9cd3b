"""Opening the hub's store: a SQLite file in its data folder by default, or a PostgreSQL
database by URL. A database that cannot be reached is one plain `HubDatabaseUnreachable`, so
neither the command nor the server ever shows a driver's traceback."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import ArgumentError, DBAPIError, InterfaceError, OperationalError

from assessor.problems import PlainProblem
from db.changelog import Clock, utc_now
from db.server import open_server_store
from db.store import Store

HUB_NAME = "hub"  # the name the hub's own writes are stamped with


class HubDatabaseUnreachable(PlainProblem):
    """The hub's database did not answer; str() says what to check."""


def open_hub_store(data_dir: Path, database: str | None, *, clock: Clock = utc_now) -> Store:
    """The hub's store, made and migrated on first use."""
    if database is None:
        return Store.open(data_dir, HUB_NAME, create=True, clock=clock)
    try:
        return open_server_store(database, HUB_NAME, clock=clock)
    except (ArgumentError, ValueError) as problem:
        raise HubDatabaseUnreachable(
            "The database address is not one the hub can use: give a PostgreSQL URL such as "
            "postgresql+psycopg://hub@db.example/assessor, or leave out --database to use the "
            "SQLite file in the data folder."
        ) from problem
    except (OperationalError, InterfaceError) as problem:
        raise unreachable_problem() from problem


def is_unreachable(problem: BaseException) -> bool:
    """Whether a failure means the database could not be reached (rather than a mistake)."""
    if isinstance(problem, OperationalError | InterfaceError):
        return True
    return isinstance(problem, DBAPIError) and problem.connection_invalidated


def unreachable_problem() -> HubDatabaseUnreachable:
    return HubDatabaseUnreachable(
        "The hub's database cannot be reached. Check that it is running and that the "
        "address given with --database (or ASSESSOR_HUB_DATABASE) is right."
    )
