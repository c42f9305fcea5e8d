"""A rubric written the way a user would: 20 items, 1-5, summed and banded at 20/40/60/80."""

from __future__ import annotations

from typing import Any

import pytest

from coprod_assess.answers.models import AnswersFile
from coprod_assess.rubric.catalog import load_catalog
from coprod_assess.scoring.assessment import score_assessment
from tests.conftest import DATA

CATALOG = load_catalog([DATA / "rubrics" / "core-values-20.yaml"])


def scored(*people: dict[str, Any]) -> Any:
    answers = AnswersFile.model_validate(
        {
            "respondents": [
                {"id": f"p{i}", "role": "group", "answers": {"core-values-20": given}}
                for i, given in enumerate(people)
            ]
        }
    )
    (rubric,) = score_assessment(answers, CATALOG).rubrics
    return rubric


def every(value: int) -> dict[str, Any]:
    return {f"v{n}": value for n in range(1, 21)}


@pytest.mark.parametrize(
    ("value", "total", "band"),
    [(1, 20, "Starting out"), (2, 40, "Developing"), (3, 60, "Established"), (5, 100, "Leading")],
)
def test_totals_and_bands(value: int, total: int, band: str) -> None:
    rubric = scored(every(value))
    assert rubric.range == (20, 100)
    assert rubric.scores.everyone.value == total
    assert rubric.scores.everyone.band == band


def test_skipped_item_counts_as_the_mean_of_its_dimension() -> None:
    given = every(4)
    given["v1"] = {"skip": "not-applicable"}
    given["v2"] = 2
    # assets: v2..v4 = 2, 4, 4 -> mean 10/3 stands for v1 too: 40/3; the others 16 each
    rubric = scored(given)
    assert rubric.dimensions[0].scores.everyone.value == pytest.approx(40 / 3, abs=1e-4)
    assert rubric.scores.everyone.value == pytest.approx(40 / 3 + 64, abs=1e-4)
    assert rubric.scores.everyone.band == "Established"


def test_group_of_people_is_the_mean_of_their_totals() -> None:
    rubric = scored(every(2), every(4))
    assert rubric.scores.everyone.value == 60
    assert rubric.scores.everyone.band == "Established"
