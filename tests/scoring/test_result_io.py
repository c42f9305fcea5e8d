"""Result files: deterministic, round-trip, and a clear message for a newer tool's file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coprod_assess.errors import CoprodError, Problem
from coprod_assess.privacy.redact import share
from coprod_assess.scoring.from_file import scored_from_file
from coprod_assess.scoring.result_io import load_result, result_json, result_yaml
from tests.conftest import DATA
from tests.scoring.conftest import catalog_of, respondents, rubric, score

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


def test_general_notes_round_trip_and_older_files_without_them_still_load(
    write: Callable[..., Path],
) -> None:
    text = ANSWERS.read_text(encoding="utf-8").replace(
        "    role: staff\n", "    role: staff\n    note: Nobody told us the budget.\n"
    )
    result = scored_from_file(write("noted.yaml", text), RUBRICS).shared
    (note,) = result.general_notes
    assert note.text == "Nobody told us the budget."
    assert load_result(write("noted.json", result_json(result))) == result
    # Result files from before general notes were kept have no `general_notes` at all.
    data = json.loads(result_json(result))
    del data["general_notes"]
    older = load_result(write("older.json", json.dumps(data, indent=2)))
    assert older.general_notes == [] and older.rubrics == result.rubrics


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


def refused(write: Callable[..., Path], text: str) -> Problem:
    with pytest.raises(CoprodError) as caught:
        load_result(write("changed.json", text))
    (problem,) = caught.value.problems
    return problem


def line_of(text: str, marker: str) -> int:
    return text.count("\n", 0, text.index(marker)) + 1


@pytest.mark.parametrize(
    ("old", "new", "code", "message"),
    [
        ('"total": 6', '"total": ' + "9" * 5000, "yaml-number", "5,000 digits is too long"),
        ('"total": 6', '"total": 10000000000001', "invalid", "less than or equal to 1000000000000"),
        ('"total": 6', '"total": -1', "invalid", "greater than or equal to 0"),
        ('"min_coverage": 50.0', '"min_coverage": NaN', "invalid", "a finite number"),
        ('"min_coverage": 50.0', '"min_coverage": .nan', "invalid", "a finite number"),
        ('"min_coverage": 50.0', '"min_coverage": 1e999', "invalid", "a finite number"),
        ('"min_coverage": 50.0', '"min_coverage": -.inf', "invalid", "a finite number"),
        ('"min_coverage": 50.0', '"min_coverage": 100.5', "invalid", "less than or equal to 100"),
        ('"percent": 55.74', '"percent": 155.74', "invalid", "less than or equal to 100"),
        ('"coverage": 91.67', '"coverage": -0.01', "invalid", "greater than or equal to 0"),
        ('"method": "mean"', '"method": "vibes"', "invalid", "should be 'mean', 'median'"),
        ('"method": "mean"', '"method": "ladder"', "invalid", "a ladder rubric needs its ladder"),
    ],
)
def test_impossible_numbers_and_methods_are_refused_at_their_line(
    write: Callable[..., Path], old: str, new: str, code: str, message: str
) -> None:
    text = result_json(scored_from_file(ANSWERS, RUBRICS).shared)
    problem = refused(write, text.replace(old, new, 1))
    assert (problem.code, problem.line) == (code, line_of(text, old))
    assert message in problem.message


LADDER_ROWS = (
    ("staff", {"a1": 6, "a2": 6, "b1": 1}),
    ("family-carer", {"a1": 3, "a2": 6, "b1": 1}),
    ("manager", {"a1": 6, "a2": 3, "b1": 3}),
)


def ladder_data() -> dict[str, Any]:
    """A shared result of a three-rung ladder: area a on High (6), area b on Low (1)."""
    data = rubric("ladder")
    data["scale"] = [
        {"value": v, "label": name, "group": group}
        for v, name, group in [(1, "Low", "Bottom"), (3, "Middle", "Middle"), (6, "High", "Top")]
    ]
    result = score(catalog_of(data), respondents(*LADDER_ROWS))
    shared: dict[str, Any] = json.loads(result_json(share(result, 1, flags=[])))
    return shared


def test_a_ladder_result_round_trips(write: Callable[..., Path]) -> None:
    text = json.dumps(ladder_data(), indent=2)
    loaded = load_result(write("ladder.json", text))
    (rubric_result,) = loaded.rubrics
    assert rubric_result.ladder is not None and rubric_result.ladder.typical is not None
    assert rubric_result.ladder.typical.name == "Middle"


# Each change returns a text on a line near the part at fault, and how far below that part it is.
def _no_rungs(ladder: dict[str, Any]) -> tuple[str, int]:
    ladder["rungs"] = []
    return '"rungs": []', 0


def _rungs_out_of_order(ladder: dict[str, Any]) -> tuple[str, int]:
    ladder["rungs"].reverse()
    ladder["rungs"][1]["name"] = "Mid-rung"
    return '"Mid-rung"', 2


def _typical_off_the_ladder(ladder: dict[str, Any]) -> tuple[str, int]:
    ladder["typical"]["name"] = "Nowhere"
    return '"typical"', 0


def _typical_on_the_wrong_rung(ladder: dict[str, Any]) -> tuple[str, int]:
    ladder["typical"]["value"] = 6.5
    return '"typical"', 0


def _weakest_area_off_the_ladder(ladder: dict[str, Any]) -> tuple[str, int]:
    ladder["weakest"][0]["rung"]["group"] = "Elsewhere"
    return '"Elsewhere"', 3


def _weakest_above_strongest(ladder: dict[str, Any]) -> tuple[str, int]:
    ladder["weakest"], ladder["strongest"] = ladder["strongest"], ladder["weakest"]
    return '"weakest"', 0


def _weakest_without_strongest(ladder: dict[str, Any]) -> tuple[str, int]:
    ladder["strongest"] = []
    return '"weakest"', 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_no_rungs, "rubrics[0].ladder.rungs: a ladder needs at least one rung"),
        (_rungs_out_of_order, "rubrics[0].ladder.rungs[1]: rungs must be listed lowest first"),
        (_typical_off_the_ladder, "ladder.typical: rung 'Nowhere' at 3.5 is not on this ladder"),
        (_typical_on_the_wrong_rung, "ladder.typical: rung 'Middle' at 6.5 is not on this"),
        (_weakest_area_off_the_ladder, "ladder.weakest[0].rung: rung 'Low' at 1 is not on this"),
        (_weakest_above_strongest, "ladder.weakest: the weakest areas are above the strongest"),
        (_weakest_without_strongest, "weakest and strongest areas must both be given, or"),
    ],
)
def test_a_degenerate_ladder_is_refused_at_its_line(
    write: Callable[..., Path],
    change: Callable[[dict[str, Any]], tuple[str, int]],
    message: str,
) -> None:
    data = ladder_data()
    marker, below = change(data["rubrics"][0]["ladder"])
    text = json.dumps(data, indent=2)
    problem = refused(write, text)
    assert (problem.code, problem.line) == ("invalid", line_of(text, marker) - below)
    assert message in problem.message


def test_an_area_rung_off_the_ladder_is_refused_at_its_line(write: Callable[..., Path]) -> None:
    data = ladder_data()
    data["rubrics"][0]["dimensions"][1]["rung"]["name"] = "Basement"
    text = json.dumps(data, indent=2)
    problem = refused(write, text)
    assert problem.line == line_of(text, '"Basement"') - 2, "at the start of the rung"
    assert problem.message == (
        "rubrics[0].dimensions[1].rung: rung 'Basement' at 1 is not on this ladder"
    )


def test_weakest_and_strongest_must_follow_the_areas_rungs(write: Callable[..., Path]) -> None:
    data = ladder_data()
    data["rubrics"][0]["dimensions"][1]["rung"] = data["rubrics"][0]["dimensions"][0]["rung"]
    text = json.dumps(data, indent=2)
    problem = refused(write, text)
    assert problem.line == line_of(text, '"weakest"')
    assert problem.message == (
        "rubrics[0].ladder.weakest: the weakest areas should be a, b, from the areas' own rungs"
    )


def test_a_ladder_on_another_method_is_refused(write: Callable[..., Path]) -> None:
    data = ladder_data()
    data["rubrics"][0]["method"] = "median"
    text = json.dumps(data, indent=2)
    problem = refused(write, text)
    assert problem.line == line_of(text, '"median"')
    assert problem.message == "rubrics[0].method: a median rubric has no ladder or rungs"
