"""Reports of the demo and of a hostile workshop, rendered once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_assess.compare.diff import compare
from coprod_assess.compare.render import render_diff, render_trend
from coprod_assess.compare.trend import trend
from coprod_assess.demo import demo_answers
from coprod_assess.privacy.redact import share
from coprod_assess.report.participants import render_participants
from coprod_assess.report.render import render_report
from coprod_assess.report.sheet import render_check_sheet, render_sheet
from coprod_assess.rubric.catalog import load_catalog
from coprod_assess.scoring.assessment import score_assessment
from coprod_assess.scoring.from_file import scored_from_file
from coprod_assess.scoring.result import SharedResult
from tests.compare.conftest import earlier as earlier_answers
from tests.compare.conftest import score
from tests.conftest import DATA
from tests.report.sheet_languages import easy_read_sheet

HOSTILE = DATA / "answers" / "hostile.yaml"
RUBRICS = [DATA / "rubrics"]


@pytest.fixture(scope="session")
def demo_result() -> SharedResult:
    from coprod_assess.answers.models import AnswersFile

    catalog = load_catalog()
    full = score_assessment(AnswersFile.model_validate(demo_answers(catalog)), catalog)
    return share(full, flags=catalog.flags.values())


@pytest.fixture(scope="session")
def hostile_result() -> SharedResult:
    return scored_from_file(HOSTILE, RUBRICS).shared


@pytest.fixture(scope="session")
def reports(
    demo_result: SharedResult,
    hostile_result: SharedResult,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reports")
    paths = {}
    for name, result in (("demo", demo_result), ("hostile", hostile_result)):
        for fmt in ("html", "md"):
            path = folder / f"{name}.{fmt}"
            path.write_text(render_report(result, fmt), encoding="utf-8")
            paths[f"{name}.{fmt}"] = path
    earlier = score(earlier_answers("2025", "2025-11-20"))
    check = demo_result.sense_check
    assert check is not None, "the demo has a sense-check round"
    pages = {
        "diff.html": render_diff(compare(earlier, demo_result), "html"),
        "trend.html": render_trend(trend([earlier, demo_result]), "html"),
        "participants.html": render_participants(demo_result, load_catalog(), "html"),
        "sheet.html": render_sheet(
            list(load_catalog().rubrics.values()), list(load_catalog().roles.values()), "html"
        ),
        "sheet-easy-read.html": easy_read_sheet(folder / "easy-read"),
        "sense-check-sheet.html": render_check_sheet(
            [(f.id, f.text) for f in check.findings],
            list(load_catalog().roles.values()),
            "html",
            source="coprod-answers.yaml",
            organisation=demo_result.assessment.organisation,
            period=demo_result.assessment.period,
        ),
    }
    pages.update(welsh_pages())
    for name, text in pages.items():
        paths[name] = folder / name
        paths[name].write_text(text, encoding="utf-8")
    return paths


def welsh_pages() -> dict[str, str]:
    """The demo's report and participants' report in Welsh: the demo scored with the Welsh
    catalog, as `coprod report FILE --lang cy` does."""
    from coprod_assess.answers.models import AnswersFile
    from coprod_assess.i18n import using

    with using("cy"):
        catalog = load_catalog()
        full = score_assessment(AnswersFile.model_validate(demo_answers(catalog)), catalog)
        shared = share(full, flags=catalog.flags.values())
        return {
            "demo-cy.html": render_report(shared, "html"),
            "participants-cy.html": render_participants(shared, catalog, "html"),
        }
