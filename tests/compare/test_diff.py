"""Comparing two assessments: moves, rungs, flags, versions, drops."""

from __future__ import annotations

import copy

from coprod_assess.compare.diff import compare, compare_rubric
from tests.compare.conftest import YEAR_2026, earlier, score


def test_same_assessment_has_no_change() -> None:
    result = score(YEAR_2026)
    diff = compare(result, result)
    for rubric in diff.rubrics:
        assert rubric.comparable and rubric.score.direction == "same"
        assert all(d.score.change == 0 for d in rubric.dimensions)
    assert diff.flags_raised == diff.flags_cleared == []
    assert diff.drops(0) == []


def test_moves_rungs_and_drops() -> None:
    diff = compare(score(earlier("2025", "2025-11-20")), score(YEAR_2026))
    ladder = next(r for r in diff.rubrics if r.id == "arnstein-ladder")
    money = next(d for d in ladder.dimensions if d.id == "money")
    assert money.score.direction == "down"
    assert money.rung is not None and money.rung.move == "fell"
    assert money.rung.old and money.rung.new and money.rung.old.value > money.rung.new.value
    nef = next(r for r in diff.rubrics if r.id == "nef-six-principles")
    mutuality = next(d for d in nef.dimensions if d.id == "mutuality")
    assert mutuality.score.change is not None and mutuality.score.change < -10
    drops = diff.drops(5)
    assert any("Money and budgets fell by" in line for line in drops)
    assert any("Mutuality fell by" in line for line in drops)
    assert diff.drops(50) == []


def test_flags_raised_and_cleared() -> None:
    old, new = score(YEAR_2026), score(YEAR_2026)
    raised = new.flags[0]
    diff = compare(old.model_copy(update={"flags": []}), new)
    assert raised.title in diff.flags_raised
    diff = compare(new, old.model_copy(update={"flags": []}))
    assert raised.title in diff.flags_cleared


def test_new_major_version_is_not_compared() -> None:
    old = score(YEAR_2026).rubrics[0]
    major = int(old.version.split(".")[0]) + 1
    new = old.model_copy(update={"version": f"{major}.0.0", "content_hash": "sha256:other"})
    rubric = compare_rubric(old, new)
    assert not rubric.comparable
    assert rubric.score.direction == "not compared"
    assert all(not d.comparable for d in rubric.dimensions)
    assert any("new major version" in note for note in rubric.notes)


def test_last_year_s_answers_to_an_earlier_major_version_are_not_compared() -> None:
    last_year = copy.deepcopy(YEAR_2026)
    last_year["assessment"].update(period="2025", rubrics={"arnstein-ladder": "1.0.0"})
    diff = compare(score(last_year), score(YEAR_2026))
    ladder = next(r for r in diff.rubrics if r.id == "arnstein-ladder")
    assert not ladder.comparable and ladder.old_version == "1.0.0"
    assert any("new major version" in note for note in ladder.notes)
    # Rubrics whose version the file does not name are read as the version installed.
    assert all(r.comparable for r in diff.rubrics if r.id != "arnstein-ladder")


def test_changed_questions_leave_that_dimension_out() -> None:
    old = score(YEAR_2026).rubric("nef-six-principles")
    assert old is not None
    data = copy.deepcopy(old.model_dump(by_alias=True))
    minor = old.version.split(".")[0] + ".1.0"
    data["version"] = minor
    data["dimensions"][2]["questions"][0]["text"] = "Reworded question."
    data["dimensions"][2]["questions"].pop()
    new = type(old).model_validate(data)
    rubric = compare_rubric(old, new)
    assert not rubric.comparable
    mutuality = rubric.dimensions[2]
    assert not mutuality.comparable
    assert mutuality.reason.startswith(
        "questions changed (removed mutuality-5; reworded mutuality-1"
    )
    assert rubric.dimensions[0].comparable
    assert f"Rubric version {old.version} then {minor}." in rubric.notes


def test_a_change_of_one_person_is_pointed_out() -> None:
    data = copy.deepcopy(YEAR_2026)
    fewer = copy.deepcopy(data)
    fewer["respondents"] = fewer["respondents"][:-1]
    diff = compare(score(fewer), score(data))
    assert any(line.startswith("Only 1 person more than before:") for line in diff.warnings)
    assert any("the change shows what so few said" in line for line in diff.warnings)
    assert not any("so few" in line for line in compare(score(data), score(data)).warnings)
