"""Making each case's folder, running the case (in this process or as a real one), judging it.

In this process a case runs through `ui.app.main` with standard streams that encode as a real
process's do (output strict UTF-8, errors with backslashes), and a full disk or a closed pipe
is a stream whose every write fails with that error. A signal, or file permissions when
running as root, need a real process: root is then run without its power to override file
permissions (`setpriv` drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH).
"""

from __future__ import annotations

import base64
import contextlib
import errno
import fcntl
import hashlib
import io
import json
import os
import random
import shutil
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from assessor.terminal_text import shown
from db.connection import raw_connection
from tests.bad_inputs.cases import PEGGY, Case

STORE = "assessor.sqlite"
WORKER = "Sam Patel"
NO_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
F_SETPIPE_SZ = 1031  # Linux: a small pipe fills at once, so the command blocks writing
HANG = 30  # seconds: a command still running then is stopped and counted as hung
HUNG = b"(still running after 30 s)"


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: bytes
    stderr: bytes


# --- the case's folder ---------------------------------------------------------------------


def prepare(case: Case, folder: Path, good_store: Path) -> None:
    """{case}/: out/ (a folder to write in), afile, fifo, readonly/, loop, and data/."""
    (folder / "out").mkdir(parents=True)
    (folder / "afile").write_text("a file, not a folder\n")
    os.mkfifo(folder / "fifo")
    (folder / "readonly").mkdir(mode=0o555)
    (folder / "readonly").chmod(0o555)
    (folder / "loop").symlink_to(folder / "loop")
    data = folder / "data"
    _make_store(case.store, data, good_store)
    if case.team is not None:
        (data / "team.toml").write_bytes(case.team)


