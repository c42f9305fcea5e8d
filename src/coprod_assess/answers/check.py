"""Checking an answers file against the rubrics and roles in force."""

from __future__ import annotations

from collections.abc import Iterator

from coprod_assess.answers.form_check import check_form
from coprod_assess.answers.models import Answer, AnswersFile
from coprod_assess.answers.sense_check_check import check_sense_check
from coprod_assess.errors import Problem
from coprod_assess.i18n import _
from coprod_assess.loading.document import YamlDocument
from coprod_assess.rubric.catalog import Catalog
from coprod_assess.rubric.checks import duplicates
from coprod_assess.rubric.models import Rubric


def check_answers(answers: AnswersFile, doc: YamlDocument, catalog: Catalog) -> Iterator[Problem]:
    """Problems with roles, rubric ids, question ids, values, declared versions, form and
    the sense-check."""
    loc: tuple[str | int, ...]
    for rubric_id, version in answers.assessment.rubrics.items():
        loc = ("assessment", "rubrics", rubric_id)
        installed = catalog.rubrics.get(rubric_id)
        if installed is None:
            yield doc.problem(
                loc,
                "unknown-rubric",
                _("no rubric has the id '{id}' (installed: {installed})").format(
                    id=rubric_id, installed=catalog.installed()
                ),
                at_key=True,
            )
        elif installed.version != version:
            yield doc.problem(
                loc,
                "rubric-version",
                _(
                    "answers were given against {id} {version}; the installed rubric is "
                    "{installed}, so questions may have changed"
                ).format(id=rubric_id, version=version, installed=installed.version),
                severity="warning",
            )
    respondents = answers.respondents
    yield from duplicates(
        doc, ((r.id, ("respondents", i, "id")) for i, r in enumerate(respondents)), "respondent id"
    )
    for i, respondent in enumerate(respondents):
        if respondent.role not in catalog.roles:
            known = ", ".join(sorted(catalog.roles))
            yield doc.problem(
                ("respondents", i, "role"),
                "unknown-role",
                _("no role has the id '{id}' (roles: {roles})").format(
                    id=respondent.role, roles=known
                ),
            )
        elif respondent.people is not None and catalog.roles[respondent.role].perspective:
            yield doc.problem(
                ("respondents", i, "people"),
                "not-a-group",
                _("'people' is for a group answering together; role '{role}' is one person").format(
                    role=respondent.role
                ),
                at_key=True,
            )
        for rubric_id, given in respondent.answers.items():
            loc = ("respondents", i, "answers", rubric_id)
            rubric = catalog.rubrics.get(rubric_id)
            if rubric is None:
                yield doc.problem(
                    loc,
                    "unknown-rubric",
                    _("no rubric has the id '{id}' (installed: {installed})").format(
                        id=rubric_id, installed=catalog.installed()
                    ),
                    at_key=True,
                )
                continue
            yield from _check_rubric_answers(rubric, given, loc, doc)
    yield from check_form(answers, doc, catalog)
    yield from check_sense_check(answers, doc, catalog)


def _check_rubric_answers(
    rubric: Rubric,
    given: dict[str, float | Answer | None],
    loc: tuple[str | int, ...],
    doc: YamlDocument,
) -> Iterator[Problem]:
    questions = {q.id: q for _, q in rubric.questions()}
    for question_id, entry in given.items():
        question = questions.get(question_id)
        if question is None:
            yield doc.problem(
                (*loc, question_id),
                "unknown-question",
                _("rubric '{rubric}' has no question '{question}'").format(
                    rubric=rubric.id, question=question_id
                ),
                at_key=True,
            )
            continue
        value = entry.value if isinstance(entry, Answer) else entry
        if value is None:
            continue
        allowed = [option.value for option in rubric.options_for(question)]
        if value not in allowed:
            where = (
                (*loc, question_id, "value") if isinstance(entry, Answer) else (*loc, question_id)
            )
            choices = ", ".join(f"{v:g}" for v in allowed)
            yield doc.problem(
                where,
                "invalid-answer",
                _("{value} is not an option for '{question}' (options: {options})").format(
                    value=f"{value:g}", question=question_id, options=choices
                ),
            )
