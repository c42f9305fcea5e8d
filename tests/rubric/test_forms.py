"""The short form of a rubric: its core questions only."""

from __future__ import annotations

from typing import Any

import pytest

from coprod_assess.errors import CoprodError
from coprod_assess.rubric.catalog import load_catalog
from coprod_assess.rubric.forms import has_short_form, in_form, short_form
from coprod_assess.rubric.models import Rubric
from tests.conftest import DATA

CORE_POWER = DATA / "short" / "core-power.yaml"


def _rubric(*dimensions: dict[str, Any]) -> Rubric:
    return Rubric.model_validate(
        {
            "id": "tiny",
            "version": "1.0.0",
            "title": "Tiny",
            "summary": "A tiny rubric.",
            "source": {"citation": "Test (2026)."},
            "scale": [{"value": 0, "label": "No"}, {"value": 1, "label": "Yes"}],
            "dimensions": list(dimensions),
        }
    )


def _ids(rubric: Rubric) -> list[tuple[str, str]]:
    return [(dim.id, q.id) for dim, q in rubric.questions()]


def test_short_form_keeps_core_questions_in_file_order() -> None:
    rubric = load_catalog([CORE_POWER]).rubric("core-power")
    short = short_form(rubric)
    assert _ids(short) == [
        ("money", "money-1"),
        ("decisions", "decisions-1"),
        ("decisions", "decisions-2"),
    ]
    assert (short.id, short.version, short.title) == (rubric.id, rubric.version, rubric.title)
    assert in_form(rubric, "short") == short
    assert in_form(rubric, "full") is rubric


def test_dimension_without_core_question_is_left_out() -> None:
    rubric = _rubric(
        {"id": "a", "title": "A", "questions": [{"id": "a-1", "text": "A?", "core": True}]},
        {"id": "b", "title": "B", "questions": [{"id": "b-1", "text": "B?"}]},
    )
    assert [dim.id for dim in short_form(rubric).dimensions] == ["a"]


def test_core_defaults_to_false_and_builtin_set_loads() -> None:
    rubric = _rubric({"id": "a", "title": "A", "questions": [{"id": "a-1", "text": "A?"}]})
    assert not has_short_form(rubric)
    assert load_catalog().rubrics


def test_no_core_question_is_a_clear_error() -> None:
    rubric = _rubric({"id": "a", "title": "A", "questions": [{"id": "a-1", "text": "A?"}]})
    with pytest.raises(CoprodError) as caught:
        short_form(rubric)
    assert str(caught.value) == (
        "tiny: error[no-short-form] rubric 'tiny' has no short form: none of its questions "
        "is marked `core: true` (ask its full form, or leave it out with --only)"
    )
