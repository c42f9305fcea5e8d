"""Scoring small inline rubrics and answers without files."""

from __future__ import annotations

import textwrap
from typing import Any

import yaml

from coprod_assess.answers.models import AnswersFile
from coprod_assess.rubric.catalog import Catalog, load_catalog
from coprod_assess.rubric.models import Rubric
from coprod_assess.scoring.assessment import score_assessment
from coprod_assess.scoring.result import Result

ROLES = load_catalog().roles


def rubric(method: str = "mean", **extra: Any) -> dict[str, Any]:
    """A rubric with dimensions a (a1 weight 2, a2) and b (b1), scale 0-4."""
    return {
        "id": "r",
        "version": "1.0.0",
        "title": "R",
        "summary": "S",
        "source": {"citation": "C (2026)"},
        "scale": [{"value": v, "label": str(v), "group": "G" if v < 2 else "H"} for v in range(5)],
        "scoring": {"method": method, **extra},
        "dimensions": [
            {
                "id": "a",
                "title": "A",
                "questions": [
                    {"id": "a1", "text": "x", "weight": 2, "side": "practice"},
                    {"id": "a2", "text": "y", "side": "belief"},
                ],
            },
            {"id": "b", "title": "B", "questions": [{"id": "b1", "text": "z"}]},
        ],
    }


def catalog_of(*rubrics: dict[str, Any], flags: Any = None) -> Catalog:
    catalog = Catalog(roles=dict(ROLES))
    for data in rubrics:
        model = Rubric.model_validate(data)
        catalog.rubrics[model.id] = model
        catalog.sources[model.id] = "inline"
    for flag in flags or []:
        catalog.flags[flag.id] = flag
    return catalog


def answers(text: str) -> AnswersFile:
    return AnswersFile.model_validate(yaml.safe_load(textwrap.dedent(text)))


def respondents(*rows: tuple[str, dict[str, Any]], rubric_id: str = "r") -> AnswersFile:
    """Answers from (role, {question: entry}) rows."""
    return AnswersFile.model_validate(
        {
            "respondents": [
                {"id": f"p{i}", "role": role, "answers": {rubric_id: given}}
                for i, (role, given) in enumerate(rows)
            ]
        }
    )


def score(catalog: Catalog, given: AnswersFile, **options: Any) -> Result:
    return score_assessment(given, catalog, **options)
