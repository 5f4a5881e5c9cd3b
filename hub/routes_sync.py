"""The routes a signed-in device uses: status, push and pull (docs/sync-protocol.md). Push and
pull are `db.sync.hub_side`'s, scoped to the device's worker's team; an administrator's device
manages the hub and reads no records, so it is refused both."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from pydantic import BaseModel, Field

from assessor.sync.wire import BATCH, PAGE, OutgoingChange
from db.hub_admin import DeviceInfo
from db.sync.hub_cursor import BadCursor
from db.sync.hub_side import DeviceScope, HubSync
from hub.auth import caller
from hub.errors import HubError
from hub.state import Hub

Device = Annotated[DeviceInfo, Depends(caller)]


class Change(BaseModel):
    """One row's state now, the revision it was based on, and the fields changed since."""

    change_id: str = Field(min_length=1, max_length=36)
    kind: str = Field(min_length=1, max_length=60)
    id: str = Field(min_length=1, max_length=36)
    based_on: int = Field(ge=0)
    revision: int = Field(ge=1)
    fields: dict[str, Any]
    changed: dict[str, Any] = Field(default_factory=dict)
    created_at: datetime
    updated_at: datetime
    updated_by: str
    deleted: bool = False


class PushRequest(BaseModel):
    changes: list[Change] = Field(max_length=BATCH)


class PullRequest(BaseModel):
    cursor: str | None = None
    limit: int = Field(default=PAGE, ge=1, le=PAGE)


def status(device: Device) -> dict[str, str]:
    """A cheap "can I reach the hub, and am I still enrolled"."""
    return {
        "worker": device.worker.name,
        "team": device.worker.team,
        "role": device.worker.role,
        "device_id": device.id,
    }


def push(body: PushRequest, device: Device, request: Request) -> dict[str, Any]:
    """One answer per change, in the order sent."""
    changes = [OutgoingChange.from_json(change.model_dump(mode="json")) for change in body.changes]
    results = _sync(request).push(_scope(device), changes)
    return {"results": [result.to_json() for result in results]}


def pull(body: PullRequest, device: Device, request: Request) -> dict[str, Any]:
    """The next page of the team's rows after the cursor."""
    try:
        page = _sync(request).pull(_scope(device), body.cursor, body.limit)
    except BadCursor:
        raise HubError(
            400,
            "bad_request",
            "The hub did not recognise where this laptop's last sync ended; ask council IT.",
        ) from None
    return page.to_json()


def _sync(request: Request) -> HubSync:
    hub: Hub = request.app.state.hub
    return HubSync(hub.store)


def _scope(device: DeviceInfo) -> DeviceScope:
    if device.worker.role == "administrator":
        raise HubError(
            403,
            "not_your_team",
            "An administrator's laptop manages the council's hub and does not hold records.",
        )
    return DeviceScope(device.id, device.worker.name, device.worker.team_id)
