"""The wheel and the sdist carry the built-in rubrics, templates, schemas and the licence."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from coprod_assess import __version__

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the sdist and the wheel once, with the build backend pip would call."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "hatchling",
            "build",
            "--target",
            "sdist",
            "--target",
            "wheel",
            "-d",
            str(out),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return out


def test_wheel_ships_rubrics_and_schemas(dist: Path) -> None:
    (wheel,) = dist.glob("coprod_assess-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in sorted(ROOT.glob("rubrics/*.yaml")):
        assert f"coprod_assess/rubrics/{path.name}" in names
    for path in sorted(ROOT.glob("schema/*.json")):
        assert f"coprod_assess/schema/{path.name}" in names
    assert "coprod_assess/cli/app.py" in names


def test_wheel_carries_the_licence_its_metadata_names(dist: Path) -> None:
    (wheel,) = dist.glob("coprod_assess-*.whl")
    info = f"coprod_assess-{__version__}.dist-info"
    with zipfile.ZipFile(wheel) as archive:
        licence = archive.read(f"{info}/licenses/LICENSE").decode()
        metadata = archive.read(f"{info}/METADATA").decode()
    assert licence == (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License")
    assert "License-Expression: MIT" in metadata.splitlines()
    assert "License-File: LICENSE" in metadata.splitlines()


def test_sdist_carries_the_licence_changelog_and_contributing(dist: Path) -> None:
    (sdist,) = dist.glob("coprod_assess-*.tar.gz")
    top = f"coprod_assess-{__version__}"
    with tarfile.open(sdist) as archive:
        names = set(archive.getnames())
        member = archive.extractfile(f"{top}/LICENSE")
        assert member is not None
        licence = member.read().decode()
    assert licence == (ROOT / "LICENSE").read_text(encoding="utf-8")
    for name in ("README.md", "CHANGELOG.md", "CONTRIBUTING.md", "pyproject.toml"):
        assert f"{top}/{name}" in names
