"""The tests' PostgreSQL server: without its binaries the PostgreSQL tests fail and say how to
get them (skipped only when asked), and it is stopped and removed even when a test fails."""

from __future__ import annotations

import pytest

from tests.kit import postgres
from tests.kit.postgres import SKIP_VARIABLE, running_server


def test_without_postgresql_the_tests_fail_saying_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(postgres, "binaries", lambda: None)
    monkeypatch.delenv(SKIP_VARIABLE, raising=False)
    with pytest.raises(pytest.fail.Exception, match=r"bash packaging/setup\.sh"), running_server():
        pass


def test_without_postgresql_they_are_skipped_only_when_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(postgres, "binaries", lambda: None)
    monkeypatch.setenv(SKIP_VARIABLE, "skip")
    with pytest.raises(pytest.skip.Exception), running_server():
        pass


def test_the_server_is_stopped_and_removed_when_a_test_fails() -> None:
    with pytest.raises(RuntimeError, match="a failing test"), running_server() as server:
        server.new_database()
        raise RuntimeError("a failing test")
    assert not server.folder.exists()
    assert not server.is_running()
