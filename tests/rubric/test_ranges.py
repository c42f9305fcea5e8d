"""Possible score ranges under each method, against hand-computed values."""

from __future__ import annotations

from typing import Any

import pytest

from coprod_assess.rubric.describe import explain_method
from coprod_assess.rubric.models import Rubric
from coprod_assess.rubric.ranges import dimension_range, rubric_range


def rubric(method: str, **scoring: Any) -> Rubric:
    return Rubric.model_validate(
        {
            "id": "r",
            "version": "1.0.0",
            "title": "R",
            "summary": "S",
            "source": {"citation": "C"},
            "scale": [{"value": v, "label": str(v), "group": "g"} for v in (1, 2, 3, 4, 5)],
            "scoring": {"method": method, **scoring},
            "dimensions": [
                {
                    "id": "a",
                    "title": "A",
                    "questions": [
                        {"id": "a1", "text": "x", "weight": 3},
                        {
                            "id": "a2",
                            "text": "y",
                            "options": [
                                {"value": 0, "label": "no", "group": "g"},
                                {"value": 2, "label": "yes", "group": "g"},
                            ],
                        },
                    ],
                },
                {"id": "b", "title": "B", "questions": [{"id": "b1", "text": "z"}]},
                {"id": "c", "title": "C", "questions": [{"id": "c1", "text": "w"}]},
            ],
        }
    )


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        # a: weighted mean of (1..5)x3 and (0..2)x1 -> (3/4, 17/4); b, c: (1, 5)
        ("mean", ((0.75 + 1 + 1) / 3, (4.25 + 5 + 5) / 3)),
        ("median", (1.0, 5.0)),
        ("min", (0.75, 4.25)),
        # a: 3x(1..5) + (0..2) = (3, 17); b, c: (1, 5)
        ("sum", (5.0, 27.0)),
        ("ladder", (1.0, 5.0)),
        ("checklist", (0.0, 100.0)),
    ],
)
def test_rubric_range(method: str, expected: tuple[float, float]) -> None:
    extra = {"threshold": 3} if method == "checklist" else {}
    low, high = rubric_range(rubric(method, **extra)) or (None, None)
    assert low == pytest.approx(expected[0])
    assert high == pytest.approx(expected[1])


def test_dimension_range_of_sum() -> None:
    model = rubric("sum")
    assert dimension_range(model, model.dimensions[0]) == (3.0, 17.0)


def test_explain_method_states_the_range() -> None:
    assert explain_method(rubric("sum")).endswith("Scores run from 5 to 27.")
    assert "threshold is 3" in explain_method(rubric("checklist", threshold=3))
