"""The data folder and every file in it are the worker's alone: 0700 and 0600, on every start."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from assessor.record import Person
from db.connection import store_path
from db.store import Store
from tests.db.test_upgrade_kills import SCHEMA_0001

pytestmark = pytest.mark.sqlite_only  # the store file's permissions

REPO = Path(__file__).resolve().parents[2]
SCHEMA_0004 = REPO / "tests" / "fixtures" / "store-schema-0004.sqlite"


def modes(data_dir: Path) -> dict[str, str]:
    """Each path under the data folder (and the folder itself, as ".") with its mode."""
    found = {".": oct(stat.S_IMODE(data_dir.stat().st_mode))}
    for path in data_dir.rglob("*"):
        found[str(path.relative_to(data_dir))] = oct(stat.S_IMODE(path.stat().st_mode))
    return found


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """Files made as most desktops make them: readable by every user of the machine."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_every_start_makes_the_folder_and_its_files_the_workers_alone(
    tmp_path: Path, permissive_umask: None
) -> None:
    """A store from a release that left it 0755 and 0644, with a backup and a log beside it."""
    data_dir = tmp_path / "data"
    (data_dir / "backups").mkdir(parents=True)
    shutil.copyfile(SCHEMA_0004, store_path(data_dir))
    shutil.copyfile(SCHEMA_0004, data_dir / "backups" / "assessor-schema-0003-old.sqlite")
    (data_dir / "assessor.log").write_text("opened\n", encoding="utf-8")
    data_dir.chmod(0o755)

    store = Store.open(data_dir, "Test Worker")
    try:
        store.add_person(Person(preferred_name="Reg", presenting_problem="Lonely"))
        found = modes(data_dir)
        upgrade_copies = [
            name for name in found if name.startswith("backups/assessor-schema-0004-")
        ]
        assert [found.pop(name) for name in upgrade_copies] == ["0o600"] * len(upgrade_copies)
        assert found == {
            ".": "0o700",
            "assessor.sqlite": "0o600",
            "assessor.sqlite-wal": "0o600",
            "assessor.sqlite-shm": "0o600",
            "assessor.log": "0o600",
            "backups": "0o700",
            "backups/assessor-schema-0003-old.sqlite": "0o600",
        }
    finally:
        store.close()


def test_new_stores_and_backups_are_private_whatever_the_umask(
    tmp_path: Path, permissive_umask: None
) -> None:
    new = tmp_path / "new"
    store = Store.open(new, "Test Worker", create=True)
    store.add_person(Person(preferred_name="Reg", presenting_problem="Lonely"))
    assert set(modes(new).values()) == {"0o700", "0o600"}
    assert modes(new)["."] == "0o700"
    store.close()

    upgraded = tmp_path / "upgraded"
    upgraded.mkdir()
    shutil.copyfile(SCHEMA_0001, store_path(upgraded))
    Store.open(upgraded, "Test Worker").close()
    (backup,) = (upgraded / "backups").iterdir()
    assert modes(upgraded)["backups"] == "0o700"
    assert modes(upgraded)[f"backups/{backup.name}"] == "0o600"
