"""Atomic writes keep what the old file was: a link stays a link, modes stay, read-only refused."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from coprod_assess.atomic import write_atomic
from coprod_assess.errors import CoprodError


def test_a_symbolic_link_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "answers.yaml"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "answers.yaml"
    link.symlink_to(real)
    write_atomic(link, "new\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"
    assert not list(tmp_path.glob(".answers.yaml.*")) and not list(real.parent.glob(".*.tmp"))


def test_the_mode_of_the_old_file_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o640)
    write_atomic(path, "new\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_new_file_gets_the_modes_the_umask_allows(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "n.yaml", "x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "n.yaml").stat().st_mode) == 0o644


def test_a_read_only_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("keep me\n", encoding="utf-8")
    path.chmod(0o444)
    with pytest.raises(CoprodError) as caught:
        write_atomic(path, "new\n")
    assert "is read-only" in str(caught.value.problems[0])
    assert path.read_text(encoding="utf-8") == "keep me\n"


@pytest.mark.parametrize("target", ["folder", "/dev/null"])
def test_folders_and_devices_are_refused(tmp_path: Path, target: str) -> None:
    path = tmp_path / "folder" if target == "folder" else Path(target)
    path.mkdir(exist_ok=True) if target == "folder" else None
    with pytest.raises(CoprodError) as caught:
        write_atomic(path, "x\n")
    assert caught.value.problems[0].code == "not-a-file"
