"""A change to long text as the change log keeps it: what was removed and inserted where.

Logging a 15,000-character answer whole at every autosave made the store grow by the whole
answer each time. An edit costs what changed, plus a hash of the text it was made from, so a
reader replaying the log (an audit, sync) can tell it is applying it to the same text. The shape
is described in `assessor.export`.
"""

from __future__ import annotations

import hashlib
from typing import Any

# Text shorter than this is logged whole: an edit would be no smaller, and whole is easier to read.
EDITED_FROM = 200


def _common_prefix(a: str, b: str) -> int:
    """The length of the longest common start, by halving (slices compare at C speed)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(a: str, b: str, longest: int) -> int:
    """The length of the longest common end, at most `longest` characters."""
    low, high = 0, longest
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle :] == b[len(b) - middle :]:
            low = middle
        else:
            high = middle - 1
    return low


def text_edit(old: str, new: str) -> dict[str, Any]:
    """`new` as one splice of `old`: positions and lengths count characters (code points)."""
    start = _common_prefix(old, new)
    end = _common_suffix(old, new, min(len(old), len(new)) - start)
    return {
        "text_edit": {
            "at": start,
            "removed": len(old) - start - end,
            "inserted": new[start : len(new) - end],
            "before_sha256": hashlib.sha256(old.encode("utf-8")).hexdigest(),
        }
    }


def logged_value(old: Any, new: Any) -> Any:
    """What the change log keeps of a changed value: an edit for long text, else the value."""
    if isinstance(old, str) and isinstance(new, str) and len(old) >= EDITED_FROM:
        return text_edit(old, new)
    return new
