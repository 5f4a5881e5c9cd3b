"""A store that is missing, empty, damaged or out of reach is reported in plain words and left
exactly as it was; a new store is made only when asked for."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.connection import raw_connection, store_path
from db.problems import StoreDamaged, StoreMissing, StoreProblem, StoreUnreachable
from db.store import Store

pytestmark = pytest.mark.sqlite_only  # what is found at the store file's path

REPO = Path(__file__).resolve().parents[2]
SCHEMA_0004 = REPO / "tests" / "fixtures" / "store-schema-0004.sqlite"
OPEN_AS_ANOTHER_USER = """
import os
import sys
from pathlib import Path
from db.problems import StoreProblem
from db.store import Store
if len(sys.argv) > 2:  # root: become that user once the code is loaded from root's Python
    os.setgroups([])
    os.setgid(int(sys.argv[3]))
    os.setuid(int(sys.argv[2]))
try:
    Store.open(Path(sys.argv[1]), "Test Worker").close()
except StoreProblem as problem:
    print(problem)
else:
    print("opened")
"""


def plain_problem(data_dir: Path, kind: type[StoreProblem], *, create: bool = False) -> str:
    """The message Store.open gives, checked to be plain and to name the folder."""
    with pytest.raises(kind) as caught:
        Store.open(data_dir, "Test Worker", create=create)
    message = str(caught.value)
    assert str(data_dir) in message
    words = message.replace(str(store_path(data_dir)), "").replace(str(data_dir), "")
    for technical in ("sqlite", "SQL", "SELECT", "Error", "Traceback", "Errno", "alembic"):
        assert technical not in words
    return message


def test_a_zero_byte_store_is_reported_never_rebuilt(tmp_path: Path) -> None:
    path = store_path(tmp_path)
    path.touch()
    for create in (False, True):
        message = plain_problem(tmp_path, StoreDamaged, create=create)
        assert "empty (0 bytes)" in message
    assert path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["assessor.sqlite"]


def test_a_mistyped_folder_is_reported_and_nothing_is_created(tmp_path: Path) -> None:
    mistyped = tmp_path / "Asessor"
    message = plain_problem(mistyped, StoreMissing)
    assert message.startswith(f"No records were found in {mistyped}.")
    assert not mistyped.exists()


def test_a_folder_with_no_store_is_reported_unless_a_new_store_is_asked_for(
    tmp_path: Path,
) -> None:
    plain_problem(tmp_path, StoreMissing)
    assert list(tmp_path.iterdir()) == []
    Store.open(tmp_path, "Test Worker", create=True).close()
    Store.open(tmp_path, "Test Worker").close()


@pytest.mark.parametrize(
    "contents",
    [
        pytest.param(os.urandom(8192), id="random bytes"),
        pytest.param(SCHEMA_0004.read_bytes()[:40960], id="cut short"),
        pytest.param(b"SQLite format 3\x00" + bytes(84), id="a bare header"),
    ],
)
def test_a_file_that_is_not_a_whole_store_is_reported_and_left_as_it_was(
    tmp_path: Path, contents: bytes
) -> None:
    path = store_path(tmp_path)
    path.write_bytes(contents)
    message = plain_problem(tmp_path, StoreDamaged)
    assert "is not an Assessor store, or it is damaged" in message
    assert path.read_bytes() == contents
    assert sorted(p.name for p in tmp_path.iterdir()) == ["assessor.sqlite"]


def test_another_programs_database_is_not_taken_for_a_store(tmp_path: Path) -> None:
    path = store_path(tmp_path)
    with raw_connection(path) as connection, connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    before = path.read_bytes()
    assert "is not an Assessor store" in plain_problem(tmp_path, StoreDamaged, create=True)
    assert path.read_bytes() == before


def test_a_folder_where_the_store_should_be_is_reported(tmp_path: Path) -> None:
    store_path(tmp_path).mkdir()
    assert "is a folder, not an Assessor store" in plain_problem(
        tmp_path, StoreUnreachable, create=True
    )


def test_a_data_folder_that_is_a_file_is_reported(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("shopping", encoding="utf-8")
    assert "is a file, not a folder" in plain_problem(not_a_folder, StoreUnreachable, create=True)
    assert not_a_folder.read_text(encoding="utf-8") == "shopping"


@pytest.fixture
def reachable_folder() -> Iterator[Path]:
    """A folder another user can reach: pytest's own temporary folders are root's alone."""
    folder = Path(tempfile.mkdtemp(prefix="assessor-test-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def open_as_another_user(data_dir: Path) -> str:
    """Store.open in a child that becomes `nobody` when the tests run as root (as in CI), who
    may read and write anything; otherwise as this user, whom the modes already stop.

    The child drops root only after loading the code, as Python itself may live under /root.
    """
    nobody = pwd.getpwnam("nobody")
    as_nobody = [str(nobody.pw_uid), str(nobody.pw_gid)] if os.geteuid() == 0 else []
    result = subprocess.run(
        [sys.executable, "-c", OPEN_AS_ANOTHER_USER, str(data_dir), *as_nobody],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


@pytest.mark.slow
def test_a_read_only_folder_and_an_unreadable_store_are_reported(reachable_folder: Path) -> None:
    read_only = reachable_folder / "read-only"
    read_only.mkdir()
    shutil.copyfile(SCHEMA_0004, store_path(read_only))
    store_path(read_only).chmod(0o644)
    read_only.chmod(0o555)
    unreadable = reachable_folder / "unreadable"
    unreadable.mkdir(mode=0o777)
    unreadable.chmod(0o777)
    shutil.copyfile(SCHEMA_0004, store_path(unreadable))
    store_path(unreadable).chmod(0o000)

    assert open_as_another_user(read_only) == (
        f"Assessor cannot save in {read_only}: the folder is read-only or belongs to someone "
        "else. Nothing has been changed. Ask council IT to give you access to it."
    )
    assert open_as_another_user(unreadable) == (
        f"Assessor is not allowed to read and change {store_path(unreadable)}. Nothing has "
        "been changed. Ask council IT to give you access to it."
    )
    assert store_path(read_only).read_bytes() == SCHEMA_0004.read_bytes()
    assert sorted(p.name for p in unreadable.iterdir()) == ["assessor.sqlite"]
