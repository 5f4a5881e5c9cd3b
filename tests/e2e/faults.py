"""Faults between a laptop and the hub, on a real loopback connection to a real hub.

An httpx transport wrapping the real one: each request either goes through untouched or meets
the next fault queued for it. The faults are the ones offline systems lose work to: a request
lost on the way, an answer lost after the hub committed, a request delivered twice, a timeout,
a 503 from a proxy, an answer cut short.
"""

from __future__ import annotations

from collections import deque
from enum import StrEnum

import httpx


class Fault(StrEnum):
    LOST_REQUEST = "lost request"
    LOST_RESPONSE = "lost response after the hub committed"
    DUPLICATE = "duplicate"
    TIMEOUT = "timeout"
    UNAVAILABLE = "503"
    TRUNCATED = "truncated body"


class FaultyTransport(httpx.BaseTransport):
    def __init__(self) -> None:
        self._real = httpx.HTTPTransport()
        self.queued: deque[Fault] = deque()
        self.met: list[Fault] = []

    def queue(self, *faults: Fault) -> None:
        self.queued.extend(faults)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        fault = self.queued.popleft() if self.queued else None
        if fault is None:
            return self._real.handle_request(request)
        self.met.append(fault)
        if fault is Fault.LOST_REQUEST:
            raise httpx.ConnectError("fault: the request never arrived", request=request)
        if fault is Fault.UNAVAILABLE:
            return httpx.Response(503, text="Service Unavailable", request=request)
        answer = self._delivered(request)
        if fault is Fault.DUPLICATE:
            answer.close()
            return self._delivered(request)
        if fault is Fault.LOST_RESPONSE:
            answer.close()
            raise httpx.ReadError("fault: the answer was lost", request=request)
        if fault is Fault.TIMEOUT:
            answer.close()
            raise httpx.ReadTimeout("fault: no answer in time", request=request)
        body = answer.content
        return httpx.Response(
            answer.status_code,
            headers={"content-type": answer.headers.get("content-type", "application/json")},
            content=body[: len(body) // 2],
            request=request,
        )

    def _delivered(self, request: httpx.Request) -> httpx.Response:
        """The request as the hub received and answered it, read whole."""
        answer = self._real.handle_request(request)
        answer.read()
        return answer

    def close(self) -> None:
        self._real.close()
