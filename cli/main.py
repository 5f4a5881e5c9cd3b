"""The `assessor` command's subcommands, for council IT, scripts and trying the app.

This module is a composition root: it reads the worker's name (from their details in the data
folder, as the app does) and takes one clock, opens the store for each subcommand with both, and
hands the command the store and the clock (`Command`), so no command reads the clock on its own.
With no subcommand the GUI starts (`ui.app.main` hands `main` the way to open it). Whatever the
input, a command ends with its output or one plain line on standard error (see `cli.guard`); what
it is given is checked before the store is opened, so unusable input changes nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from assessor.files import NAME_SHOWN, CannotWrite, check_target, reason, write_whole
from assessor.paths import WorkerNameInvalid, resolve_data_dir
from assessor.terminal_text import brief, is_plain, shown
from assessor.your_details import DetailsFileInvalid, load_details, stamp_name
from cli.guard import EXIT_USAGE, CommandFailed, UsageError, guarded
from cli.sync_commands import add_sync_commands, connect_command, sync_command

if TYPE_CHECKING:
    from assessor.documents import DocumentKind
    from assessor.operations.store_port import StorePort
    from db.store import Store

PERSON_ID_LIMIT = 100  # characters; ids are 36

Clock = Callable[[], datetime]


def utc_clock() -> datetime:
    """The laptop's clock, in UTC with its zone."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class Command:
    """What a subcommand is given: the store (opened with the worker's name and the clock), its
    folder, and the clock, so the day a document is dated by is the store's day too."""

    store: Store
    data_dir: Path
    clock: Clock

    def today(self) -> date:
        """The day on this laptop, where the worker is."""
        return self.clock().astimezone().date()


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake is one line (raised, for the guard to show), not usage text."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see: {self.prog} --help)")


def _person_id(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("the person id is empty; `assessor people` lists them")
    if not is_plain(text) or len(text) > PERSON_ID_LIMIT:
        raise argparse.ArgumentTypeError(
            f'"{brief(text, 40)}" is not a person id; `assessor people` lists them'
        )
    return text


def _file_name(text: str) -> str:
    if not text:
        raise argparse.ArgumentTypeError("the file name is empty")
    if not is_plain(text):
        raise argparse.ArgumentTypeError(
            f'"{brief(text, 40)}" holds a control character or bytes that are not UTF-8 text; '
            "choose a plain file name"
        )
    return text


def _data_dir_option(default: object) -> _Parser:
    """--data-dir, accepted before or after the command.

    The subcommands' copy defaults to SUPPRESS so that leaving it out after the command does
    not overwrite a --data-dir given before it.
    """
    holder = _Parser(add_help=False)
    holder.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="folder holding the store (default: ASSESSOR_DATA_DIR, then your data folder)",
    )
    return holder


