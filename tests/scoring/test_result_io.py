"""Result files: deterministic, round-trip, and a clear message for a newer tool's file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from coprod_assess.errors import CoprodError
from coprod_assess.scoring.from_file import scored_from_file
from coprod_assess.scoring.result_io import load_result, result_json, result_yaml
from tests.conftest import DATA

ANSWERS = DATA / "answers" / "workshop.yaml"
RUBRICS = [DATA / "rubrics"]


def test_same_inputs_give_byte_identical_output() -> None:
    first = scored_from_file(ANSWERS, RUBRICS).shared
    second = scored_from_file(ANSWERS, RUBRICS).shared
    assert result_json(first) == result_json(second)
    assert result_yaml(first) == result_yaml(second)


@pytest.mark.parametrize(("name", "render"), [("r.json", result_json), ("r.yaml", result_yaml)])
def test_round_trip(write: Callable[..., Path], name: str, render: Callable[..., str]) -> None:
    result = scored_from_file(ANSWERS, RUBRICS).shared
    path = write(name, render(result))
    assert load_result(path) == result
    assert scored_from_file(path).shared == result


def test_result_holds_what_reports_need() -> None:
    data = json.loads(result_json(scored_from_file(ANSWERS, RUBRICS).shared))
    (rubric,) = data["rubrics"]
    assert rubric["content_hash"].startswith("sha256:")
    assert rubric["citation"].startswith("Test, A. (2026)")
    assert data["tool_version"]
    assert data["respondents"]["perspectives"] == {"lived": 3, "professional": 3}
    assert "Sam" not in result_json(scored_from_file(ANSWERS, RUBRICS).shared)


def test_newer_result_file_is_named_as_such(write: Callable[..., Path]) -> None:
    data = json.loads(result_json(scored_from_file(ANSWERS, RUBRICS).shared))
    data["tool_version"] = "9.0.0"
    data["rubrics"][0]["confidence"] = 0.9
    path = write("future.json", json.dumps(data, indent=2))
    with pytest.raises(CoprodError) as caught:
        load_result(path)
    (problem,) = caught.value.problems
    assert problem.code == "newer-result"
    assert "coprod-assess 9.0.0, newer than this one" in problem.message
    assert problem.line == 4
