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

from assessor.paths import resolve_data_dir, worker_name

if TYPE_CHECKING:
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
    return parser


def run(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run one subcommand; a failure prints one line to `err` and returns non-zero."""
    # Each command loads what it needs when it runs, not at the top: the GUI parses these
    # arguments too, and shows its window before the database layer is loaded.
    from db.migrate import StoreTooNew
    from db.store import Store

    try:
        store = Store.open(resolve_data_dir(args.data_dir), worker_name())
    except (StoreTooNew, OSError) as problem:
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
    try:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    except OSError as problem:
        raise CommandFailed(f"cannot write {args.out}: {problem.strerror}") from None
    print(f"Wrote {args.out}", file=out)
    return 0


_COMMANDS = {
    "example-caseload": _example_caseload,
    "people": _people,
    "export": _export,
}


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m assessor COMMAND`: the subcommands without the GUI."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.error("name a command, or run `assessor` on its own to open the app")
    return run(args)
