"""Scoring a whole assessment: every rubric answered, the respondent mix, notes and flags."""

from __future__ import annotations

from collections import Counter

from coprod_assess import __version__
from coprod_assess.answers.models import AnswersFile
from coprod_assess.rubric.catalog import Catalog
from coprod_assess.rubric.forms import Form, has_short_form, in_form
from coprod_assess.scoring.engine import DEFAULT_MIN_COVERAGE, RubricScorer, content_hash
from coprod_assess.scoring.result import AssessmentInfo, GeneralNote, RespondentMix, Result
from coprod_assess.scoring.sense_check import count_sense_check
from coprod_assess.scoring.tally import tally

GROUP = "group"  # the role of a room answering together


def rubrics_answered(answers: AnswersFile) -> list[str]:
    """The ids of the rubrics the assessment declares or anyone answered, sorted."""
    found = set(answers.assessment.rubrics)
    for respondent in answers.respondents:
        found.update(respondent.answers)
    return sorted(found)


def respondent_mix(answers: AnswersFile, catalog: Catalog) -> RespondentMix:
    """How many respondents, by role and by perspective (`none` for group and other), and
    how many people, with what groups answering together did not record."""
    roles = Counter(r.role for r in answers.respondents)
    groups = [r for r in answers.respondents if r.role == GROUP or r.people is not None]
    perspectives = Counter(catalog.roles[r.role].perspective or "none" for r in answers.respondents)
    return RespondentMix(
        total=len(answers.respondents),
        roles=dict(sorted(roles.items())),
        labels={role: catalog.roles[role].label for role in sorted(roles)},
        perspectives=dict(sorted(perspectives.items())),
        perspective_of={
            role: found
            for role in sorted(roles)
            if (found := catalog.roles[role].perspective) is not None
        },
        in_groups=sum(r.people or 0 for r in answers.respondents),
        lived_in_groups=sum(r.lived_experience or 0 for r in answers.respondents),
        people=len(answers.respondents) - len(groups) + sum(r.people or 1 for r in groups),
        groups_without_size=sum(1 for r in groups if r.people is None),
        groups_without_lived=sum(1 for r in groups if r.lived_experience is None),
    )


def general_notes(answers: AnswersFile, catalog: Catalog) -> list[GeneralNote]:
    """What each respondent said about no one question (a form's "Anything else?"), with
    who said it, for the privacy step to weigh."""
    found = []
    for respondent in answers.respondents:
        if not respondent.note.strip():
            continue
        role = catalog.roles[respondent.role]
        found.append(
            GeneralNote(
                respondent=respondent.id,
                role=role.id,
                perspective=role.perspective,
                text=respondent.note.strip(),
                lang=respondent.lang,
            )
        )
    return sorted(found, key=lambda n: (n.text, n.respondent))


def score_assessment(
    answers: AnswersFile,
    catalog: Catalog,
    *,
    min_coverage: float = DEFAULT_MIN_COVERAGE,
    form: Form | None = None,
) -> Result:
    """The full scored assessment. Pure: the same answers and rubrics give the same result.

    Each rubric's result carries the version the answers were given against, where the
    answers file names one (the check warns when it is not the version installed).
    A short-form file is scored over each rubric's core questions: only they were asked.
    `form="short"` scores a full-form file so too, to compare it with a short-form one,
    leaving out rubrics that have no short form.
    The answers must already be checked against the catalog (see answers.load).
    Nothing may show it as it is: pass it through `coprod_assess.privacy.share`.
    """
    info = answers.assessment
    scored_form = form or info.form
    rubric_results = []
    notes = []
    for rubric_id in rubrics_answered(answers):
        rubric = catalog.rubric(rubric_id)
        if scored_form == "short" and not has_short_form(rubric):
            continue  # a short-form file with such a rubric was refused when checked
        counted = tally(answers, in_form(rubric, scored_form), catalog.roles)
        scored = RubricScorer(counted, min_coverage).result(content_hash(counted.rubric))
        # Answers given against another version keep it, so that a comparison with them
        # knows what was asked: last year's answers to a new major version are not compared.
        asked = info.rubrics.get(rubric_id, rubric.version)
        rubric_results.append(scored.model_copy(update={"version": asked}))
        notes.extend(counted.notes)
    return Result(
        tool_version=__version__,
        assessment=AssessmentInfo(
            organisation=info.organisation,
            period=info.period,
            date=info.date,
            form=scored_form,
            next_steps=list(info.next_steps),
            contact=info.contact,
        ),
        min_coverage=min_coverage,
        respondents=respondent_mix(answers, catalog),
        rubrics=rubric_results,
        notes=sorted(notes, key=lambda n: (n.rubric, n.question, n.respondent, n.text)),
        general_notes=general_notes(answers, catalog),
        sense_check=count_sense_check(answers, catalog),
    )
