"""Helpers to check inline YAML and compare problems by (line, column, code)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from coprod_assess.rubric.check_run import check_paths

Found = list[tuple[str, int, int, str]]

HEAD = """\
id: tiny
version: 1.0.0
title: Tiny
summary: A tiny rubric.
source:
  citation: "Test (2026)."
"""


@pytest.fixture
def check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Found]:
    """Write files {name: yaml} and return their problems as (file, line, column, code)."""
    monkeypatch.chdir(tmp_path)

    def _check(**files: str) -> Found:
        paths = []
        for name, source in files.items():
            path = tmp_path / f"{name}.yaml"
            path.write_text(textwrap.dedent(source).lstrip("\n"), encoding="utf-8")
            paths.append(path)
        report = check_paths(paths)
        return [(p.file.removesuffix(".yaml"), p.line, p.column, p.code) for p in report.problems]

    return _check
