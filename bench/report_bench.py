"""Rendering the HTML and Markdown reports for 1,000 respondents.

Target (DESIGN.md): a report renders in under one second. Scoring is timed
apart; this measures the report alone. Run with `make bench`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from coprod_assess.answers.models import AnswersFile
from coprod_assess.demo import PEOPLE, demo_answers
from coprod_assess.report.render import render_report
from coprod_assess.rubric.catalog import load_catalog
from coprod_assess.scoring.assessment import score_assessment

RESPONDENTS = 1_000
TARGET_SECONDS = 1.0


def main() -> int:
    catalog = load_catalog()
    people = []
    for copy in range(RESPONDENTS // len(PEOPLE)):
        for person in demo_answers(catalog, seed=copy)["respondents"]:
            people.append({**person, "id": f"{person['id']}-{copy}"})
    answers = AnswersFile.model_validate({"respondents": people})
    result = score_assessment(answers, catalog)
    worst = 0.0
    for fmt in ("html", "md"):
        took = min(_time(lambda fmt=fmt: render_report(result, fmt)) for _ in range(5))
        worst = max(worst, took)
        print(
            f"{fmt} report, {len(people):,} respondents: {took * 1000:.0f} ms "
            f"(target {TARGET_SECONDS * 1000:.0f} ms)"
        )
    return 0 if worst <= TARGET_SECONDS else 1


def _time(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())
