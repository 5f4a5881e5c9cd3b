"""Every file the app produces is written whole or not at all.

The bytes go to a hidden file beside the target, are flushed to the disk, and only then take
the target's name: a full disk, a kill or a power cut leaves the old file or none, never half
a document. The command line and the app's "Save as…" both write through `write_whole`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from assessor.terminal_text import brief

# Why a file could not be written, in words a worker can act on.
_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the disk can only be read",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.EISDIR: "it is a folder",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ELOOP: "the path goes round in a loop of links",
    errno.EIO: "the disk reported an error",
    errno.EEXIST: "a file of that name is in the way",
}
NAME_SHOWN = 200  # characters of a path quoted in a message


class CannotWrite(Exception):
    """The file was not written and nothing was left behind; str() says where and why."""

    def __init__(self, target: str | Path, why: str) -> None:
        super().__init__(f"cannot write {brief(str(target), NAME_SHOWN)}: {why}")
        self.why = why


def reason(problem: OSError) -> str:
    """Plain words for why an operating-system call failed."""
    if problem.errno in _REASONS:
        return _REASONS[problem.errno]
    return (problem.strerror or "the system refused").lower()


def check_target(target: str | Path) -> Path:
    """The file `target` names, or CannotWrite saying why it cannot be written: checked before
    any work is done, and again by `write_whole`."""
    path = Path(target)
    if not str(target) or not path.name or path.name == ".." or str(target).endswith(os.sep):
        raise CannotWrite(target, "it is a folder; give a file name")
    try:
        mode: int | None = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as problem:
        raise CannotWrite(path, reason(problem)) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise CannotWrite(path, "it is a folder; give a file name")
    if mode is not None and not stat.S_ISREG(mode):
        raise CannotWrite(path, "it is not an ordinary file but a device or pipe")
    if not path.parent.is_dir():
        folder = brief(str(path.parent), NAME_SHOWN)
        raise CannotWrite(path, f"the folder {folder} does not exist")
    return path


def write_whole(target: str | Path, data: bytes) -> None:
    """Write `data` beside `target` and rename it when whole; CannotWrite if it cannot be.

    The new file is the user's alone (0600): what the app writes is about people.
    """
    path = check_target(target)
    try:
        handle, partial = tempfile.mkstemp(
            prefix=f".{path.name[:40]}.", suffix=".partial", dir=path.parent
        )
    except OSError as problem:
        raise CannotWrite(path, reason(problem)) from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        replace_when_whole(Path(partial), path)
    except BaseException as problem:  # a full disk, or Ctrl+C: either way, no half file
        with contextlib.suppress(OSError):
            os.unlink(partial)
        if isinstance(problem, OSError):
            raise CannotWrite(path, reason(problem)) from None
        raise


def replace_when_whole(partial: Path, target: Path) -> None:
    """Put a finished file in place in one step, once it and its new name are on the disk.

    The store's own copies (db/files.py) are put in place by this too."""
    with partial.open("rb") as written:
        os.fsync(written.fileno())
    os.replace(partial, target)
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself survive a power cut, where the system allows it."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a folder; its renames are journalled
    try:
        os.fsync(handle)
    except OSError:
        pass  # some file systems cannot sync a folder; the file itself is on the disk
    finally:
        os.close(handle)
