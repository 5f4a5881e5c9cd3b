"""Every way into a store takes its key from a key provider; a key that the driver cannot use,
or a provider that cannot give keys, stops the opening in plain words before anything is read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from db.connection import (
    copy_store,
    create_server_engine,
    create_store_engine,
    raw_connection,
    store_path,
)
from db.keys import PLAIN, KeyProblem, KeyProvider
from db.store import Store

pytestmark = pytest.mark.sqlite_only  # the file's ways in; the server's is tested by name


class LockedStore:
    """A provider with a key for every store, as an encrypted store's will have."""

    def is_available(self) -> bool:
        return True

    def key_for(self, store: str) -> bytes | None:
        return bytes(32)


class NoKeyring:
    """A provider that cannot give keys here (no keyring backend, no passphrase given)."""

    def is_available(self) -> bool:
        return False

    def key_for(self, store: str) -> bytes | None:
        raise AssertionError("never asked when it is not available")


@pytest.fixture
def held(tmp_path: Path) -> Path:
    Store.open(tmp_path, "Test Worker", create=True).close()
    return store_path(tmp_path)


def test_a_plain_store_has_no_key_and_opens_every_way(held: Path, tmp_path: Path) -> None:
    assert PLAIN.is_available() and PLAIN.key_for(str(held)) is None
    with raw_connection(held, "ro") as connection:
        assert connection.execute("SELECT count(*) FROM people").fetchone() == (0,)
    copy_store(held, tmp_path / "copy.sqlite")
    with raw_connection(tmp_path / "copy.sqlite", "immutable") as copy:
        assert copy.execute("SELECT count(*) FROM people").fetchone() == (0,)


def _raw(path: Path, keys: KeyProvider) -> None:
    with raw_connection(path, keys=keys):
        pass


OPENINGS: dict[str, Callable[[Path, KeyProvider], object]] = {
    "engine": lambda path, keys: create_store_engine(path, keys=keys),
    "raw connection": _raw,
    "copy": lambda path, keys: copy_store(path, path.with_name("copy.sqlite"), keys=keys),
    "server": lambda _path, keys: create_server_engine(
        "postgresql+psycopg://worker:secret@/assessor?host=/run/assessor", keys=keys
    ),
}


@pytest.mark.parametrize("open_with", OPENINGS.values(), ids=OPENINGS.keys())
def test_a_key_the_driver_cannot_use_is_refused_in_plain_words_not_ignored(
    held: Path, open_with: Callable[[Path, KeyProvider], object]
) -> None:
    before = held.read_bytes()
    with pytest.raises(KeyProblem, match="locked with a key") as refused:
        open_with(held, LockedStore())
    assert "secret" not in str(refused.value)
    assert held.read_bytes() == before
    assert not held.with_name("copy.sqlite").exists()


def test_a_provider_that_cannot_give_keys_stops_the_opening(held: Path) -> None:
    with pytest.raises(KeyProblem, match="could not get the key"):
        create_store_engine(held, keys=NoKeyring())
    with pytest.raises(KeyProblem, match="could not get the key"):
        _raw(held, NoKeyring())


def test_only_a_postgresql_url_makes_a_server_engine() -> None:
    with pytest.raises(ValueError, match="postgresql URL"):
        create_server_engine("mysql://someone@somewhere/assessor")
