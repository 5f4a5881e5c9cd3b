"""The bad-input matrix: every way the command line was tried and must refuse in one plain line.

Each case is a command line, an environment, a data folder and a way of taking standard output.
In arguments, {data} is the case's data folder, {case} its own folder (the working folder),
{peggy} a person in the example caseload. The default environment points ASSESSOR_DATA_DIR at
{data} and names the worker Sam Patel, so a case changes only what it is about.
"""

from __future__ import annotations

import signal
from dataclasses import dataclass, field

from assessor.example import example_id

PEGGY = example_id("peggy")
NOBODY = "00000000-0000-4000-8000-000000000000"  # an id in the right shape that no one has
PLAN_OUT = "{case}/out/p.pdf"
COMMANDS: dict[str, tuple[str, ...]] = {
    "people": ("people",),
    "example-caseload": ("example-caseload",),
    "export": ("export", "{peggy}"),
    "plan": ("plan", "{peggy}", "--out", PLAN_OUT),
    "record": ("record", "{peggy}", "--out", PLAN_OUT),
}
PERSON_COMMANDS = ("export", "plan", "record")


@dataclass(frozen=True)
class Case:
    name: str
    argv: tuple[str | bytes, ...]
    env: dict[str, str | bytes | None] = field(default_factory=dict)
    store: str = "good"  # "good" holds the example caseload; the others are in STORES
    team: bytes | None = None  # team.toml's bytes, or no file
    stdout: str = "pipe"  # "pipe", or "full" (/dev/full) or "closed" (a pipe nobody reads)
    signal: int | None = None  # sent once the command has begun to write its output
    permissions: bool = False  # only meaningful where file permissions hold (not for root)
    may_write: tuple[str, ...] = ()  # files a case may leave, whole, in {case}

    @property
    def needs_a_process(self) -> bool:
        """Only a real process shows it: a signal, or permissions when running as root."""
        import os

        return self.signal is not None or (self.permissions and os.geteuid() == 0)


def _usage() -> list[Case]:
    lines: list[tuple[str, tuple[str | bytes, ...]]] = [
        ("unknown command", ("frobnicate",)),
        ("command in capitals", ("Export", "{peggy}")),
        ("command misspelt", ("peopl",)),
        ("command with escape codes", ("\x1b[31mpeople",)),
        ("command not UTF-8", (b"peo\xffple",)),
        ("unknown option", ("--bogus",)),
        ("unknown option after people", ("people", "--bogus")),
        ("extra word after people", ("people", "extra")),
        ("extra word after example-caseload", ("example-caseload", "extra")),
        ("export without an id", ("export",)),
        ("plan without an id", ("plan",)),
        ("record without an id", ("record",)),
        ("plan without --out", ("plan", "{peggy}")),
        ("record without --out", ("record", "{peggy}")),
        ("export --out without a value", ("export", "{peggy}", "--out")),
        (
            "plan in both sizes",
            ("plan", "{peggy}", "--out", PLAN_OUT, "--large-print", "--standard"),
        ),
        ("plan --as-carer with a value", ("plan", "{peggy}", "--out", PLAN_OUT, "--as-carer=yes")),
        ("--data-dir without a value", ("people", "--data-dir")),
        ("--data-dir alone", ("--data-dir",)),
        ("--data-dir empty", ("people", "--data-dir", "")),
        ("--data-dir empty before the command", ("--data-dir", "", "people")),
        ("export with two ids", ("export", "{peggy}", "{peggy}")),
        ("export --out without an id", ("export", "--out", "{case}/out/x.json")),
        ("option with escape codes", ("plan", "{peggy}", "--out", PLAN_OUT, "--\x1b[31mlarge")),
        ("option with a terminal title code", ("people", "--\x1b]0;owned\x07")),
        ("short option unknown", ("people", "-x")),
        ("record in standard print", ("record", "{peggy}", "--out", PLAN_OUT, "--standard")),
        ("export as a carer", ("export", "{peggy}", "--as-carer")),
        ("bare double dash", ("--",)),
    ]
    return [Case(f"usage: {name}", argv) for name, argv in lines]