def build_parser() -> _Parser:
    parser = _Parser(
        prog="assessor",
        description="Strengths-based conversations. With no command, opens the app.",
        parents=[_data_dir_option(None)],
    )
    data_dir = _data_dir_option(argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser(
        "example-caseload",
        parents=[data_dir],
        help="add a handful of fictional people to try the app with (once)",
    )
    commands.add_parser(
        "people", parents=[data_dir], help="list everyone: id, preferred name, family name"
    )
    export = commands.add_parser(
        "export", parents=[data_dir], help="write everything held about a person as JSON"
    )
    export.add_argument("person_id", metavar="PERSON_ID", type=_person_id)
    export.add_argument(
        "--out", metavar="FILE", type=_file_name, help="file to write (default: standard output)"
    )
    plan = commands.add_parser(
        "plan", parents=[data_dir], help="write a person's plan, to take home, as a PDF"
    )
    plan.add_argument("person_id", metavar="PERSON_ID", type=_person_id)
    plan.add_argument(
        "--out", metavar="FILE.pdf", type=_file_name, required=True, help="the PDF to write"
    )
    plan.add_argument(
        "--as-carer", action="store_true", help="their plan as a carer, from their own record"
    )
    size = plan.add_mutually_exclusive_group()
    size.add_argument(
        "--large-print", action="store_true", help="18 point (default: as page one records)"
    )
    size.add_argument("--standard", action="store_true", help="12 point standard print")
    size.add_argument(
        "--easy-read",
        action="store_true",
        help="My plan in Easy Read, 16 point: short sentences and pictures",
    )
    record = commands.add_parser(
        "record", parents=[data_dir], help="write the record of a person's conversation as a PDF"
    )
    record.add_argument("person_id", metavar="PERSON_ID", type=_person_id)
    record.add_argument(
        "--out", metavar="FILE.pdf", type=_file_name, required=True, help="the PDF to write"
    )
    add_sync_commands(commands, data_dir)
    return parser


def main(
    argv: Sequence[str] | None = None, open_app: Callable[[str | None], int] | None = None
) -> int:
    """`assessor [COMMAND]`: a subcommand, or with none the app, if `open_app` is given (it
    gets --data-dir as given)."""
    out, err = sys.stdout, sys.stderr
    parsed: list[argparse.Namespace] = []

    def parse(watched: TextIO) -> int:
        with contextlib.redirect_stdout(watched):  # argparse prints --help to sys.stdout
            parsed.append(build_parser().parse_args(argv))
        return 0

    code = guarded(parse, out, err, resolve_data_dir(None))
    if not parsed:  # a mistake, already reported, or --help
        return code
    (args,) = parsed
    if args.command is None and open_app is not None:
        return open_app(args.data_dir)
    return run(args, out, err)


def run(
    args: argparse.Namespace,
    out: TextIO | None = None,
    err: TextIO | None = None,
    clock: Clock = utc_clock,
) -> int:
    """Run one subcommand; a failure prints one line to `err` and returns non-zero."""
    data_dir = None if args.data_dir == "" else resolve_data_dir(args.data_dir)
    err = err or sys.stderr
    return guarded(
        lambda watched: _run(args, watched, err, clock), out or sys.stdout, err, data_dir
    )


def _run(args: argparse.Namespace, out: TextIO, err: TextIO, clock: Clock) -> int:
    # Each command loads what it needs when it runs, not at the top: the GUI parses these
    # arguments too, and shows its window before the database layer is loaded.
    if args.command is None:
        raise UsageError("name a command, or run `assessor` on its own to open the app")
    if args.data_dir == "":
        raise UsageError("--data-dir is empty; name the folder that holds the store")
    data_dir = resolve_data_dir(args.data_dir)
    try:
        worker = stamp_name(load_details(data_dir))  # as the app stamps it
    except (WorkerNameInvalid, DetailsFileInvalid) as problem:
        raise UsageError(str(problem)) from None
    if getattr(args, "out", None) is not None:
        _check_out(args.out, data_dir)

    from db.problems import StoreProblem
    from db.store import Store

    try:
        store = Store.open(
            data_dir,
            worker,
            create=args.command in ("example-caseload", "connect"),  # the commands that make one
            notify=lambda notice: print(f"assessor: {shown(notice)}", file=err),
            clock=lambda: clock().astimezone(UTC).replace(tzinfo=None),  # as the store keeps it
        )
    except StoreProblem as problem:
        raise CommandFailed(f"cannot open the store: {problem}", EXIT_USAGE) from None
    except OSError as problem:
        where = brief(str(data_dir), NAME_SHOWN)
        raise CommandFailed(
            f"cannot open the store in {where}: {reason(problem)}", EXIT_USAGE
        ) from None
    command = Command(store, data_dir, clock)
    try:
        if args.command in ("plan", "record"):
            _say_if_clock_behind(command, err)
        return _COMMANDS[args.command](command, args, out)
    finally:
        store.close()


def _say_if_clock_behind(command: Command, err: TextIO) -> None:
    """Documents are dated by this clock: one behind the store's records is pointed out."""
    from assessor.clock import clock_behind

    warning = clock_behind(command.clock().astimezone(), command.store.newest_stamp())
    if warning:
        print(f"assessor: {warning}", file=err)


def _check_out(target: str | Path, data_dir: Path) -> None:
    """The file to write can be written, and is not the store itself: before any work."""
    from db.connection import store_path
    from db.files import sqlite_files

    try:
        path = check_target(target)
    except CannotWrite as problem:
        raise CommandFailed(str(problem)) from None
    if path.resolve() in sqlite_files(store_path(data_dir).resolve()):
        raise CommandFailed(str(CannotWrite(path, "it is the store itself; choose another file")))


def _example_caseload(command: Command, _args: argparse.Namespace, out: TextIO) -> int:
    from assessor.example import example_caseload
    from assessor.operations.people import add_files

    # Annotated, so mypy checks the store opened here is the one operations are written for.
    store: StorePort = command.store
    added = add_files(store, example_caseload(command.today())).value
    if added:
        print(f"Added {len(added)} fictional people to the caseload.", file=out)
    else:
        print("The example caseload is already there; nothing added.", file=out)
    return 0


def _people(command: Command, _args: argparse.Namespace, out: TextIO) -> int:
    for person in command.store.findable_people():
        names = (shown(person.preferred_name), shown(person.family_name))
        print(person.id, *names, sep="\t", file=out)
    return 0


def _export(command: Command, args: argparse.Namespace, out: TextIO) -> int:
    from assessor.export import export_person
    from db.rows import NotFound

    store = command.store
    try:
        file = store.person_file(args.person_id)
    except NotFound:
        raise CommandFailed(f"no person with id {args.person_id}") from None
    contact_ids = [c.id for c in file.contacts]
    as_carer = file.as_carer
    # The history of the person's own rows only: carers' conversations shared with them are
    # in the export, but the carer's change log stays with the carer's record.
    row_ids = [
        file.person.id,
        *(who.id for who in file.person.people_who_matter),
        *contact_ids,
        *store.entry_ids(contact_ids),
        *(goal.id for goal in file.goals),
        *(review.id for reviews in file.reviews.values() for review in reviews),
        *(episode.id for episode in file.episodes),
        *(r.id for reviews in file.episode_reviews.values() for r in reviews),
        *(plan.id for plan in file.plans),
        *(r.id for reviews in file.plan_reviews.values() for r in reviews),
        *(role.id for role in file.carers),
        *(role.id for role in as_carer.roles),
        *(offer.id for offer in as_carer.offers),
        *(plan.id for plan in as_carer.plans),
        *(review.id for review in as_carer.reviews),
    ]
    exported = export_person(file, store.history(row_ids), now=command.clock().astimezone(UTC))
    text = json.dumps(exported, indent=2, ensure_ascii=False)
    if args.out is None:
        print(text, file=out)
        return 0
    _write(args.out, (text + "\n").encode("utf-8"))
    print(f"Wrote {shown(args.out)}", file=out)
    return 0


def _plan(command: Command, args: argparse.Namespace, out: TextIO) -> int:
    from assessor.documents import DocumentKind

    if args.as_carer and args.easy_read:
        raise UsageError("Easy Read is made of My plan only; leave out --as-carer or --easy-read")
    kind = DocumentKind.CARER_PLAN if args.as_carer else DocumentKind.MY_PLAN
    return _document(command, args, out, kind)


def _record(command: Command, args: argparse.Namespace, out: TextIO) -> int:
    from assessor.documents import DocumentKind

    return _document(command, args, out, DocumentKind.RECORD)


def _document(command: Command, args: argparse.Namespace, out: TextIO, kind: DocumentKind) -> int:
    """Build one document and write it whole, or not at all."""
    from assessor.documents import PrintContext, build, format_of, kinds_for, people_mentioned
    from assessor.documents.formats import EASY_READ, LARGE, STANDARD, format_for
    from assessor.problems import PlainProblem
    from assessor.your_details import signature
    from db.rows import NotFound

    store = command.store
    try:
        file = store.person_file(args.person_id)
        signed = signature(command.data_dir)  # the worker's details, as the app prints them
    except NotFound:
        raise CommandFailed(f"no person with id {args.person_id}") from None
    except PlainProblem as problem:  # a settings file that says what to fix
        raise CommandFailed(str(problem)) from None
    if kind not in kinds_for(file):
        raise CommandFailed(f"{file.person.display_name} is not recorded as caring for anyone")
    if getattr(args, "large_print", False):
        fmt = LARGE
    elif getattr(args, "standard", False):
        fmt = STANDARD
    elif getattr(args, "easy_read", False):
        fmt = EASY_READ
    else:
        fmt = format_for(file.person)
    fmt = format_of(kind, fmt)
    names = store.display_names(people_mentioned(file))
    context = PrintContext(command.today(), signed.name, signed.team, names, signed.role)
    _write(args.out, build(kind, file, context, fmt))
    print(f"Wrote {shown(args.out)} ({kind.label}, {fmt.label.lower()})", file=out)
    return 0


def _write(target: str, data: bytes) -> None:
    try:
        write_whole(target, data)
    except CannotWrite as problem:
        raise CommandFailed(str(problem)) from None


_COMMANDS = {
    "example-caseload": _example_caseload,
    "people": _people,
    "export": _export,
    "plan": _plan,
    "record": _record,
    "connect": connect_command,
    "sync": sync_command,
}
