"""The command line's last line of defence: whatever happens, one plain line and an exit code.

A subcommand raises `CommandFailed` (or `UsageError`) with words for the person at the
terminal. Everything else is caught here too: a closed or full standard output, Ctrl+C and the
signals that end a process, and any failure nobody foresaw, whose traceback goes to
`assessor.log` in the data folder, never to the terminal. Every line shown is passed through
`shown`, so no escape code taken from the input reaches the terminal.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import TextIO

from assessor.logfile import LOGGER, start_log
from assessor.terminal_text import shown

EXIT_FAILED = 1  # the command could not do what was asked
EXIT_USAGE = 2  # the command line, the environment or the store is not usable as it is
EXIT_UNEXPECTED = 70  # a fault in Assessor itself (sysexits' EX_SOFTWARE)

_STOPPING: dict[int, str] = {
    signal.SIGINT: "stopped by Ctrl+C",
    signal.SIGTERM: "stopped by a request to end (SIGTERM)",
    **(
        {signal.SIGHUP: "stopped because the terminal closed (SIGHUP)"}
        if os.name == "posix"
        else {}
    ),
}


class CommandFailed(Exception):
    """A failure worth one plain line to the person at the terminal."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class UsageError(CommandFailed):
    """The command line or the environment cannot be used as given."""

    def __init__(self, message: str) -> None:
        super().__init__(message, EXIT_USAGE)


class _Stopped(BaseException):
    """A signal asked the process to end; raised where the command is, so it unwinds."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


class _OutputFailed(Exception):
    def __init__(self, problem: OSError) -> None:
        super().__init__(problem)
        self.problem = problem


class _WatchedOutput:
    """Standard output, telling its own failures apart from any other OSError."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as problem:
            raise _OutputFailed(problem) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as problem:
            raise _OutputFailed(problem) from None


def guarded(work: Callable[[TextIO], int], out: TextIO, err: TextIO, data_dir: Path | None) -> int:
    """Run `work` with a watched `out`; any failure becomes one line on `err` and a code."""
    watched = _WatchedOutput(out)
    try:
        with _stop_on_signals():
            try:
                code = work(watched)  # type: ignore[arg-type]  # writes and flushes: enough
            except SystemExit as leaving:  # argparse, after --help
                code = leaving.code if isinstance(leaving.code, int) else EXIT_FAILED
            watched.flush()
        return code
    except CommandFailed as problem:
        return _say(err, str(problem), problem.exit_code)
    except _OutputFailed as failure:
        _quieten(out)
        return _say(err, _output_message(failure.problem), EXIT_FAILED)
    except (_Stopped, KeyboardInterrupt) as stop:
        number = stop.number if isinstance(stop, _Stopped) else signal.SIGINT
        message = f"{_STOPPING[number]}; nothing half-written was left"
        return _say(err, message, 128 + number)
    except Exception as problem:
        log = _log_unexpected(data_dir, problem)
        where = f"the details are in {log}" if log else "no details could be kept"
        name = type(problem).__name__
        return _say(err, f"something unexpected went wrong ({name}); {where}", EXIT_UNEXPECTED)


def _say(err: TextIO, message: str, code: int) -> int:
    with contextlib.suppress(OSError, ValueError):  # nowhere left to say it
        err.write(f"assessor: {shown(message)}\n")
        err.flush()
    return code


def _output_message(problem: OSError) -> str:
    if isinstance(problem, BrokenPipeError):
        return "standard output was closed before everything was written"
    from assessor.files import reason

    return f"standard output could not be written: {reason(problem)}"


def _quieten(stream: TextIO) -> None:
    """Point a failed standard output at the null device, so that Python's own flush at exit
    finds nothing to complain about."""
    try:
        number = stream.fileno()
    except (OSError, ValueError):
        return  # not a file at all: nothing will flush it behind our back
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, number)
        os.close(null)


@contextlib.contextmanager
def _stop_on_signals() -> Iterator[None]:
    """Ctrl+C, SIGTERM and SIGHUP unwind the command, so a file being written is removed and
    the store's transaction rolled back, instead of a traceback or a silent death."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(number: int, _frame: FrameType | None) -> None:
        raise _Stopped(number)

    previous = {number: signal.getsignal(number) for number in _STOPPING}
    for number in previous:
        signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)


def _log_unexpected(data_dir: Path | None, problem: Exception) -> Path | None:
    """Write the traceback to the data folder's log, if the folder is there; else None."""
    path = None if data_dir is None else start_log(data_dir)
    if path is not None:
        logging.getLogger(LOGGER).error(
            "Unexpected fault in: assessor %s", shown(" ".join(sys.argv[1:])), exc_info=problem
        )
    return path
