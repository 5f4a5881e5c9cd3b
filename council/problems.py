"""What can stop a sync or a connection, each in words a worker can act on.

`str()` of each is what the app and the command line show; none of them means anything was
lost: every change waits in the store until the hub has accepted it.
"""

from __future__ import annotations

OFFLINE = (
    "The council's hub cannot be reached. Working offline is fine: everything is kept here "
    "and will go when it can."
)
HUB_TROUBLE = (
    "The council's hub had a problem, so this sync stopped. Nothing here was lost; it will "
    "try again."
)
NOT_CONNECTED = (
    "This laptop is not connected to the council's hub yet. Connect it with the address and "
    "the one-time code council IT gave you."
)
NO_KEYRING = (
    "This computer has no safe place for the council's key (no keyring). Ask council IT; "
    "nothing was saved."
)
CANCELLED = "Sync was stopped. What was sent or received so far is kept; the rest goes next time."


class SyncProblem(Exception):
    """A sync or connection that could not finish; str() is plain words for a worker."""


class Offline(SyncProblem):
    """The hub cannot be reached: normal, not an error."""

    def __init__(self, message: str = OFFLINE) -> None:
        super().__init__(message)


class Revoked(SyncProblem):
    """The hub no longer accepts this laptop; the hub's message says what to do."""


class NotConnected(SyncProblem):
    def __init__(self, message: str = NOT_CONNECTED) -> None:
        super().__init__(message)


class NoKeyring(SyncProblem):
    def __init__(self, message: str = NO_KEYRING) -> None:
        super().__init__(message)


class Cancelled(SyncProblem):
    def __init__(self, message: str = CANCELLED) -> None:
        super().__init__(message)


class HubTrouble(SyncProblem):
    """The hub answered with an error of its own, or an answer that was cut short."""

    def __init__(self, message: str = HUB_TROUBLE) -> None:
        super().__init__(message)
