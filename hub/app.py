"""The council's hub as an ASGI app: the routes, their error shape, and the store they use."""

from __future__ import annotations

from fastapi import FastAPI

from db.changelog import Clock, utc_now
from db.store import Store
from hub import routes_enrol, routes_sync
from hub.errors import install_handlers
from hub.state import Hub


def api() -> FastAPI:
    """The routes and their answers, with no store yet: the route table the tests walk."""
    app = FastAPI(
        title="Assessor: the council's hub",
        version="1",
        description="Sync between workers' laptops and the council (docs/sync-protocol.md).",
        docs_url=None,
        redoc_url=None,
    )
    app.add_api_route("/v1/enrol", routes_enrol.enrol, methods=["POST"])
    app.add_api_route("/v1/session", routes_enrol.session, methods=["POST"])
    app.add_api_route("/v1/push", routes_sync.push, methods=["POST"])
    app.add_api_route("/v1/pull", routes_sync.pull, methods=["POST"])
    app.add_api_route("/v1/status", routes_sync.status, methods=["GET"])
    install_handlers(app)
    return app


def create_app(store: Store, clock: Clock = utc_now) -> FastAPI:
    """The hub on `store`; `clock` gives UTC without zone (tests pin it)."""
    app = api()
    app.state.hub = Hub(store, clock)
    return app
