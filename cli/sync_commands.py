"""`assessor connect` and `assessor sync`: the council's hub from the command line, for council
IT, scripts and tests, doing what the app's "Connect to the council…" and "Sync now" do.

Working offline is normal, so `sync` with the hub out of reach says so and succeeds (exit 0);
`--strict` makes it a failure (exit 1) for scripts that must know the sync happened.
"""

from __future__ import annotations

import argparse
import socket
from typing import TYPE_CHECKING, Any, TextIO

from cli.guard import CommandFailed

if TYPE_CHECKING:
    from cli.main import Command
    from council.engine import SyncProgress, SyncSummary


def add_sync_commands(
    commands: argparse._SubParsersAction[Any],
    data_dir: argparse.ArgumentParser,
) -> None:
    connect = commands.add_parser(
        "connect",
        parents=[data_dir],
        help="connect this laptop to the council's hub with a one-time code from council IT",
    )
    connect.add_argument("hub_url", metavar="HUB_URL", help="the hub's address, https://…")
    connect.add_argument("code", metavar="CODE", help="the one-time enrolment code")
    sync = commands.add_parser(
        "sync",
        parents=[data_dir],
        help="send this laptop's changes to the council's hub and receive the team's",
    )
    sync.add_argument(
        "--strict", action="store_true", help="fail (exit 1) when the hub cannot be reached"
    )


def connect_command(command: Command, args: argparse.Namespace, out: TextIO) -> int:
    from council.connect import connect
    from council.credentials import keyring_credentials
    from council.problems import SyncProblem

    try:
        credentials = keyring_credentials()  # before the code is used up
        done = connect(
            command.store,
            args.hub_url,
            args.code,
            credentials=credentials,
            device_name=socket.gethostname(),
        )
    except SyncProblem as problem:
        raise CommandFailed(str(problem)) from None
    print(
        f"Connected to the council's hub at {done.hub_url} as {done.worker} "
        f"({done.team}, {done.role}).",
        file=out,
    )
    return 0


def sync_command(command: Command, args: argparse.Namespace, out: TextIO) -> int:
    from council.credentials import keyring_credentials
    from council.engine import Offline, SyncProblem, sync_once

    try:
        summary = sync_once(
            command.store,
            credentials=keyring_credentials(),
            progress=lambda progress: print(_progress_line(progress), file=out, flush=True),
        )
    except Offline as problem:
        if args.strict:
            raise CommandFailed(str(problem)) from None
        print(f"Working offline. {problem}", file=out)
        return 0
    except SyncProblem as problem:
        raise CommandFailed(str(problem)) from None
    print(_summary_line(summary), file=out)
    return 0


def _progress_line(progress: SyncProgress) -> str:
    if progress.stage == "sending":
        return f"Sending: {progress.done} of {progress.total} changes"
    return f"Receiving: {progress.done} records so far"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _summary_line(summary: SyncSummary) -> str:
    parts = [
        f"Sent {_plural(summary.sent, 'change', 'changes')}",
        f"received {_plural(summary.received, 'record', 'records')}",
        f"{_plural(summary.conflicts, 'conflict needs', 'conflicts need')} attention",
        f"{summary.not_accepted} not accepted",
    ]
    if summary.waiting:
        parts.append(f"{summary.waiting} waiting for others to go first")
    return "; ".join(parts) + "."
