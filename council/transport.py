"""The hub's endpoints over HTTP (docs/sync-protocol.md, "Endpoints"), every failure turned into
a `SyncProblem` a worker can read.

An answer is read whole and checked before anything is done with it, so a body cut short or
malformed never reaches the store.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import Any, TypeVar

import httpx

from assessor.sync.wire import ChangeResult, OutgoingChange, PulledPage
from council.problems import HubTrouble, Offline, Revoked, SyncProblem

TIMEOUT = httpx.Timeout(30.0, connect=5.0)  # a slow hub is waited for; an absent one is not
REVOKED = frozenset({"revoked", "unknown_device", "bad_secret"})
SESSION_ENDED = frozenset({"no_token", "token_expired", "bad_token"})

T = TypeVar("T")


class SessionEnded(HubTrouble):
    """The session token ran out during a sync: a new one is asked for."""


class Hub:
    """One hub's address and an HTTP client (made here unless one is given)."""

    def __init__(self, url: str, client: httpx.Client | None = None) -> None:
        self.url = url.rstrip("/")
        self._client = client if client is not None else httpx.Client(timeout=TIMEOUT)
        self._owned = client is None

    def __enter__(self) -> Hub:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._owned:
            self._client.close()

    def enrol(self, code: str, device_name: str) -> Mapping[str, Any]:
        return self._post("/v1/enrol", {"code": code, "device_name": device_name})

    def session(self, device_id: str, secret: str) -> str:
        answer = self._post("/v1/session", {"device_id": device_id, "secret": secret})
        return _read(lambda: str(answer["token"]))

    def push(self, token: str, changes: Sequence[OutgoingChange]) -> list[ChangeResult]:
        body = {"changes": [change.to_json() for change in changes]}
        answer = self._post("/v1/push", body, token)
        results = _read(lambda: [ChangeResult.from_json(r) for r in answer["results"]])
        if len(results) != len(changes):
            raise HubTrouble()
        return results

    def pull(self, token: str, cursor: str | None, limit: int) -> PulledPage:
        answer = self._post("/v1/pull", {"cursor": cursor, "limit": limit}, token)
        return _read(lambda: PulledPage.from_json(answer))

    def _post(self, path: str, body: Mapping[str, Any], token: str = "") -> Mapping[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            response = self._client.post(self.url + path, json=body, headers=headers)
            answer = response.json()
        except (httpx.InvalidURL, httpx.UnsupportedProtocol):
            raise SyncProblem(
                f"{self.url} is not an address of the council's hub. Check it with council IT."
            ) from None
        except (httpx.TimeoutException, httpx.ConnectError):
            raise Offline() from None
        except (httpx.HTTPError, ValueError):  # cut short, or not JSON: a problem at the hub
            raise HubTrouble() from None
        if not isinstance(answer, dict):
            raise HubTrouble()
        if response.status_code != 200:
            raise _refusal(response.status_code, answer)
        return answer


def _read(parse: Callable[[], T]) -> T:
    """`parse()`, with a malformed answer as the hub's problem."""
    try:
        return parse()
    except (KeyError, TypeError, ValueError):
        raise HubTrouble() from None


def _refusal(status: int, answer: Mapping[str, Any]) -> SyncProblem:
    error = answer.get("error")
    code = str(error.get("code", "")) if isinstance(error, dict) else ""
    message = str(error.get("message", "")) if isinstance(error, dict) else ""
    if status >= 500:
        return HubTrouble()
    if status == 401 and code in SESSION_ENDED:
        return SessionEnded()
    if status == 401 and code in REVOKED:
        return Revoked(
            message
            or "The council's hub no longer accepts this laptop. Nothing on it has been "
            "removed; ask council IT to connect it again."
        )
    return SyncProblem(message or f"The council's hub refused this ({status}).")