BAD_IDS: dict[str, str | bytes] = {
    "unknown id": NOBODY,
    "a word": "no-such-person",
    "empty": "",
    "a space": " ",
    "not UTF-8": b"\xff\xfe",
    "screen-clearing codes": "\x1b[2J\x1b[H",
    "a forged second line": "peggy\nassessor: all is well",
    "10,000 characters": "x" * 10_000,
    "SQL": "' OR '1'='1",
    "a wildcard": "%",
    "a right-to-left override": "\u202efdp.exe",
    "a dash": "-",
}


def _person_ids() -> list[Case]:
    cases = []
    for command in PERSON_COMMANDS:
        for name, bad in BAD_IDS.items():
            argv = tuple(bad if part == "{peggy}" else part for part in COMMANDS[command])
            cases.append(Case(f"{command}: person id {name}", argv))
    return cases


BAD_OUTS: dict[str, str | bytes] = {
    "empty": "",
    "the working folder": ".",
    "the root folder": "/",
    "the parent folder": "..",
    "an existing folder": "{case}/out",
    "a name ending in a slash": "{case}/out/new/",
    "in a missing folder": "{case}/missing/x.pdf",
    "under a file": "{case}/afile/x.pdf",
    "a named pipe": "{case}/fifo",
    "the store itself": "{data}/assessor.sqlite",
    "a name too long": "{case}/out/" + "n" * 300 + ".pdf",
    "a name not UTF-8": b"{case}/out/\xff.pdf",
    "a name with escape codes": "{case}/out/\x1b[31mred.pdf",
    "a loop of links": "{case}/loop/x.pdf",
}


def _outs() -> list[Case]:
    cases = []
    for command in PERSON_COMMANDS:
        for name, bad in BAD_OUTS.items():
            cases.append(Case(f"{command}: --out {name}", (*COMMANDS[command][:2], "--out", bad)))
        cases.append(
            Case(
                f"{command}: --out in a read-only folder",
                (*COMMANDS[command][:2], "--out", "{case}/readonly/x.pdf"),
                permissions=True,
            )
        )
    return cases


BAD_WORKERS: dict[str, bytes | str] = {
    "not UTF-8": b"Sam \xff\xfe",
    "10,000 characters": "S" * 10_000,
    "101 characters": "S" * 101,
    "escape codes": "\x1b[31mSam",
    "a newline": "Sam\nPatel",
    "a right-to-left override": "\u202eSam",
}


def _environment() -> list[Case]:
    cases = [
        Case(f"{command}: ASSESSOR_WORKER {name}", argv, env={"ASSESSOR_WORKER": bad})
        for name, bad in BAD_WORKERS.items()
        for command, argv in COMMANDS.items()
    ]
    cases += [
        Case(
            f"{command}: ASSESSOR_WORKER not UTF-8, no store yet",
            COMMANDS[command],
            env={"ASSESSOR_WORKER": BAD_WORKERS["not UTF-8"]},
            store="missing",
        )
        for command in ("example-caseload", "people")
    ]
    cases += [
        Case("people: ASSESSOR_DATA_DIR is a file", ("people",), store="data-is-file"),
        Case("people: ASSESSOR_DATA_DIR missing", ("people",), store="missing"),
        Case("export: ASSESSOR_DATA_DIR random bytes", COMMANDS["export"], store="random"),
    ]
    return cases


