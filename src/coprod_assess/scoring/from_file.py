"""A scored assessment from a file: an answers file is scored, a result file is read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from coprod_assess.answers.check import check_answers
from coprod_assess.answers.models import AnswersFile
from coprod_assess.errors import CoprodError, Problem
from coprod_assess.loading.document import YamlDocument, load_document
from coprod_assess.loading.validate import validate
from coprod_assess.rubric.catalog import Catalog, load_catalog
from coprod_assess.scoring.assessment import score_assessment
from coprod_assess.scoring.engine import DEFAULT_MIN_COVERAGE
from coprod_assess.scoring.result import Result
from coprod_assess.scoring.result_io import is_result, result_from


@dataclass
class Scored:
    """A result, the answers behind it when they were read, and warnings to show."""

    result: Result
    answers: AnswersFile | None = None
    warnings: list[Problem] = field(default_factory=list)


def scored_from_file(
    path: Path,
    rubric_paths: Sequence[Path] = (),
    *,
    min_coverage: float = DEFAULT_MIN_COVERAGE,
) -> Scored:
    """Score an answers file against the rubrics in force, or read a result file."""
    doc = load_document(path)
    if is_result(doc):
        return Scored(result_from(doc))
    catalog = load_catalog(rubric_paths)
    answers, warnings = checked_answers(doc, catalog)
    result = score_assessment(answers, catalog, min_coverage=min_coverage)
    return Scored(result, answers, warnings)


def checked_answers(doc: YamlDocument, catalog: Catalog) -> tuple[AnswersFile, list[Problem]]:
    """A valid answers file and its warnings; any error raises CoprodError."""
    answers = validate(AnswersFile, doc)
    problems = list(check_answers(answers, doc, catalog))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise CoprodError(errors)
    return answers, sorted(p for p in problems if p.severity != "error")
