"""Why a store cannot be opened, in words a worker or council IT can act on.

Every face (the app, the command line, later the hub) catches `StoreProblem` and shows its
message as it is: the message never holds SQL, a traceback or the data being saved.
"""

from __future__ import annotations

from assessor.problems import PlainProblem


class StoreProblem(PlainProblem):
    """The store cannot be opened or used as it is; str() is the plain message."""


class NotFound(LookupError):
    """Asked for something the store does not hold (or holds only as a tombstone)."""
