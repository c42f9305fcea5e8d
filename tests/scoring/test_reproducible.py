"""Result files and reports are the same bytes whatever the hash seed: no set order leaks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA

ANSWERS = DATA / "answers" / "workshop.yaml"
RUBRICS = DATA / "rubrics"


def written(tmp_path: Path, seed: str, command: str, name: str) -> bytes:
    folder = tmp_path / f"seed-{seed}"
    folder.mkdir(exist_ok=True)
    environment = {**os.environ, "PYTHONHASHSEED": seed, "NO_COLOR": "1"}
    arguments = [command, str(ANSWERS), "--rubric", str(RUBRICS), "-o", name]
    finished = subprocess.run(
        [sys.executable, "-m", "coprod_assess", *arguments],
        cwd=folder,
        env=environment,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr.decode()
    return (folder / name).read_bytes()


@pytest.mark.parametrize(
    ("command", "name"), [("score", "r.json"), ("score", "r.yaml"), ("report", "r.html")]
)
def test_same_bytes_under_different_hash_seeds(tmp_path: Path, command: str, name: str) -> None:
    first = written(tmp_path, "1", command, name)
    second = written(tmp_path, "2", command, name)
    assert first
    assert first == second
