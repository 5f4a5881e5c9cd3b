"""Serving the hub with uvicorn. Plain HTTP: in production a reverse proxy in front of it
(nginx, Caddy) terminates TLS and forwards to the loopback address (README.md)."""

from __future__ import annotations

import uvicorn

from db.changelog import Clock
from db.store import Store
from hub.app import create_app


def serve(store: Store, host: str, port: int, clock: Clock) -> None:
    """Answer requests until stopped (Ctrl+C or SIGTERM)."""
    uvicorn.run(create_app(store, clock), host=host, port=port, log_level="info")
