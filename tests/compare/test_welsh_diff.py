"""`coprod diff --lang cy` of an English year against a Welsh year: a translation never
changes what was asked, so every dimension compares, with the figures of two English years.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from coprod_assess.cli.app import app
from coprod_assess.demo import demo_answers
from coprod_assess.i18n import using
from coprod_assess.rubric.catalog import load_catalog
from tests.compare.conftest import YEAR_2026, earlier


def run(*args: str) -> str:
    """`coprod ARGS`, leaving the language of the tests as it was; what it printed."""
    with using("en"):
        result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def years(tmp_path: Path) -> dict[str, Path]:
    """2025 answered in English; 2026 twice, with the same ids: answered in English, and
    answered in Welsh (each person's lang is cy, the room checked the findings in Welsh)."""
    with using("cy"):
        welsh = demo_answers(load_catalog())
    for person in welsh["respondents"]:
        person["lang"] = "cy"
    return {
        "2025": write(tmp_path / "2025.yaml", earlier("2025", "2025-11-20")),
        "2026": write(tmp_path / "2026.yaml", YEAR_2026),
        "2026-cy": write(tmp_path / "2026-cy.yaml", welsh),
    }


def numbers(value: Any) -> Any:
    """The figures of a part of a diff, without its words (band and rung names are in the
    language of the comparison)."""
    if isinstance(value, dict):
        return {
            key: numbers(item)
            for key, item in value.items()
            if key not in ("name", "group", "old_band", "new_band", "title")
        }
    return value


def figures(diff: dict[str, Any]) -> list[Any]:
    """Every figure a diff compares, and whether it compares it."""
    found: list[Any] = []
    for rubric in diff["rubrics"]:
        found.append((rubric["id"], rubric["comparable"], numbers(rubric["score"])))
        found.append(numbers(rubric["rung"]))
        found += [
            (rubric["id"], d["id"], d["comparable"], numbers(d["score"]), numbers(d["rung"]))
            for d in rubric["dimensions"]
        ]
        found.append((rubric["gap_old"], rubric["gap_new"], rubric["coverage_new"]))
    return found


def test_an_english_year_against_a_welsh_year_compares_every_dimension(
    years: dict[str, Path],
) -> None:
    english = json.loads(run("diff", str(years["2025"]), str(years["2026"]), "--format", "json"))
    welsh = json.loads(
        run("diff", str(years["2025"]), str(years["2026-cy"]), "--format", "json", "--lang", "cy")
    )
    assert welsh["rubrics"], "the two years share their rubrics"
    for rubric in welsh["rubrics"]:
        assert rubric["comparable"], rubric["title"]
        assert rubric["notes"] == [], rubric["notes"]  # no "content changed" note
        assert all(d["comparable"] and not d["reason"] for d in rubric["dimensions"])
    assert welsh["warnings"] == english["warnings"] == []
    assert figures(welsh) == figures(english)
    bands = [r["score"]["new_band"] for r in welsh["rubrics"] if r["score"]["new_band"]]
    assert bands and not set(bands) & {r["score"]["new_band"] for r in english["rubrics"]}
    assert welsh["flags_raised"] == [] and welsh["flags_cleared"] == []


def test_the_welsh_diff_is_in_welsh(years: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "diff.md"
    run("diff", str(years["2025"]), str(years["2026-cy"]), "--lang", "cy", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "newidiadau o 2025 i 2026" in text
    assert "## Arwyddion rhybudd" in text and "| Maes | 2025 | 2026 | Newid |" in text
    assert "not compared" not in text and "Warning signs" not in text
    html = tmp_path / "diff.html"
    run("diff", str(years["2025"]), str(years["2026-cy"]), "--lang", "cy", "-o", str(html))
    assert '<html lang="cy">' in html.read_text(encoding="utf-8")
    table = run("diff", str(years["2025"]), str(years["2026-cy"]), "--lang", "cy")
    assert "newidiadau o 2025 i 2026" in table and "Ar y cyfan" in table


def test_the_welsh_trend_is_in_welsh(years: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "trend.md"
    run("trend", str(years["2025"]), str(years["2026-cy"]), "--lang", "cy", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "Pwy atebodd: 2025, 10 o bobl; 2026, 10 o bobl." in text
    assert "| Pobl a atebodd |" in text and "People who answered" not in text
