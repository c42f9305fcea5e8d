"""A shared assessment from a file: an answers file is scored, a result file is read.

Either way the result passes the privacy step before anything can show it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from coprod_assess.answers.check import check_answers
from coprod_assess.answers.models import AnswersFile, Respondent
from coprod_assess.errors import CoprodError, Problem
from coprod_assess.loading.document import YamlDocument, load_document
from coprod_assess.loading.validate import validate
from coprod_assess.privacy import DEFAULT_MIN_GROUP
from coprod_assess.privacy.redact import share
from coprod_assess.rubric.catalog import Catalog, load_catalog
from coprod_assess.rubric.forms import Form
from coprod_assess.scoring.assessment import score_assessment
from coprod_assess.scoring.engine import DEFAULT_MIN_COVERAGE
from coprod_assess.scoring.result import SharedResult
from coprod_assess.scoring.result_io import is_result, result_from

_FILE_KEYS = set(AnswersFile.model_fields)
_PERSON_KEYS = set(Respondent.model_fields)


@dataclass
class Scored:
    """What may be shown of an assessment, whether it came from a result file, and warnings."""

    shared: SharedResult
    from_result_file: bool = False
    warnings: list[Problem] = field(default_factory=list)


def scored_from_file(
    path: Path,
    rubric_paths: Sequence[Path] = (),
    *,
    min_group: int = DEFAULT_MIN_GROUP,
    min_coverage: float = DEFAULT_MIN_COVERAGE,
    show_names: bool = False,
    form: Form | None = None,
) -> Scored:
    """Score an answers file against the rubrics in force, or read a result file; then share.

    A result file is already shared at its own threshold; a higher `min_group`
    withholds more (and checks the flags in force again), a lower one cannot
    bring back what the file left out. Names are only ever in answers files.
    `form="short"` scores an answers file over the core questions, whatever form it asked.
    """
    doc = load_document(path)
    if is_result(doc):
        written = result_from(doc)
        if min_group <= written.min_group:
            return Scored(written, from_result_file=True)
        flags = load_catalog(rubric_paths).flags.values()
        return Scored(share(written, min_group, flags=flags), from_result_file=True)
    if _blank_template(doc.data):
        raise _no_answers(doc, blank=True)
    catalog = load_catalog(rubric_paths)
    answers, warnings = checked_answers(doc, catalog)
    if not any(entry is not None for p in answers.respondents for entry in _entries(p)):
        raise _no_answers(doc)
    result = score_assessment(answers, catalog, min_coverage=min_coverage, form=form)
    names = {r.id: r.name for r in answers.respondents if r.name} if show_names else None
    shared = share(result, min_group, flags=catalog.flags.values(), names=names)
    return Scored(shared, warnings=warnings)


def _entries(person: Respondent) -> list[object]:
    return [entry for given in person.answers.values() for entry in given.values()]


def _blank_template(data: object) -> bool:
    """Whether a file is a blank template, as `coprod template` writes it: a role left
    empty and no answer given (a skip is one), read from its raw values since an empty
    role is not valid. Anything else out of place is left to validation to point at."""
    if not isinstance(data, dict) or not data.keys() <= _FILE_KEYS:
        return False
    people = data.get("respondents") or []
    if not isinstance(people, list) or not people:
        return False
    for person in people:
        if not isinstance(person, dict) or not person.keys() <= _PERSON_KEYS:
            return False
        given = person.get("answers") or {}
        if not isinstance(given, dict):
            return False
        for answers in given.values():
            if not isinstance(answers, dict) or any(a is not None for a in answers.values()):
                return False
    return any(not person.get("role") for person in people)


def _no_answers(doc: YamlDocument, *, blank: bool = False) -> CoprodError:
    """The error for an answers file with nothing to score yet, and how to add answers."""
    file = doc.name
    if blank:
        how = (
            "it is a blank template: type each person's role and the number of each answer "
            "into it, or collect answers in a new file with `coprod assess NEW.yaml` (one "
            "person after another), `coprod workshop NEW.yaml` (everyone on their own phone) "
            "or `coprod import EXPORT.csv -o NEW.yaml` (from an online form)"
        )
    else:
        how = (
            f"add them with `coprod assess {file}` (one person after another), "
            f"`coprod workshop {file}` (everyone on their own phone) or "
            f"`coprod import EXPORT.csv --append -o {file}` (from an online form)"
        )
    return CoprodError.single(file, "no-answers", f"has no answers yet, so nothing to score: {how}")


def checked_answers(doc: YamlDocument, catalog: Catalog) -> tuple[AnswersFile, list[Problem]]:
    """A valid answers file and its warnings; any error raises CoprodError."""
    answers = validate(AnswersFile, doc)
    problems = list(check_answers(answers, doc, catalog))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise CoprodError(errors)
    return answers, sorted(p for p in problems if p.severity != "error")
