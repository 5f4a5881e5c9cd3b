"""A stand-in for the council's hub's enrolment, on a real uvicorn on 127.0.0.1, answering as
docs/sync-protocol.md says: a good code enrols, a used one is 409 `code_used`, an old one 410
`code_expired`. It lets the desktop's Connect dialog be tested before the hub itself is here."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

USED = "This code has been used already. Ask council IT for a new one."
EXPIRED = "This code is more than 24 hours old. Ask council IT for a new one."
ANSWERS: dict[str, tuple[int, dict[str, Any]]] = {
    "GOOD-CODE": (
        200,
        {
            "device_id": "device-9",
            "secret": "a long random secret",
            "worker": {"name": "Test Worker", "team": "North team", "role": "team-lead"},
        },
    ),
    "USED-CODE": (409, {"error": {"code": "code_used", "message": USED}}),
    "OLD-CODE": (410, {"error": {"code": "code_expired", "message": EXPIRED}}),
}


async def _enrol(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    code = json.loads(body or b"{}").get("code", "")
    status, answer = ANSWERS.get(code, ANSWERS["USED-CODE"])
    if scope["path"] != "/v1/enrol":
        status, answer = 404, {"error": {"code": "not_found", "message": "No such page."}}
    payload = json.dumps(answer).encode()
    headers = [(b"content-type", b"application/json")]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


@contextmanager
def enrolling_hub() -> Iterator[str]:
    """The stand-in's address while the block runs."""
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    port = listening.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(_enrol, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listening]}, daemon=True)
    thread.start()
    try:
        while not server.started:
            threading.Event().wait(0.01)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        listening.close()
