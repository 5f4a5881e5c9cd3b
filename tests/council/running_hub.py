"""A real hub for the laptop's tests: uvicorn on 127.0.0.1 in a thread, on its own SQLite file
(or a PostgreSQL database), set up with the `assessor-hub` commands council IT uses.

The listening socket is made here and listening before uvicorn starts, so a request sent at
once waits in the socket's queue rather than failing: no wait for the server to come up. The
hub can be stopped (the laptop is then offline) and started again on the same port; while it
is stopped the port stays bound here, not listening, so connecting is refused and no other
program on this machine can take the port meanwhile.
"""

from __future__ import annotations

import io
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path

import uvicorn

from db.changelog import Clock, utc_now
from db.hub_open import open_hub_store
from db.store import Store
from hub.app import create_app
from hub.cli import main as hub_command

STOP_TIMEOUT = 15.0  # seconds


@dataclass
class RunningHub:
    data_dir: Path
    database: str | None = None
    port: int = 0
    clock: Clock = utc_now  # UTC without zone, for the server and the commands alike
    _server: uvicorn.Server | None = field(default=None, repr=False)
    _thread: threading.Thread | None = field(default=None, repr=False)
    _store: Store | None = field(default=None, repr=False)
    _held: socket.socket | None = field(default=None, repr=False)  # the port, while stopped

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._store = open_hub_store(self.data_dir, self.database, clock=self.clock)
        if self._held is not None:
            self._held.close()
            self._held = None
        listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind(("127.0.0.1", self.port))
        listening.listen(64)
        self.port = listening.getsockname()[1]
        config = uvicorn.Config(
            create_app(self._store, self.clock), log_level="warning", lifespan="off"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [listening]}, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop answering: from now on the laptop cannot reach it."""
        if self._server is None or self._thread is None or self._store is None:
            return
        self._server.should_exit = True
        self._thread.join(STOP_TIMEOUT)
        assert not self._thread.is_alive(), "the hub did not stop"
        self._store.close()
        self._server = self._thread = self._store = None
        # Without SO_REUSEADDR, so no one else binds it; the laptops' connections must be
        # closed first (they are, after each sync), or the port is still in use.
        self._held = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._held.bind(("127.0.0.1", self.port))

    def close(self) -> None:
        self.stop()
        if self._held is not None:
            self._held.close()
            self._held = None

    def admin(self, *argv: str) -> str:
        """One `assessor-hub` command on this hub's database; its standard output."""
        out, err = io.StringIO(), io.StringIO()
        where = ["--data-dir", str(self.data_dir)]
        if self.database is not None:
            where += ["--database", self.database]
        code = hub_command([argv[0], *where, *argv[1:]], out, err, self.clock)
        assert code == 0, err.getvalue()
        return out.getvalue()

    def team(self, team: str, *workers: str) -> None:
        self.admin("add-team", team)
        for worker in workers:
            self.admin("add-worker", worker, "--team", team, "--role", "worker")

    def code_for(self, worker: str) -> str:
        """A fresh one-time enrolment code, as council IT gives it (the last line)."""
        return self.admin("enrolment-code", worker).splitlines()[-1]
