"""Why a store cannot be opened, in words a worker or council IT can act on.

Every face (the app, the command line, later the hub) catches `StoreProblem` and shows its
message as it is: the message never holds SQL, a traceback or the data being saved.
"""

from __future__ import annotations


class StoreProblem(Exception):
    """The store cannot be opened or used as it is; str() is the plain message."""
