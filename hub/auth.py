"""Enrolment codes, device secrets and session tokens.

Codes and secrets are kept only as their SHA-256: both are long random strings, so a fast hash
is enough and a stolen database gives nobody a way in. A session token is the device id and its
expiry, signed with HMAC-SHA256 under a key kept in the database (every hub process shares it).
Every authorised request reads the device again, so a revocation counts from the next request.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from datetime import UTC, datetime, timedelta

from fastapi import Request

from db.hub_access import HubAccess
from db.hub_admin import DeviceInfo
from hub.errors import HubError, revoked
from hub.state import Hub

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud, typed by hand
CODE_GROUPS = 3
CODE_GROUP = 4
CODE_LIFETIME = timedelta(hours=24)
TOKEN_LIFETIME = timedelta(minutes=15)


def new_code() -> str:
    """Twelve characters in groups of four, such as 7KQM-RT4X-HW9C."""
    return "-".join(
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP))
        for _ in range(CODE_GROUPS)
    )


def code_hash(code: str) -> str:
    """The same hash however the code was typed: case, spaces and dashes do not count."""
    normal = "".join(code.upper().split()).replace("-", "")
    return hashlib.sha256(normal.encode()).hexdigest()


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def signing_key(hub: Hub) -> bytes:
    made = HubAccess(hub.store).signing_key(lambda: secrets.token_urlsafe(48), hub.clock())
    return made.encode()


def make_token(hub: Hub, device_id: str) -> tuple[str, datetime]:
    """A token for the device and when it expires (UTC, without zone, as the clock gives)."""
    expires_at = hub.clock() + TOKEN_LIFETIME
    epoch = int(expires_at.replace(tzinfo=UTC).timestamp())
    payload = _b64(json.dumps({"device": device_id, "expires": epoch}).encode())
    signature = hmac.new(signing_key(hub), payload.encode(), hashlib.sha256).digest()
    return f"{payload}.{_b64(signature)}", expires_at


def device_of_token(hub: Hub, token: str) -> str:
    """The device id a valid, unexpired token was made for."""
    bad = HubError(401, "bad_token", "The hub did not recognise this laptop's sign-in.")
    payload, _dot, signature = token.partition(".")
    expected = hmac.new(signing_key(hub), payload.encode(), hashlib.sha256).digest()
    try:
        genuine = hmac.compare_digest(_unb64(signature), expected)
        claims = json.loads(_unb64(payload)) if genuine else None
    except ValueError:
        raise bad from None
    if not isinstance(claims, dict) or not isinstance(claims.get("device"), str):
        raise bad
    expires = datetime.fromtimestamp(int(claims["expires"]), UTC).replace(tzinfo=None)
    if expires <= hub.clock():
        raise HubError(401, "token_expired", "This laptop's sign-in has expired; sign in again.")
    return str(claims["device"])


def usable_device(hub: Hub, device_id: str) -> DeviceInfo:
    """The device, read now; refused if the hub does not know it or it was revoked."""
    device = HubAccess(hub.store).device(device_id)
    if device is None:
        raise HubError(
            401,
            "unknown_device",
            "The council's hub does not know this laptop. Ask council IT for an enrolment code.",
        )
    if device.revoked_at is not None:
        raise revoked(device.revoked_at)
    return device


def caller(request: Request) -> DeviceInfo:
    """FastAPI dependency: the bearer token checked, the device read from the database."""
    hub: Hub = request.app.state.hub
    scheme, _space, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HubError(401, "no_token", "This laptop has not signed in to the council's hub.")
    return usable_device(hub, device_of_token(hub, token.strip()))
