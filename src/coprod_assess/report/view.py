"""What a report shows, worked out once for both formats.

Privacy is decided here: breakdowns of groups smaller than `min_group` are
left out with a line saying so, notes are attributed to a role only where
that role is large enough, and names appear only when asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from coprod_assess.report.charts import (
    Bar,
    BarChart,
    BarRow,
    LadderChart,
    bar_chart,
    ladder_chart,
)
from coprod_assess.report.numbers import number, percent, scale_words
from coprod_assess.report.summary import summary_sentences
from coprod_assess.rubric.describe import explain
from coprod_assess.scoring.result import DimensionResult, Note, RaisedFlag, Result, RubricResult

PRIORITY_BELOW = 60.0
STRENGTH_FROM = 60.0
PERSPECTIVE_NAMES = {"lived": "Lived experience", "professional": "Professional"}


@dataclass
class Item:
    """A dimension named in strengths or priorities."""

    title: str
    rubric: str
    score: str
    why: str = ""
    actions: list[str] = field(default_factory=list)


@dataclass
class GapRow:
    """One dimension's lived and professional percents."""

    rubric: str
    dimension: str
    lived: float
    professional: float
    gap: float


@dataclass
class RoleRow:
    """One role's score on one rubric."""

    role: str
    respondents: int
    score: str


@dataclass
class RubricSection:
    """One framework: its chart, its scores by role, and how it is scored."""

    id: str
    title: str
    score: str
    band: str
    chart: BarChart | None
    ladder: LadderChart | None
    roles: list[RoleRow]
    hidden_roles: list[str]
    method: str
    citation: str
    version: str
    content_hash: str
    coverage: str


@dataclass
class Quote:
    """A note quoted in the report, with who said it, as far as privacy allows."""

    text: str
    who: str
    where: str


@dataclass
class ReportView:
    """Everything a report template shows."""

    organisation: str
    period: str
    date: str
    tool_version: str
    summary: list[str]
    rubrics: list[RubricSection]
    gaps: list[GapRow]
    gap_chart: BarChart | None
    perspectives_hidden: str
    flags: list[RaisedFlag]
    strengths: list[Item]
    priorities: list[Item]
    quotes: list[Quote]
    mix: list[tuple[str, int]]
    perspectives: list[tuple[str, int]]
    total: int
    min_group: int
    min_coverage: float


def score_words(rubric: RubricResult, dim: DimensionResult | None = None) -> str:
    """A score for people: a rung with its name, or a value with its range and percent."""
    scores = dim.scores if dim else rubric.scores
    everyone = scores.everyone
    if everyone.value is None:
        return "not enough answers" if everyone.status == "not-enough-answers" else "no answers"
    rung = dim.rung if dim else (rubric.ladder.typical if rubric.ladder else None)
    if rung is not None:
        return f"rung {number(rung.value)}, {rung.name}"
    low, high = dim.range if dim else rubric.range
    scale = scale_words(low, high)
    return f"{number(everyone.value)} {scale} ({percent(everyone.percent)})"


def build_view(
    result: Result, *, min_group: int = 3, names: Mapping[str, str] | None = None
) -> ReportView:
    """The report's content. `names` maps respondent ids to names, only when asked to show them."""
    sections = [_section(r, result, min_group) for r in result.rubrics]
    gaps, hidden = _gaps(result, min_group)
    info = result.assessment
    mix = result.respondents
    strengths, priorities = _strengths_and_priorities(result)
    view = ReportView(
        organisation=info.organisation,
        period=info.period,
        date=info.date,
        tool_version=result.tool_version,
        summary=[],
        rubrics=sections,
        gaps=gaps,
        gap_chart=_gap_chart(gaps),
        perspectives_hidden=hidden,
        flags=list(result.flags),
        strengths=strengths,
        priorities=priorities,
        quotes=[_quote(note, result, min_group, names) for note in result.notes],
        mix=[(mix.labels.get(role, role), count) for role, count in mix.roles.items()],
        perspectives=[
            (PERSPECTIVE_NAMES.get(key, "No perspective (a group, or other)"), count)
            for key, count in mix.perspectives.items()
        ],
        total=mix.total,
        min_group=min_group,
        min_coverage=result.min_coverage,
    )
    view.summary = summary_sentences(result, view)
    return view


def _section(rubric: RubricResult, result: Result, min_group: int) -> RubricSection:
    everyone = rubric.scores.everyone
    roles = []
    hidden = []
    for role, score in rubric.scores.roles.items():
        label = result.respondents.labels.get(role, role)
        if score.respondents >= min_group:
            roles.append(
                RoleRow(label, score.respondents, _short(rubric, score.value, score.percent))
            )
        elif score.respondents:
            hidden.append(label.lower())
    return RubricSection(
        id=rubric.id,
        title=rubric.title,
        score=score_words(rubric),
        band=everyone.band or "",
        chart=None if rubric.method == "ladder" else bar_chart(rubric),
        ladder=ladder_chart(rubric) if rubric.method == "ladder" else None,
        roles=roles,
        hidden_roles=hidden,
        method=explain(rubric.method, rubric.range, rubric.threshold),
        citation=rubric.citation,
        version=rubric.version,
        content_hash=rubric.content_hash,
        coverage=f"{everyone.answered} of {everyone.asked} answers given "
        f"({percent(everyone.coverage)}) by {everyone.respondents} people",
    )


