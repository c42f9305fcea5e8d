"""Checking the sense-check section of an answers file: findings, people and their roles."""

from __future__ import annotations

from collections.abc import Iterator

from coprod_assess.answers.models import AnswersFile
from coprod_assess.errors import Problem
from coprod_assess.i18n import _
from coprod_assess.loading.document import YamlDocument
from coprod_assess.rubric.catalog import Catalog

SECTION = "sense_check"


def check_sense_check(
    answers: AnswersFile, doc: YamlDocument, catalog: Catalog
) -> Iterator[Problem]:
    """Unknown roles, responses to findings the section does not hold, and
    links to respondents who are not in the file."""
    check = answers.sense_check
    if check is None:
        return
    findings = set(check.findings)
    respondents = {r.id for r in answers.respondents}
    for person_id, person in check.people.items():
        loc: tuple[str | int, ...] = (SECTION, "people", person_id)
        if person.role not in catalog.roles:
            known = ", ".join(sorted(catalog.roles))
            yield doc.problem(
                (*loc, "role"),
                "unknown-role",
                _("no role has the id '{id}' (roles: {roles})").format(id=person.role, roles=known),
            )
        if person.respondent is not None and person.respondent not in respondents:
            yield doc.problem(
                (*loc, "respondent"),
                "unknown-respondent",
                _("no respondent has the id '{id}'").format(id=person.respondent),
            )
        for finding_id in person.responses:
            if finding_id not in findings:
                yield doc.problem(
                    (*loc, "responses", finding_id),
                    "unknown-finding",
                    _("the sense-check has no finding '{id}' (findings: {findings})").format(
                        id=finding_id, findings=", ".join(sorted(findings)) or _("none")
                    ),
                    at_key=True,
                )
