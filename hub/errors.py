"""Every answer but a 200 is `{"error": {"code", "message"}}` (docs/sync-protocol.md): the code
for the laptop to act on, the message for the worker to read."""

from __future__ import annotations

import logging
from datetime import datetime

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from db.hub_open import is_unreachable
from hub.words import plain_date

log = logging.getLogger("assessor.hub")

UNAVAILABLE = (
    "The council's hub cannot reach its records just now. Nothing on your laptop is lost; "
    "it will try again later."
)
_HTTP_CODES = {404: "not_found", 405: "method_not_allowed"}


class HubError(Exception):
    """A refusal with its HTTP status, code and plain message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def revoked(on: datetime) -> HubError:
    return HubError(
        401,
        "revoked",
        f"This laptop's connection to the council was withdrawn on {plain_date(on)}. Nothing "
        "on it has been removed; ask council IT to connect it again.",
    )


def error_answer(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def install_handlers(app: FastAPI) -> None:
    """Give every failure, expected or not, the one error shape."""

    async def refused(_request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, HubError)
        return error_answer(error.status, error.code, error.message)

    async def malformed(_request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        where = ", ".join(
            ".".join(str(part) for part in problem["loc"]) for problem in error.errors()[:3]
        )
        return error_answer(
            400, "bad_request", f"The hub could not read that request (look at: {where})."
        )

    async def http(_request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, HTTPException)
        code = _HTTP_CODES.get(error.status_code, "bad_request")
        return error_answer(error.status_code, code, "The hub has no such address.")

    async def unexpected(_request: Request, error: Exception) -> JSONResponse:
        if is_unreachable(error):
            log.warning("The database cannot be reached: %s", type(error).__name__)
            return error_answer(503, "unavailable", UNAVAILABLE)
        log.exception("Unexpected failure", exc_info=error)
        return error_answer(
            500,
            "hub_failed",
            "Something went wrong on the council's hub. Nothing on your laptop is lost; "
            "council IT can find the details in the hub's log.",
        )

    app.add_exception_handler(HubError, refused)
    app.add_exception_handler(RequestValidationError, malformed)
    app.add_exception_handler(HTTPException, http)
    app.add_exception_handler(Exception, unexpected)
