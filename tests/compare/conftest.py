"""Two and three years of a workshop, as answers data."""

from __future__ import annotations

import copy
from typing import Any

from coprod_assess.answers.models import AnswersFile
from coprod_assess.demo import demo_answers
from coprod_assess.privacy.redact import share
from coprod_assess.rubric.catalog import load_catalog
from coprod_assess.scoring.assessment import score_assessment
from coprod_assess.scoring.result import SharedResult

CATALOG = load_catalog()
YEAR_2026 = demo_answers(CATALOG)


def earlier(period: str, date: str, money_up: int = 1) -> dict[str, Any]:
    """The 2026 answers moved back a year: money one rung higher, mutuality one lower."""
    data = copy.deepcopy(YEAR_2026)
    data["assessment"].update(period=period, date=date)
    for person in data["respondents"]:
        ladder = person["answers"]["arnstein-ladder"]
        if isinstance(ladder.get("money-1"), int):
            ladder["money-1"] = min(8, ladder["money-1"] + money_up)
        nef = person["answers"]["nef-six-principles"]
        for question, value in nef.items():
            if question.startswith("mutuality") and isinstance(value, int):
                nef[question] = min(4, value + 1)
    return data


def score(data: dict[str, Any]) -> SharedResult:
    full = score_assessment(AnswersFile.model_validate(data), CATALOG)
    return share(full, flags=CATALOG.flags.values())
