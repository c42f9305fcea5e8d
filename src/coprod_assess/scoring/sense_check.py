"""Counting the sense-check: for each finding, how everyone and each perspective responded.

The counts here are full: every group, however small. Only the privacy step
(`coprod_assess.privacy.sense_check`) decides what of them may be shown.
"""

from __future__ import annotations

from collections import Counter

from coprod_assess.answers.models import AnswersFile, Checker, Response
from coprod_assess.rubric.catalog import Catalog
from coprod_assess.scoring.result import CheckComment, CheckedFinding, SenseCheckResult, Tally

NONE = "none"  # the perspective of a group, or of a role with none


def response_of(person: Checker, finding_id: str) -> Response | None:
    """What the person said of a finding, as a Response, or None if nothing yet."""
    entry = person.responses.get(finding_id)
    if entry is None:
        return None
    return entry if isinstance(entry, Response) else Response(value=entry)


def _tally(values: list[str]) -> Tally:
    found = Counter(values)
    return Tally(
        yes=found["yes"], partly=found["partly"], no=found["no"], not_sure=found["not-sure"]
    )


def count_sense_check(answers: AnswersFile, catalog: Catalog) -> SenseCheckResult | None:
    """Every finding's responses, per perspective, with the comments: a full count."""
    check = answers.sense_check
    if check is None:
        return None

    def perspective(person: Checker) -> str:
        return catalog.roles[person.role].perspective or NONE

    # The language each person answered in, for the comments of those who checked the
    # findings on their own phone (the room names their respondent).
    langs = {person.id: person.lang for person in answers.respondents}
    findings = []
    for finding_id, text in check.findings.items():
        given = [
            (person, response)
            for person in check.people.values()
            if (response := response_of(person, finding_id)) is not None
        ]
        groups: dict[str, list[str]] = {}
        for person, response in given:
            groups.setdefault(perspective(person), []).append(response.value)
        comments = [
            CheckComment(
                text=response.note.strip(),
                perspective=perspective(person),
                lang=langs.get(person.respondent) if person.respondent else None,
            )
            for person, response in given
            if response.note.strip()
        ]
        findings.append(
            CheckedFinding(
                id=finding_id,
                text=text,
                everyone=_tally([response.value for _, response in given]),
                perspectives={key: _tally(values) for key, values in sorted(groups.items())},
                comments=sorted(comments, key=lambda c: (c.text, c.perspective or "")),
            )
        )
    took_part = [
        p for p in check.people.values() if any(v is not None for v in p.responses.values())
    ]
    return SenseCheckResult(
        date=check.date,
        drawn_from=check.drawn_from,
        min_group=check.min_group,
        people=len(took_part),
        perspectives=dict(sorted(Counter(perspective(p) for p in took_part).items())),
        findings=findings,
        lang=check.lang,
    )
