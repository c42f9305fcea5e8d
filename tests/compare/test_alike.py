"""Comparing assessments asked in different forms (full and short): only what both asked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from coprod_assess.compare.alike import diff_files, trend_files
from coprod_assess.scoring.from_file import scored_from_file
from coprod_assess.scoring.result_io import result_json
from tests.conftest import DATA

RUBRICS = [DATA / "short"]
FULL = {"money-1": 2, "money-2": 0, "decisions-1": 1, "decisions-2": 3, "decisions-3": 3}


def answers(period: str, form: str | None, given: dict[str, int]) -> dict[str, Any]:
    assessment: dict[str, Any] = {"period": period, "rubrics": {"core-power": "1.0.0"}}
    if form:
        assessment["form"] = form
    return {
        "assessment": assessment,
        "respondents": [
            {"id": f"r{n}", "role": "staff", "answers": {"core-power": dict(given)}}
            for n in range(1, 4)
        ],
    }


@pytest.fixture
def files(tmp_path: Path) -> Callable[..., Path]:
    """Write answers (or, with result=True, their result file) and return the path."""

    def _write(name: str, data: dict[str, Any], result: bool = False) -> Path:
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        if not result:
            return path
        shared = scored_from_file(path, RUBRICS, min_group=3).shared
        out = tmp_path / f"{name}.json"
        out.write_text(result_json(shared), encoding="utf-8")
        return out

    return _write


def test_full_answers_are_scored_on_the_core_questions_beside_a_short_form(
    files: Callable[..., Path],
) -> None:
    old = files("2025", answers("2025", None, FULL))
    short = {"money-1": 3, "decisions-1": 1, "decisions-2": 3}
    new = files("2026", answers("2026", "short", short))
    diff = diff_files(old, new, RUBRICS, min_group=3)
    assert diff.warnings[0] == (
        "2025 was asked the full form: its scores here count only the short form's core "
        "questions, which every assessment asked. Beside its own report they could hint at how "
        "people answered the other questions: share this comparison with care."
    )
    (rubric,) = diff.rubrics
    assert rubric.comparable and all(d.comparable for d in rubric.dimensions)
    money = rubric.dimensions[0]
    assert (money.score.old, money.score.new) == (2, 3)  # money-1 alone on both sides
    assert (rubric.coverage_old, rubric.coverage_new) == (100, 100)
    assert not any("content changed" in line for line in diff.warnings)


def test_result_files_of_different_forms_compare_only_the_same_questions(
    files: Callable[..., Path],
) -> None:
    one_question = {"money-1": 2, "decisions-1": 1, "decisions-2": 3}
    old = files("2025", answers("2025", None, FULL), result=True)
    new = files("2026", answers("2026", "short", one_question), result=True)
    diff = diff_files(old, new, RUBRICS, min_group=3)
    assert diff.warnings[0] == (
        "2025 was scored on the full form and 2026 on the short form: only dimensions that "
        "asked the same questions are compared. Compare the answers files, not result files, "
        "to compare both on the short form's core questions."
    )
    (rubric,) = diff.rubrics
    assert not rubric.comparable
    assert [(d.id, d.comparable) for d in rubric.dimensions] == [
        ("money", False),
        ("decisions", False),
    ]
    assert rubric.dimensions[0].reason == "questions changed (removed money-2)"
    assert not any("content changed" in line for line in diff.warnings)


def test_trend_leaves_out_what_another_form_asked_and_says_so(
    files: Callable[..., Path],
) -> None:
    short = {"money-1": 3, "decisions-1": 1, "decisions-2": 3}
    full_result = files("2024", answers("2024", None, FULL), result=True)
    full_answers = files("2025", answers("2025", None, FULL))
    short_answers = files("2026", answers("2026", "short", short))
    built = trend_files([full_result, full_answers, short_answers], RUBRICS, min_group=3)
    assert [p.form for p in built.periods] == ["full", "short", "short"]
    rows = {row.dimension: row.points for row in built.rows}
    # 2024 is a result file of the full form: nothing it scored asked the same questions.
    assert [p.value if p else None for p in rows[None]] == [None, 2, 2.5]
    assert [p.value if p else None for p in rows["money"]] == [None, 2, 3]
    assert built.notes[0].startswith("2025 was asked the full form: its scores here count only")
    assert built.notes[1].startswith(
        "Periods were scored on different forms (2024: full, 2025: short, 2026: short): a score "
        "from a form other than the latest one is left out where its questions differ."
    )


def test_files_of_one_form_have_no_note(files: Callable[..., Path]) -> None:
    old = files("2025", answers("2025", None, FULL))
    new = files("2026", answers("2026", None, FULL))
    assert diff_files(old, new, RUBRICS, min_group=3).warnings == []
    assert trend_files([old, new], RUBRICS, min_group=3).notes == []
