"""Every file the app produces is written beside its target and renamed only when whole."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from assessor.files import CannotWrite, write_whole
from tests.full_disk import full_disk

DOCUMENT = b"%PDF-1.4 " + os.urandom(100_000)  # larger than the full disk holds


def test_a_file_is_written_whole_for_its_owner_alone(tmp_path: Path) -> None:
    target = tmp_path / "My plan - Ada Lark.pdf"
    write_whole(target, DOCUMENT)
    assert target.read_bytes() == DOCUMENT
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert os.listdir(tmp_path) == [target.name]


def test_a_full_disk_leaves_no_file_at_all(tmp_path: Path) -> None:
    with full_disk(tmp_path / "disk") as disk:
        target = disk / "plan.pdf"
        with pytest.raises(CannotWrite) as refused:
            write_whole(target, DOCUMENT)
        assert str(refused.value) == f"cannot write {target}: the disk is full"
        assert os.listdir(disk) == []


def test_a_full_disk_keeps_the_old_file_as_it_was(tmp_path: Path) -> None:
    with full_disk(tmp_path / "disk") as disk:
        target = disk / "plan.pdf"
        target.write_bytes(b"the plan printed last week")
        with pytest.raises(CannotWrite):
            write_whole(target, DOCUMENT)
        assert target.read_bytes() == b"the plan printed last week"
        assert os.listdir(disk) == ["plan.pdf"]


@pytest.mark.parametrize("target", ["", ".", "..", "/", "folder", "folder/"])
def test_a_folder_is_not_a_file_name(tmp_path: Path, target: str, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    with pytest.raises(CannotWrite, match="it is a folder; give a file name"):
        write_whole(target, DOCUMENT)
    assert sorted(os.listdir(tmp_path)) == ["folder"]
    assert os.listdir(tmp_path / "folder") == []


def test_a_device_or_pipe_is_never_replaced(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(CannotWrite, match="not an ordinary file"):
        write_whole(pipe, DOCUMENT)
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


def test_ctrl_c_while_writing_leaves_no_partial_file(tmp_path: Path, monkeypatch) -> None:
    """An interruption between writing and renaming removes the hidden partial file."""

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_whole(tmp_path / "plan.pdf", DOCUMENT)
    assert os.listdir(tmp_path) == []
