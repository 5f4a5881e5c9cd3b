"""An entry of the Due or Carers list, worked out off the GUI thread: plain data, with no Qt,
so reading a list needs nothing of the widgets that show it (`ui.kit.entry_list`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Entry:
    """One line of a list: who and what, a line break, then why; what it opens, such as
    ("goal", person id, goal id); and, for something due, the day it is due."""

    text: str
    target: tuple[str, ...]
    due: date | None = None
