"""The wheel carries the built-in rubrics, templates and schemas."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_rubrics_and_schemas(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("coprod_assess-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in sorted(ROOT.glob("rubrics/*.yaml")):
        assert f"coprod_assess/rubrics/{path.name}" in names
    for path in sorted(ROOT.glob("schema/*.json")):
        assert f"coprod_assess/schema/{path.name}" in names
    assert "coprod_assess/cli/app.py" in names