def _short(rubric: RubricResult, value: float | None, pct: float | None) -> str:
    if value is None:
        return "not enough answers"
    if rubric.method == "ladder":
        return f"rung {number(value)}"
    return f"{number(value)} ({percent(pct)})"


def _gaps(result: Result, min_group: int) -> tuple[list[GapRow], str]:
    rows = []
    for rubric in result.rubrics:
        for dim in rubric.dimensions:
            lived = dim.scores.perspectives.get("lived")
            pro = dim.scores.perspectives.get("professional")
            if not lived or not pro or lived.percent is None or pro.percent is None:
                continue
            if min(lived.respondents, pro.respondents) < min_group:
                continue
            rows.append(GapRow(rubric.title, dim.title, lived.percent, pro.percent, dim.gap or 0.0))
    rows.sort(key=lambda row: (-abs(row.gap), row.rubric, row.dimension))
    if rows:
        return rows, ""
    mix = result.respondents.perspectives
    return [], (
        "Lived experience and professional views are not compared: each needs answers from "
        f"at least {min_group} people (here {mix.get('lived', 0)} with lived experience and "
        f"{mix.get('professional', 0)} professionals)."
    )


def _gap_chart(rows: list[GapRow]) -> BarChart | None:
    if not rows:
        return None
    top = rows[:6]
    return BarChart(
        id="gaps",
        title="Largest gaps between lived experience and professional views",
        series=["Lived experience", "Professional"],
        rows=[
            BarRow(
                label=f"{row.dimension} ({row.rubric})",
                bars=[
                    Bar(row.lived, percent(row.lived)),
                    Bar(row.professional, percent(row.professional)),
                ],
            )
            for row in top
        ],
        description="For each dimension, the percent of its range given by people with lived "
        "experience and by professionals. "
        + " ".join(
            f"{row.dimension}: lived experience {percent(row.lived)}, professional "
            f"{percent(row.professional)}."
            for row in top
        ),
    )


def _strengths_and_priorities(result: Result) -> tuple[list[Item], list[Item]]:
    scored = [
        (rubric, dim)
        for rubric in result.rubrics
        for dim in rubric.dimensions
        if dim.scores.everyone.percent is not None
    ]

    def pct(pair: tuple[RubricResult, DimensionResult]) -> float:
        return pair[1].scores.everyone.percent or 0.0

    ordered = sorted(scored, key=lambda pair: (pct(pair), -(pair[1].gap or 0), pair[1].id))
    chosen = [pair for pair in ordered if pct(pair) < PRIORITY_BELOW][:5]
    if len(chosen) < 3:
        chosen = ordered[:3]
    priorities = [
        Item(
            title=dim.title,
            rubric=rubric.title,
            score=score_words(rubric, dim),
            why=_why(dim),
            actions=dim.actions[:3],
        )
        for rubric, dim in chosen
    ]
    picked = {(r.id, d.id) for r, d in chosen}
    best = sorted(scored, key=lambda pair: (-pct(pair), pair[1].id))
    strengths = [
        Item(title=dim.title, rubric=rubric.title, score=score_words(rubric, dim))
        for rubric, dim in best
        if pct((rubric, dim)) >= STRENGTH_FROM and (rubric.id, dim.id) not in picked
    ][:3]
    return strengths, priorities


def _why(dim: DimensionResult) -> str:
    if dim.gap is not None and dim.gap >= 20:
        return (
            f"professionals rate it {dim.gap:.0f} points higher than people with lived experience"
        )
    return ""


def _quote(note: Note, result: Result, min_group: int, names: Mapping[str, str] | None) -> Quote:
    rubric = result.rubric(note.rubric)
    title = rubric.title if rubric else note.rubric
    dim_title = next(
        (d.title for d in (rubric.dimensions if rubric else []) if d.id == note.dimension),
        note.dimension,
    )
    mix = result.respondents
    if mix.roles.get(note.role, 0) >= min_group:
        label = mix.labels.get(note.role, note.role).lower()
        who = f"{'an' if label[:1] in 'aeiou' else 'a'} {label}"
    elif note.perspective and mix.perspectives.get(note.perspective, 0) >= min_group:
        who = "someone with lived experience" if note.perspective == "lived" else "a professional"
    else:
        who = "a respondent"
    if names and names.get(note.respondent):
        who = f"{names[note.respondent]} ({who.removeprefix('a ').removeprefix('an ')})"
    return Quote(text=note.text, who=who[:1].upper() + who[1:], where=f"{dim_title}, {title}")
