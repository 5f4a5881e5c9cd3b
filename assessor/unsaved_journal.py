"""What could not be saved because the store could not be written, kept beside it in a file.

When another program holds the store's write lock (or the disk refuses a write), what the worker
typed waits in memory to be tried again; a crash or a kill then would lose it. So each failed
save also writes the waiting text, as drafts, to `unsaved.json` in the data folder (whole or
not at all, the user's alone). The next start moves them into the store's drafts, where they
are saved into their records as those records are opened, and removes the file.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from assessor.drafts import Draft
from assessor.files import write_whole

JOURNAL_FILE_NAME = "unsaved.json"


def write_journal(path: Path, drafts: list[Draft]) -> None:
    """Replace the journal with these drafts (CannotWrite if even that fails)."""
    rows = [asdict(draft) | {"kept_at": draft.kept_at.isoformat()} for draft in drafts]
    write_whole(path, json.dumps(rows, ensure_ascii=False).encode("utf-8"))


def read_journal(path: Path) -> list[Draft]:
    """The drafts a journal holds; none if there is no journal or it cannot be read."""
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return [Draft(**row | {"kept_at": datetime.fromisoformat(row["kept_at"])}) for row in rows]
    except (OSError, ValueError, TypeError, KeyError):
        return []
