"""The `assessor` command's subcommands, for council IT, scripts and trying the app.

This module is a composition root: it opens the store for each subcommand. With no subcommand
the GUI starts (`ui.app.main` parses the same arguments and hands subcommands here).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from assessor.files import CannotWrite, write_whole
from assessor.paths import resolve_data_dir, worker_name

if TYPE_CHECKING:
    from assessor.documents import DocumentKind
    from db.store import Store


class CommandFailed(Exception):
    """A failure worth one plain line to the person at the terminal."""


def _data_dir_option(default: object) -> argparse.ArgumentParser:
    """--data-dir, accepted before or after the command.

    The subcommands' copy defaults to SUPPRESS so that leaving it out after the command does
    not overwrite a --data-dir given before it.
    """
    holder = argparse.ArgumentParser(add_help=False)
    holder.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="folder holding the store (default: ASSESSOR_DATA_DIR, then your data folder)",
    )
    return holder


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    export.add_argument("person_id", metavar="PERSON_ID")
    export.add_argument("--out", metavar="FILE", help="file to write (default: standard output)")
    plan = commands.add_parser(
        "plan", parents=[data_dir], help="write a person's plan, to take home, as a PDF"
    )
    plan.add_argument("person_id", metavar="PERSON_ID")
    plan.add_argument("--out", metavar="FILE.pdf", required=True, help="the PDF to write")
    plan.add_argument(
        "--as-carer", action="store_true", help="their plan as a carer, from their own record"
    )
    size = plan.add_mutually_exclusive_group()
    size.add_argument(
        "--large-print", action="store_true", help="18 point (default: as page one records)"
    )
    size.add_argument("--standard", action="store_true", help="12 point standard print")
    record = commands.add_parser(
        "record", parents=[data_dir], help="write the record of a person's conversation as a PDF"
    )
    record.add_argument("person_id", metavar="PERSON_ID")
    record.add_argument("--out", metavar="FILE.pdf", required=True, help="the PDF to write")
    return parser


def run(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run one subcommand; a failure prints one line to `err` and returns non-zero."""
    # Each command loads what it needs when it runs, not at the top: the GUI parses these
    # arguments too, and shows its window before the database layer is loaded.
    from db.problems import StoreProblem
    from db.store import Store

    try:
        store = Store.open(resolve_data_dir(args.data_dir), worker_name())
    except (StoreProblem, OSError) as problem:
        print(f"assessor: cannot open the store: {problem}", file=err)
        return 2
    try:
        return _COMMANDS[args.command](store, args, out)
    except CommandFailed as problem:
        print(f"assessor: {problem}", file=err)
        return 1
    finally:
        store.close()


def _example_caseload(store: Store, _args: argparse.Namespace, out: TextIO) -> int:
    from assessor.example import example_caseload

    added = store.add_files(example_caseload(date.today()))
    if added:
        print(f"Added {len(added)} fictional people to the caseload.", file=out)
    else:
        print("The example caseload is already there; nothing added.", file=out)
    return 0


def _people(store: Store, _args: argparse.Namespace, out: TextIO) -> int:
    for person in store.findable_people():
        print(f"{person.id}\t{person.preferred_name}\t{person.family_name}", file=out)
    return 0


def _export(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    from assessor.export import export_person
    from db.rows import NotFound

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
    text = json.dumps(export_person(file, store.history(row_ids)), indent=2, ensure_ascii=False)
    if args.out is None:
        print(text, file=out)
        return 0
    _write_whole(Path(args.out), (text + "\n").encode("utf-8"))
    print(f"Wrote {args.out}", file=out)
    return 0


def _plan(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    from assessor.documents import DocumentKind

    kind = DocumentKind.CARER_PLAN if args.as_carer else DocumentKind.MY_PLAN
    return _document(store, args, out, kind)


def _record(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    from assessor.documents import DocumentKind

    return _document(store, args, out, DocumentKind.RECORD)


def _document(store: Store, args: argparse.Namespace, out: TextIO, kind: DocumentKind) -> int:
    """Build one document and write it whole, or not at all."""
    from assessor.documents import PrintContext, build, kinds_for, people_mentioned
    from assessor.documents.formats import LARGE, STANDARD, format_for
    from assessor.team import TeamFileInvalid, load_team
    from db.rows import NotFound

    try:
        file = store.person_file(args.person_id)
        team = load_team(resolve_data_dir(args.data_dir))
    except NotFound:
        raise CommandFailed(f"no person with id {args.person_id}") from None
    except TeamFileInvalid as problem:
        raise CommandFailed(str(problem)) from None
    if kind not in kinds_for(file):
        raise CommandFailed(f"{file.person.display_name} is not recorded as caring for anyone")
    if getattr(args, "large_print", False):
        fmt = LARGE
    elif getattr(args, "standard", False):
        fmt = STANDARD
    else:
        fmt = format_for(file.person)
    context = PrintContext(
        date.today(), worker_name(), team, store.display_names(people_mentioned(file))
    )
    _write_whole(Path(args.out), build(kind, file, context, fmt))
    print(f"Wrote {args.out} ({kind.label}, {fmt.label.lower()})", file=out)
    return 0


def _write_whole(path: Path, data: bytes) -> None:
    try:
        write_whole(path, data)
    except CannotWrite as problem:
        raise CommandFailed(str(problem)) from None


_COMMANDS = {
    "example-caseload": _example_caseload,
    "people": _people,
    "export": _export,
    "plan": _plan,
    "record": _record,
}


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m assessor COMMAND`: the subcommands without the GUI."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.error("name a command, or run `assessor` on its own to open the app")
    return run(args)