def _make_store(kind: str, data: Path, good_store: Path) -> None:
    if kind == "missing":
        return
    if kind == "data-is-file":
        data.write_text("a file where the data folder should be\n")
        return
    data.mkdir()
    store = data / STORE
    if kind in {"good", "newer", "read-only-folder", "unreadable", "closed-folder"}:
        shutil.copyfile(good_store, store)
    elif kind in {"team-dir", "team-fifo", "team-unreadable"}:
        shutil.copyfile(good_store, store)
        if kind == "team-dir":
            (data / "team.toml").mkdir()
        elif kind == "team-fifo":
            os.mkfifo(data / "team.toml")
        else:  # a link, so that making the data folder private does not make it readable
            elsewhere = data.parent / "team-elsewhere.toml"
            elsewhere.write_text('name = "North Leeds"\n')
            elsewhere.chmod(0)
            (data / "team.toml").symlink_to(elsewhere)
    elif kind == "zero":
        store.touch()
    elif kind == "random":
        store.write_bytes(random.Random(10).randbytes(65_536))
    elif kind == "truncated":
        whole = good_store.read_bytes()
        store.write_bytes(whole[: len(whole) // 2])
    elif kind == "text":
        store.write_text("This is a shopping list, not a store.\n")
    elif kind == "store-is-folder":
        store.mkdir()
    elif kind == "foreign":
        with raw_connection(store) as other, other:
            other.execute("CREATE TABLE recipes (name TEXT, minutes INTEGER)")
            other.execute("INSERT INTO recipes VALUES ('Scones', 25)")
    if kind == "newer":
        with raw_connection(store) as newer, newer:
            newer.execute("UPDATE alembic_version SET version_num = '9999'")
    elif kind == "read-only-folder":
        data.chmod(0o555)
    elif kind == "unreadable":
        store.chmod(0)
    elif kind == "closed-folder":
        data.chmod(0)


def release(folder: Path) -> None:
    """Give back the permissions a case took away, so its folder can be removed."""
    for path in [folder, *folder.rglob("*")] if folder.exists() else []:
        if not path.is_symlink():
            path.chmod(0o700)


def snapshot(folder: Path) -> dict[str, str]:
    """Every path under `folder` with its kind, and a file's content hash."""
    seen = {}
    for root, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(root, name)
            relative = str(path.relative_to(folder))
            if path.is_symlink():
                seen[relative] = "link"
            elif path.is_dir():
                seen[relative] = "folder"
            elif path.is_file():
                try:
                    seen[relative] = hashlib.sha1(path.read_bytes()).hexdigest()
                except PermissionError:
                    seen[relative] = "unreadable"
            else:
                seen[relative] = "special"
    return seen


# --- running -------------------------------------------------------------------------------


def _expanded(part: str | bytes, folder: Path) -> bytes:
    raw = part if isinstance(part, bytes) else os.fsencode(part)
    for name, value in (("case", str(folder)), ("data", str(folder / "data")), ("peggy", PEGGY)):
        raw = raw.replace(b"{%s}" % name.encode(), os.fsencode(value))
    return raw


def _environment(case: Case, folder: Path) -> dict[str, bytes | None]:
    env: dict[str, bytes | None] = {
        "ASSESSOR_DATA_DIR": os.fsencode(folder / "data"),
        "ASSESSOR_WORKER": WORKER.encode(),
    }
    for name, value in case.env.items():
        env[name] = value if value is None or isinstance(value, bytes) else value.encode()
    return env


class _Refusing(io.RawIOBase):
    """A stream every write to which fails as /dev/full or a pipe with no reader does."""

    def __init__(self, number: int) -> None:
        self.number = number

    def writable(self) -> bool:
        return True

    def write(self, _data: object) -> int:
        raise (BrokenPipeError if self.number == errno.EPIPE else OSError)(
            self.number, os.strerror(self.number)
        )


def run_inside(case: Case, folder: Path) -> Outcome:
    """The case through `ui.app.main` in this process, as the `assessor` command runs it."""
    from ui.app import main

    raw = {"pipe": io.BytesIO(), "full": _Refusing(errno.ENOSPC)}.get(
        case.stdout, _Refusing(errno.EPIPE)
    )
    out = io.TextIOWrapper(raw, encoding="utf-8", errors="strict")  # type: ignore[arg-type]
    err_bytes = io.BytesIO()
    err = io.TextIOWrapper(err_bytes, encoding="utf-8", errors="backslashreplace")
    saved = (dict(os.environ), Path.cwd(), sys.stdout, sys.stderr)
    for name, value in _environment(case, folder).items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = os.fsdecode(value)
    os.chdir(folder)
    sys.stdout, sys.stderr = out, err
    try:
        code = main([os.fsdecode(_expanded(part, folder)) for part in case.argv])
    except SystemExit as leaving:
        code = leaving.code if isinstance(leaving.code, int) else 1
    except BaseException:
        err.write(traceback.format_exc())  # what the interpreter would print
        code = 1
    finally:
        os.environ.clear()
        os.environ.update(saved[0])
        os.chdir(saved[1])
        sys.stdout, sys.stderr = saved[2], saved[3]
    try:
        out.flush()  # as the interpreter does at exit
    except OSError as problem:
        err.write(f"Exception ignored in: <stdout>\n{type(problem).__name__}: {problem}\n")
    err.flush()
    stdout = raw.getvalue() if isinstance(raw, io.BytesIO) else b""
    with contextlib.suppress(OSError):  # a refusing stream fails once more as it closes
        out.close()
    return Outcome(code, stdout, err_bytes.getvalue())


def run_batch(cases: list[tuple[Case, Path]], python: str, repo: Path) -> list[Outcome]:
    """Cases run in this way, but in one child process that cannot override file permissions
    (when running as root): one start-up for them all."""
    command = [python, "-m", "tests.bad_inputs.running"]
    if os.geteuid() == 0:
        command = [*NO_OVERRIDE, *command]
    request = json.dumps([[case.name, str(folder)] for case, folder in cases])
    env = {**os.environ, "PYTHONPATH": str(repo)}
    done = subprocess.run(
        command, input=request.encode(), env=env, capture_output=True, timeout=120, check=True
    )
    return [
        Outcome(code, base64.b64decode(out), base64.b64decode(err))
        for code, out, err in json.loads(done.stdout)
    ]


def _serve_batch() -> None:
    from tests.bad_inputs.cases import MATRIX

    by_name = {case.name: case for case in MATRIX}
    answers = []
    for name, folder in json.load(sys.stdin):
        outcome = run_inside(by_name[name], Path(folder))
        answers.append(
            [
                outcome.code,
                base64.b64encode(outcome.stdout).decode(),
                base64.b64encode(outcome.stderr).decode(),
            ]
        )
    json.dump(answers, sys.stdout)


def run_process(case: Case, folder: Path, python: str, repo: Path) -> Outcome:
    """The case as a real `assessor` process, from the code in `repo`."""
    try:
        return _run_process(case, folder, python, repo)
    except subprocess.TimeoutExpired:
        return Outcome(-9, b"", HUNG)


def _run_process(case: Case, folder: Path, python: str, repo: Path) -> Outcome:
    command = [python, "-m", "ui.app", *(_expanded(part, folder) for part in case.argv)]
    if case.permissions and os.geteuid() == 0:
        command = [*NO_OVERRIDE, *command]
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "HOME": str(folder),
        "XDG_DATA_HOME": str(folder / "xdg"),
        "XDG_CONFIG_HOME": str(folder / "xdg"),
        "PYTHONPATH": str(repo),
        "PYTHONDONTWRITEBYTECODE": "1",
        "QT_QPA_PLATFORM": "offscreen",
    }
    environ = {name.encode(): value.encode() for name, value in env.items()}
    for name, value in _environment(case, folder).items():
        if value is None:
            environ.pop(name.encode(), None)
        else:
            environ[name.encode()] = value
    if case.signal is not None:
        return _signalled(case.signal, command, environ, folder)
    if case.stdout == "pipe":
        done = subprocess.run(command, env=environ, cwd=folder, capture_output=True, timeout=HANG)
        return Outcome(done.returncode, done.stdout, done.stderr)
    if case.stdout == "full":
        with open("/dev/full", "wb") as full:
            done = subprocess.run(
                command, env=environ, cwd=folder, stdout=full, stderr=subprocess.PIPE, timeout=HANG
            )
        return Outcome(done.returncode, b"", done.stderr)
    reader, writer = os.pipe()
    os.close(reader)  # the reader has gone before the command writes a byte
    try:
        done = subprocess.run(
            command, env=environ, cwd=folder, stdout=writer, stderr=subprocess.PIPE, timeout=HANG
        )
    finally:
        os.close(writer)
    return Outcome(done.returncode, b"", done.stderr)


def _signalled(number: int, command: list[bytes | str], environ: dict, folder: Path) -> Outcome:
    """Send the signal once the command is blocked writing into a small, full pipe."""
    reader, writer = os.pipe()
    fcntl.fcntl(writer, F_SETPIPE_SZ, 4096)
    with subprocess.Popen(
        command, env=environ, cwd=folder, stdout=writer, stderr=subprocess.PIPE
    ) as child:
        os.close(writer)
        with os.fdopen(reader, "rb") as pipe:
            first = pipe.read(1)  # it has begun writing; more than the pipe holds follows
            child.send_signal(number)
            rest = pipe.read()
        stderr = child.stderr.read() if child.stderr else b""
    return Outcome(child.returncode, first + rest, stderr)


# --- judging -------------------------------------------------------------------------------


def faults(
    case: Case, outcome: Outcome, before: dict[str, str], after: dict[str, str]
) -> list[str]:
    """What the case did wrong; empty when it refused cleanly."""
    found = []
    err, out = outcome.stderr, outcome.stdout
    if b"Traceback (most recent call last)" in err + out:
        found.append("traceback")
    if err == HUNG:
        found.append("hung")
    if outcome.code == 0:
        found.append("exit 0")
    if b"something unexpected went wrong" in err:
        found.append("no specific message")
    lines = err.count(b"\n")
    if not (err.startswith(b"assessor: ") and err.endswith(b"\n") and lines == 1):
        found.append(f"{lines} lines on stderr")
    # Line breaks are counted above; any other control character came from the input.
    text = os.fsdecode(err + out).replace("\n", " ").replace("\t", " ")
    if shown(text) != text:
        found.append("control characters shown")
    changed = {
        path
        for path in before.keys() | after.keys()
        if before.get(path) != after.get(path) and path not in case.may_write
    }
    if changed:
        found.append("left behind or changed: " + ", ".join(sorted(changed)[:3]))
    return found


if __name__ == "__main__":
    _serve_batch()
