"""Checking an answers file asked in the short form against the rubrics in force."""

from __future__ import annotations

from collections.abc import Iterator

from coprod_assess.answers.models import AnswersFile
from coprod_assess.errors import Problem
from coprod_assess.i18n import _, ngettext
from coprod_assess.loading.document import YamlDocument
from coprod_assess.rubric.catalog import Catalog
from coprod_assess.rubric.forms import has_short_form

FORM = ("assessment", "form")


def check_form(answers: AnswersFile, doc: YamlDocument, catalog: Catalog) -> Iterator[Problem]:
    """For a short-form file: an error for each rubric with no short form, and a warning for
    answers outside the core questions, which are kept in the file but not scored."""
    if answers.assessment.form != "short":
        return
    answered = set(answers.assessment.rubrics)
    for respondent in answers.respondents:
        answered.update(respondent.answers)
    for rubric_id in sorted(answered):
        rubric = catalog.rubrics.get(rubric_id)
        if rubric is None:
            continue  # reported as an unknown rubric
        if not has_short_form(rubric):
            yield doc.problem(
                FORM,
                "no-short-form",
                _(
                    "the file was asked the short form, but rubric '{id}' has none (no "
                    "question is marked `core: true`): use the rubric version it was asked "
                    "with (--rubric), or write `form: full` if every question was asked"
                ).format(id=rubric_id),
            )
            continue
        core = {question.id for _, question in rubric.questions() if question.core}
        outside = sum(
            1
            for respondent in answers.respondents
            for question_id, entry in respondent.answers.get(rubric_id, {}).items()
            if entry is not None and question_id not in core
        )
        if outside:
            yield doc.problem(
                FORM,
                "outside-short-form",
                ngettext(
                    "{count} answer to {id} questions outside its short form: kept in the "
                    "file, but not scored, as the short form asks only the core questions",
                    "{count} answers to {id} questions outside its short form: kept in the "
                    "file, but not scored, as the short form asks only the core questions",
                    outside,
                ).format(count=outside, id=rubric_id),
                severity="warning",
            )
