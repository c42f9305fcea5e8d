"""Several periods side by side, ordered by period label and then date."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from pydantic import Field

from coprod_assess.compare.diff import few_changed
from coprod_assess.i18n import N_, _
from coprod_assess.scoring.result import (
    AssessmentInfo,
    Count,
    DimensionResult,
    GroupScores,
    ResultModel,
    RubricResult,
    Rung,
    SharedResult,
)

# The forms an assessment can be scored on, in words.
FORMS = {"full": N_("full"), "short": N_("short")}


class Point(ResultModel):
    """One period's score, or None where it was not scored, and how many people answered."""

    value: float | None
    percent: float | None
    band: str | None = None
    respondents: Count = 0


class TrendRow(ResultModel):
    """A rubric (dimension None) or one of its dimensions across the periods."""

    rubric: str
    title: str
    dimension: str | None = None
    points: list[Point | None]


class Trend(ResultModel):
    """Periods, and the rows of scores across them."""

    periods: list[AssessmentInfo]
    respondents: list[Count] = Field(
        default_factory=list, description="How many people answered in each period."
    )
    rows: list[TrendRow]
    rungs: dict[str, list[Rung]] = Field(
        default_factory=dict,
        description="Each ladder rubric's rungs, lowest first (its latest), to name places by.",
    )
    min_group: int = Field(description="No figure shown comes from fewer people than this.")
    notes: list[str] = Field(default_factory=list)


def period_key(info: AssessmentInfo) -> tuple[tuple[tuple[int, str], ...], str]:
    """Sort periods naturally ("2025-Q2" before "2025-Q10"), then by date."""
    parts = tuple(
        (int(chunk), "") if chunk.isdigit() else (0, chunk)
        for chunk in re.findall(r"\d+|\D+", info.period)
    )
    return parts, info.date


def _point(scores: GroupScores | None) -> Point | None:
    if scores is None:
        return None
    return Point(
        value=scores.everyone.value,
        percent=scores.everyone.percent,
        band=scores.everyone.band,
        respondents=scores.everyone.respondents,
    )


def _questions(dim: DimensionResult) -> list[tuple[str, str]]:
    return [(q.id, q.text) for q in dim.questions]


def _other_form(
    found: Sequence[RubricResult | None], ordered: Sequence[SharedResult], latest: RubricResult
) -> list[bool]:
    """Per period, whether its rubric was scored on another form than in the latest period
    that has it, over other questions: then only dimensions asking the same compare."""
    last = max(i for i, rubric in enumerate(found) if rubric is not None)
    form = ordered[last].assessment.form
    asked = [(d.id, _questions(d)) for d in latest.dimensions]
    return [
        rubric is not None
        and result.assessment.form != form
        and [(d.id, _questions(d)) for d in rubric.dimensions] != asked
        for rubric, result in zip(found, ordered, strict=True)
    ]


def _forms_note(ordered: Sequence[SharedResult]) -> list[str]:
    """A note when the periods were scored on different forms (full and short)."""
    if len({r.assessment.form for r in ordered}) < 2:
        return []
    listed = ", ".join(
        _("{period}: {form}").format(
            period=r.assessment.period or r.assessment.date or n + 1,
            form=_(FORMS.get(r.assessment.form, r.assessment.form)),
        )
        for n, r in enumerate(ordered)
    )
    return [
        _(
            "Periods were scored on different forms ({forms}): a score from a form other "
            "than the latest one is left out where its questions differ. Give the answers "
            "files, not result files, to compare every period on the short form's core "
            "questions."
        ).format(forms=listed)
    ]


def trend(results: Sequence[SharedResult]) -> Trend:
    """The shared results in period order, with a row per rubric and per dimension."""
    ordered = sorted(results, key=lambda r: period_key(r.assessment))
    notes = []
    rows = []
    rungs = {}
    ids = sorted({rubric.id for result in ordered for rubric in result.rubrics})
    for rubric_id in ids:
        found = [result.rubric(rubric_id) for result in ordered]
        versions = [
            (r.version, p.assessment.period) for r, p in zip(found, ordered, strict=True) if r
        ]
        latest = next(r for r in reversed(found) if r is not None)
        if latest.ladder is not None:
            rungs[rubric_id] = list(latest.ladder.rungs)
        # A period scored on another form (full or short) shows only what asked the same.
        other_form = _other_form(found, ordered, latest)
        majors = {version.split(".")[0] for version, _ in versions}
        if len(majors) > 1:
            listed = ", ".join(
                _("{period}: {version}").format(period=period, version=version)
                for version, period in versions
            )
            notes.append(
                _(
                    "{framework} changed major version ({versions}): scores from different "
                    "versions measure different things and should not be read as a trend."
                ).format(framework=latest.title, versions=listed)
            )
        rows.append(
            TrendRow(
                rubric=rubric_id,
                title=latest.title,
                points=[
                    _point(r.scores) if r and not other else None
                    for r, other in zip(found, other_form, strict=True)
                ],
            )
        )
        for dim in latest.dimensions:
            points = []
            for rubric, other in zip(found, other_form, strict=True):
                match = (
                    next((d for d in rubric.dimensions if d.id == dim.id), None) if rubric else None
                )
                if match and other and _questions(match) != _questions(dim):
                    match = None
                points.append(_point(match.scores) if match else None)
            rows.append(
                TrendRow(rubric=rubric_id, title=dim.title, dimension=dim.id, points=points)
            )
    notes += _forms_note(ordered)
    for before, after in itertools.pairwise(ordered):
        notes += [
            _("{period}: {note}").format(
                period=after.assessment.period or after.assessment.date, note=line
            )
            for line in few_changed(
                before.respondents, after.respondents, max(before.min_group, after.min_group)
            )
        ]
    return Trend(
        periods=[r.assessment for r in ordered],
        respondents=[r.respondents.total for r in ordered],
        rows=rows,
        rungs=rungs,
        min_group=max((r.min_group for r in ordered), default=1),
        notes=notes,
    )
