"""Pydantic errors mapped to positions: unions stripped, missing keys at their parent."""

from __future__ import annotations

import pytest

from coprod_assess.answers.models import AnswersFile
from coprod_assess.errors import CoprodError
from coprod_assess.loading.document import document_from_text
from coprod_assess.loading.validate import validate
from coprod_assess.rubric.models import Rubric

RUBRIC = """\
id: tiny
version: 1.0.0
title: Tiny
summary: A tiny rubric.
source: {citation: Test.}
scale: [{value: 0, label: No}, {value: 1, label: Yes}]
dimensions:
  - id: d
    title: D
    questions:
      - {id: q1, text: One}
"""


def problems(model: type[Rubric] | type[AnswersFile], text: str) -> list[tuple[int, int, str, str]]:
    doc = document_from_text(text, "f.yaml")
    with pytest.raises(CoprodError) as caught:
        validate(model, doc)
    return [(p.line, p.column, p.code, p.message) for p in caught.value.problems]


def test_valid_document_gives_the_model() -> None:
    rubric = validate(Rubric, document_from_text(RUBRIC, "f.yaml"))
    assert rubric.dimensions[0].questions[0].weight == 1


def test_missing_key_points_at_parent_mapping() -> None:
    text = RUBRIC.replace("      - {id: q1, text: One}", "      - {id: q1}")
    assert problems(Rubric, text) == [
        (11, 9, "missing-key", "missing required key 'text' in dimensions[0].questions[0]")
    ]


def test_unknown_key_points_at_key_and_suggests() -> None:
    text = RUBRIC.replace("title: Tiny", "titel: Tiny")
    found = problems(Rubric, text)
    assert (3, 1, "unknown-key", "unknown key 'titel': did you mean 'title'?") in found


def test_union_parts_are_stripped_from_locations() -> None:
    text = """\
respondents:
  - id: r1
    role: staff
    answers:
      tiny:
        q1: {value: 1, skip: dont-know}
"""
    found = problems(AnswersFile, text)
    assert len(found) >= 1
    for line, column, _, message in found:
        assert (line, column) == (6, 13)
        assert "function" not in message and "Answer" not in message
        assert message.startswith("respondents[0].answers.tiny.q1")


def test_text_given_as_number_gets_a_hint() -> None:
    text = RUBRIC.replace("title: Tiny", "title: 2026")
    assert problems(Rubric, text) == [
        (
            3,
            8,
            "invalid",
            "title: input should be a valid string (put quotes around the value to make it text)",
        )
    ]


def test_booleans_are_not_numbers() -> None:
    text = RUBRIC.replace("{value: 0, label: No}", "{value: true, label: No}")
    assert problems(Rubric, text) == [
        (6, 17, "invalid", "scale[0].value: expected a number, got True")
    ]


def test_period_written_as_a_number_is_a_label() -> None:
    doc = document_from_text("assessment: {period: 2026, date: 2026-11-22}\n", "a.yaml")
    answers = validate(AnswersFile, doc)
    assert answers.assessment.period == "2026"
    assert answers.assessment.date == "2026-11-22"


@pytest.mark.parametrize(
    ("model", "head"),
    [(AnswersFile, "assessment: {period: '2026'}\n"), (Rubric, RUBRIC)],
)
def test_forty_thousand_unknown_keys_are_each_located(
    model: type[Rubric] | type[AnswersFile], head: str
) -> None:
    """Locating is linear: before, each problem searched the whole mapping (199 s here)."""
    count = 40_000
    first = head.count("\n") + 1
    text = head + "".join(f"extra-{n}: 1\n" for n in range(count))
    found = problems(model, text)
    assert len(found) == count
    assert found[0] == (first, 1, "unknown-key", "unknown key 'extra-0'")
    assert found[-1] == (first + count - 1, 1, "unknown-key", f"unknown key 'extra-{count - 1}'")
    assert [line for line, *_ in found] == list(range(first, first + count))
