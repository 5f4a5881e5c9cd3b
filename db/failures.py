"""A failure to read or write the store, said in plain words; the detail goes to the log.

Error boxes used to show SQLite's own text, with the data being saved in it. Every face shows
`explain(problem)` instead and logs the exception with its traceback.
"""

from __future__ import annotations

import errno
import sqlite3

from assessor.problems import PlainProblem
from db.problems import NotFound

BUSY = (
    "Your records are busy: another program is writing to them. Assessor will try again; "
    "what you typed is kept."
)
DISK_FULL = (
    "The disk is full, so your records cannot be written. Free some space (empty the "
    "Downloads folder or the recycle bin); Assessor will try again and what you typed is kept."
)
READ_ONLY = (
    "Your records cannot be written: the folder they are in does not allow it. Ask council IT "
    "to check the folder's permissions; what you typed is kept."
)
UNKNOWN = "Something went wrong with your records. The details are in the log: {log}."


def explain(problem: BaseException, log: str = "assessor.log in your data folder") -> str:
    """What happened and what to do, with no SQL and no data from the record in it.

    SQLAlchemy is not imported here: the app shows its window before loading it.
    """
    if isinstance(problem, PlainProblem):
        return str(problem)
    if isinstance(problem, NotFound):
        return "That record is no longer here: it may have been removed. Choose it again."
    cause = getattr(problem, "orig", None) or problem  # SQLAlchemy wraps the driver's error
    text = str(cause).lower()
    if (isinstance(cause, OSError) and cause.errno == errno.ENOSPC) or "full" in text:
        return DISK_FULL
    if "locked" in text or "busy" in text:
        return BUSY
    if isinstance(cause, PermissionError) or "readonly" in text or "read-only" in text:
        return READ_ONLY
    if isinstance(cause, sqlite3.DatabaseError) and "malformed" in text:
        return (
            "Your records file is damaged. Do not delete it: ask council IT, who can restore "
            "it from the copies kept in the backups folder beside it."
        )
    return UNKNOWN.format(log=log)
