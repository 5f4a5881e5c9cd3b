"""Where a test's store lives: a SQLite file in a data folder, or a database of its own on the
test session's PostgreSQL server. The store's tests run the same on both."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db.changelog import Clock, utc_now
from db.server import open_server_store
from db.store import Store

BACKENDS = ("sqlite", "postgresql")
WORKER = "Test Worker"


@dataclass(frozen=True)
class StorePlace:
    backend: str
    data_dir: Path
    url: str | None = None  # the database's, on PostgreSQL

    def open(self, worker: str = WORKER, *, clock: Clock = utc_now) -> Store:
        """The store here, made on first opening; every opening sees what the last one kept."""
        if self.url is not None:
            return open_server_store(self.url, worker, clock=clock)
        return Store.open(self.data_dir, worker, create=True, clock=clock)