BAD_TEAMS: dict[str, bytes] = {
    "a 100 KB name": b'name = "' + b"N" * 102_400 + b'"\n',
    "a 10,000-character name": b'name = "' + b"N" * 10_000 + b'"\n',
    "a 101-character name": b'name = "' + b"N" * 101 + b'"\n',
    "a 1,000-character phone": b'phone = "' + b"0" * 1_000 + b'"\n',
    "a 1,000-character email": b'email = "' + b"e" * 1_000 + b'@example.org"\n',
    "not TOML": b"name = North Leeds\n",
    "not UTF-8": b'name = "North \xff Leeds"\n',
    "random bytes": bytes(range(256)) * 8,
    "an unknown key": b'colour = "red"\n',
    "a number": b"phone = 1130000\n",
    "a table": b'[name]\nfirst = "North"\n',
    "a list": b'name = ["North", "Leeds"]\n',
    "escape codes": b'name = "\\u001b[31mNorth Leeds"\n',
    "a newline": b'name = "North\\nassessor: all is well"\n',
    "a right-to-left override": b'name = "\\u202eNorth Leeds"\n',
}


def _teams() -> list[Case]:
    cases = [
        Case(f"{command}: team.toml {name}", COMMANDS[command], team=bad)
        for name, bad in BAD_TEAMS.items()
        for command in ("plan", "record")
    ]
    for command in ("plan", "record"):
        cases.append(Case(f"{command}: team.toml is a folder", COMMANDS[command], store="team-dir"))
        cases.append(
            Case(f"{command}: team.toml is a named pipe", COMMANDS[command], store="team-fifo")
        )
        cases.append(
            Case(
                f"{command}: team.toml unreadable",
                COMMANDS[command],
                store="team-unreadable",
                permissions=True,
            )
        )
    return cases


STORES = {
    "missing": "the data folder does not exist",
    "empty-folder": "the data folder holds no store",
    "zero": "a zero-byte store",
    "random": "a store of random bytes",
    "truncated": "a truncated store",
    "text": "a text file as the store",
    "store-is-folder": "a folder where the store should be",
    "newer": "a store from a newer version",
    "foreign": "another program's SQLite database",
    "data-is-file": "a file where the data folder should be",
    "read-only-folder": "a store in a read-only folder",
    "unreadable": "an unreadable store",
    "closed-folder": "a data folder that cannot be opened",
}
PERMISSION_STORES = {"read-only-folder", "unreadable", "closed-folder"}
CREATING = {"missing", "empty-folder"}  # example-caseload may make a new store there


def _stores() -> list[Case]:
    return [
        Case(
            f"{command}: {words}",
            argv,
            store=store,
            permissions=store in PERMISSION_STORES,
        )
        for store, words in STORES.items()
        for command, argv in COMMANDS.items()
        if not (command == "example-caseload" and store in CREATING)
    ]


def _outputs() -> list[Case]:
    """Standard output that cannot be written: /dev/full, or a pipe whose reader has gone."""
    writes = {
        "people": (COMMANDS["people"], ()),
        "export": (COMMANDS["export"], ()),
        "export --out": ((*COMMANDS["export"], "--out", "{case}/out/x.json"), ("out/x.json",)),
        "plan": (COMMANDS["plan"], ("out/p.pdf",)),
        "record": (COMMANDS["record"], ("out/p.pdf",)),
        "example-caseload": (COMMANDS["example-caseload"], ()),
        "--help": (("--help",), ()),
        "plan --help": (("plan", "--help"), ()),
    }
    return [
        Case(f"{name}: standard output {how}", argv, stdout=mode, may_write=may)
        for name, (argv, may) in writes.items()
        for mode, how in (("full", "on /dev/full"), ("closed", "a closed pipe"))
    ]


def _signals() -> list[Case]:
    return [
        Case(
            f"export: {signal.Signals(number).name} while writing",
            COMMANDS["export"],
            signal=number,
        )
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    ]


MATRIX: tuple[Case, ...] = (
    *_usage(),
    *_person_ids(),
    *_outs(),
    *_environment(),
    *_teams(),
    *_stores(),
    *_outputs(),
    *_signals(),
)
