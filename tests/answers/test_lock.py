"""One writer at a time; a killed writer's temporary files are cleaned on the next run."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_assess.answers.lock import locked
from coprod_assess.errors import CoprodError


def test_a_second_writer_gets_one_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    with locked(path), pytest.raises(CoprodError) as caught, locked(path, doing="import into it"):
        pass
    (problem,) = caught.value.problems
    assert problem.code == "file-in-use"
    assert "cannot import into it" in problem.message and "coprod merge" in problem.message
    with locked(path):  # released: free again
        pass


def test_temporary_copies_left_by_a_kill_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("respondents: []\n", encoding="utf-8")
    left = tmp_path / ".a.yaml.k3j2.tmp"
    left.write_text("respondents: [{id: r1, name: Sam}]\n", encoding="utf-8")
    other = tmp_path / ".b.yaml.k3j2.tmp"
    other.write_text("not ours\n", encoding="utf-8")
    with locked(path):
        assert not left.exists()
    assert other.exists()
