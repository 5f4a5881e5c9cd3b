"""Enrolment (a one-time code for a device id and secret) and sign-in (the secret for a
session token): the two routes a device reaches without a token."""

from __future__ import annotations

import hmac
import uuid
from datetime import UTC, datetime
from typing import Any

from fastapi import Request
from pydantic import BaseModel, Field

from db.hub_access import CodeRefused, HubAccess
from db.hub_admin import WorkerInfo
from hub.auth import code_hash, make_token, new_secret, secret_hash, usable_device
from hub.errors import HubError
from hub.state import Hub

_CODE_ANSWERS = {
    "unknown": (400, "bad_request"),
    "used": (409, "code_used"),
    "expired": (410, "code_expired"),
}


class EnrolRequest(BaseModel):
    code: str = Field(min_length=1, max_length=40)
    device_name: str = Field(min_length=1, max_length=200)


class SessionRequest(BaseModel):
    device_id: str = Field(min_length=1, max_length=36)
    secret: str = Field(min_length=1, max_length=200)


def worker_json(worker: WorkerInfo) -> dict[str, str]:
    return {"name": worker.name, "team": worker.team, "role": worker.role}


def utc_text(moment: datetime) -> str:
    return moment.replace(tzinfo=UTC).isoformat()


def enrol(body: EnrolRequest, request: Request) -> dict[str, Any]:
    """A valid, unused, unexpired code gives a device id and its secret, once."""
    hub: Hub = request.app.state.hub
    device_id = str(uuid.uuid4())
    secret = new_secret()
    try:
        worker = HubAccess(hub.store).enrol(
            code_hash(body.code), device_id, body.device_name, secret_hash(secret), hub.clock()
        )
    except CodeRefused as refusal:
        status, code = _CODE_ANSWERS[refusal.reason]
        raise HubError(status, code, str(refusal)) from None
    return {"device_id": device_id, "secret": secret, "worker": worker_json(worker)}


def session(body: SessionRequest, request: Request) -> dict[str, Any]:
    """The device's secret gives a token that lives 15 minutes."""
    hub: Hub = request.app.state.hub
    device = usable_device(hub, body.device_id)
    if not hmac.compare_digest(device.secret_hash, secret_hash(body.secret)):
        raise HubError(
            401,
            "bad_secret",
            "The council's hub did not accept this laptop's key. Ask council IT to connect it "
            "again.",
        )
    HubAccess(hub.store).seen(device.id, hub.clock())
    token, expires_at = make_token(hub, device.id)
    return {
        "token": token,
        "expires_at": utc_text(expires_at),
        "worker": worker_json(device.worker),
    }
