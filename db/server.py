"""A store in a PostgreSQL database: the council's server next, a throw-away server in the
tests now. It runs the same migrations and the same store code as a laptop's file; the server
keeps its own copies and permissions, so there is no backup or folder work here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from db.changelog import Clock, utc_now
from db.connection import create_server_engine
from db.migrate import HEAD_REVISION, refuse_if_too_new, upgrade_to_head

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from db.store import Store


def open_server_store(url: str, worker: str, *, clock: Clock = utc_now) -> Store:
    """The store in the database at `url` (`postgresql+psycopg://…`), at the current schema."""
    from db.store import Store

    engine = create_server_engine(url)
    try:
        prepare_database(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, worker, clock)


def prepare_database(engine: Engine) -> None:
    """An empty database made whole, an older one upgraded, one from a newer Assessor refused
    and left as it is; each in one transaction."""
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        revision = (
            connection.scalar(text("SELECT version_num FROM alembic_version"))
            if inspect(connection).has_table("alembic_version")
            else None
        )
    if revision == HEAD_REVISION:
        return  # the usual opening: Alembic is not even loaded
    if revision is not None:
        refuse_if_too_new(revision)
    upgrade_to_head(engine)
