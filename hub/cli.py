"""The `assessor-hub` command for council IT: serve the hub, add teams and workers, give
enrolment codes, list and revoke devices, read the audit.

A composition root: one clock for the whole command, the store opened once with it. Whatever
goes wrong ends as one plain line on standard error and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import NoReturn, TextIO

from assessor.problems import PlainProblem
from db.changelog import Clock, utc_now
from db.hub_admin import ROLES, HubAdmin
from db.hub_open import is_unreachable, open_hub_store, unreachable_problem
from db.store import Store
from hub import settings
from hub.auth import CODE_LIFETIME, code_hash, new_code
from hub.listing import audit_table, devices_table
from hub.serve import serve
from hub.words import plain_time

EXIT_FAILED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """The command line itself is wrong; str() says how."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (assessor-hub --help lists the commands)")


def _name(text: str) -> str:
    name = " ".join(text.split())
    if not name or len(name) > 200:
        raise argparse.ArgumentTypeError("a name must have 1 to 200 characters")
    return name


def _day(text: str) -> datetime:
    try:
        return datetime.combine(date.fromisoformat(text), datetime.min.time())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-23") from None


def parser() -> argparse.ArgumentParser:
    where = _Parser(add_help=False)
    where.add_argument("--data-dir", help="the hub's folder (or ASSESSOR_HUB_DATA_DIR)")
    where.add_argument("--database", help="a PostgreSQL URL (or ASSESSOR_HUB_DATABASE)")
    top = _Parser(prog="assessor-hub", description="The council's hub for Assessor.")
    commands = top.add_subparsers(dest="command", required=True, parser_class=_Parser)
    serve_ = commands.add_parser("serve", parents=[where], help="answer laptops' requests")
    serve_.add_argument("--host", default="127.0.0.1")
    serve_.add_argument("--port", type=int, default=8765)
    commands.add_parser("add-team", parents=[where], help="add a team").add_argument(
        "name", type=_name
    )
    worker = commands.add_parser("add-worker", parents=[where], help="add a worker to a team")
    worker.add_argument("name", type=_name)
    worker.add_argument("--team", type=_name, required=True)
    worker.add_argument("--role", required=True, help=f"one of {', '.join(ROLES)}")
    code = commands.add_parser(
        "enrolment-code", parents=[where], help="a one-time code to connect a laptop"
    )
    code.add_argument("worker", type=_name)
    commands.add_parser("devices", parents=[where], help="the laptops connected")
    revoke = commands.add_parser("revoke-device", parents=[where], help="withdraw a laptop")
    revoke.add_argument("device")
    audit = commands.add_parser("audit", parents=[where], help="who read or changed what")
    audit.add_argument("--worker", type=_name)
    audit.add_argument("--person", help="a person's id")
    audit.add_argument("--since", type=_day, help="a date like 2026-11-23")
    return top


Action = Callable[[argparse.Namespace, Store, Clock, TextIO], None]


def _serve(args: argparse.Namespace, store: Store, clock: Clock, out: TextIO) -> None:
    print(f"The council's hub is starting on http://{args.host}:{args.port}", file=out)
    out.flush()
    serve(store, args.host, args.port, clock)


def _add_team(args: argparse.Namespace, store: Store, clock: Clock, out: TextIO) -> None:
    HubAdmin(store).add_team(args.name, clock())
    print(f"Added the team {args.name}.", file=out)


def _add_worker(args: argparse.Namespace, store: Store, clock: Clock, out: TextIO) -> None:
    worker = HubAdmin(store).add_worker(args.name, args.team, args.role, clock())
    print(f"Added {worker.name} to {worker.team} as {worker.role}.", file=out)


def _enrolment_code(args: argparse.Namespace, store: Store, clock: Clock, out: TextIO) -> None:
    code, now = new_code(), clock()
    expires = now + CODE_LIFETIME
    worker = HubAdmin(store).add_enrolment_code(args.worker, code_hash(code), now, expires)
    print(
        f"An enrolment code for {worker.name} ({worker.team}). It works once, until "
        f"{plain_time(expires)}:",
        file=out,
    )
    print(code, file=out)


def _devices(_args: argparse.Namespace, store: Store, _clock: Clock, out: TextIO) -> None:
    print(devices_table(HubAdmin(store).devices()), file=out)


def _revoke(args: argparse.Namespace, store: Store, clock: Clock, out: TextIO) -> None:
    device = HubAdmin(store).revoke_device(args.device, clock())
    print(
        f"Revoked {device.name!r} ({device.worker.name}): it is refused from its next "
        "request. Nothing on it is removed.",
        file=out,
    )


def _audit(args: argparse.Namespace, store: Store, _clock: Clock, out: TextIO) -> None:
    entries = HubAdmin(store).audit(args.worker, args.person, args.since)
    print(audit_table(entries), file=out)


ACTIONS: dict[str, Action] = {
    "serve": _serve,
    "add-team": _add_team,
    "add-worker": _add_worker,
    "enrolment-code": _enrolment_code,
    "devices": _devices,
    "revoke-device": _revoke,
    "audit": _audit,
}


def main(
    argv: Sequence[str] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    clock: Clock = utc_now,
) -> int:
    """Run one command; the exit status is returned (0 when it worked)."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        args = parser().parse_args(argv)
    except UsageError as problem:
        print(problem, file=err)
        return EXIT_USAGE
    try:
        store = open_hub_store(
            settings.data_dir(args.data_dir), settings.database(args.database), clock=clock
        )
    except PlainProblem as problem:
        print(problem, file=err)
        return EXIT_FAILED
    try:
        ACTIONS[args.command](args, store, clock, out)
    except PlainProblem as problem:
        print(problem, file=err)
        return EXIT_FAILED
    except Exception as problem:
        if not is_unreachable(problem):
            raise
        print(unreachable_problem(), file=err)
        return EXIT_FAILED
    finally:
        store.close()
    return 0
