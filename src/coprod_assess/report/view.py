"""What a report shows, worked out once for both formats.

It reads only a `SharedResult`: what the privacy step let through. Nothing
here decides what is too small to show; it says what was withheld.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coprod_assess.i18n import _, ngettext
from coprod_assess.report.charts import (
    Bar,
    BarChart,
    BarRow,
    LadderChart,
    bar_chart,
    ladder_chart,
)
from coprod_assess.report.language import date_words, passage_lang
from coprod_assess.report.numbers import percent
from coprod_assess.report.priorities import priority_pairs, strength_pairs
from coprod_assess.report.sense_check_view import (
    SenseCheckView,
    sense_check_sentences,
    sense_check_view,
)
from coprod_assess.report.summary import summary_sentences
from coprod_assess.rubric.describe import explain
from coprod_assess.scoring.result import (
    DimensionResult,
    RaisedFlag,
    RubricResult,
    SharedGeneralNote,
    SharedNote,
    SharedResult,
    UncheckedFlag,
)
from coprod_assess.wording import (
    extreme_words,
    group_words,
    groups_words,
    people_words,
    perspective_name,
    points_words,
    score_words,
    short_score_words,
)


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
    extremes: list[str]
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
    where: str  # "" for anything else someone said, about no one question
    lang: str = ""  # where the writer's language is not the report's: HTML's lang for it


@dataclass
class ReportView:
    """Everything a report template shows."""

    organisation: str
    period: str
    date: str
    form: str
    tool_version: str
    summary: list[str]
    rubrics: list[RubricSection]
    gaps: list[GapRow]
    gap_chart: BarChart | None
    perspectives_hidden: str
    flags: list[RaisedFlag]
    unchecked_flags: list[UncheckedFlag]
    withheld: list[str]
    strengths: list[Item]
    priorities: list[Item]
    quotes: list[Quote]
    general_quotes: list[Quote]
    mix: list[tuple[str, int]]
    groups: str
    perspectives: list[tuple[str, int]]
    total: int
    min_group: int
    min_coverage: float
    sense_check: SenseCheckView | None = None

    @property
    def title(self) -> str:
        """The organisation's name and what this is, or only what it is when none is named."""
        if self.organisation:
            return _("{organisation}: co-production assessment").format(
                organisation=self.organisation
            )
        return _("Co-production assessment")

    @property
    def facts(self) -> list[str]:
        """The heading's details, leaving out what the answers file did not say."""
        answered = ngettext("{n} person answered", "{n} people answered", self.total)
        return [
            *([_("Period {period}").format(period=self.period)] if self.period else []),
            *([date_words(self.date)] if self.date else []),
            answered.format(n=self.total),
            *([_("short form: the core questions only")] if self.form == "short" else []),
        ]


def dimension_words(rubric: RubricResult, dim: DimensionResult | None = None) -> str:
    """A rubric's or dimension's score for people: a rung, or a value in its range."""
    rungs = rubric.ladder.rungs if rubric.ladder else []
    if dim is None:
        return score_words(rubric.scores.everyone, *rubric.range, rungs)
    return score_words(dim.scores.everyone, *dim.range, rungs)


def build_view(shared: SharedResult) -> ReportView:
    """The report's content, from what the privacy step let through."""
    sections = [_section(r, shared) for r in shared.rubrics]
    gaps, hidden = _gaps(shared)
    info = shared.assessment
    mix = shared.respondents
    strengths, priorities = _strengths_and_priorities(shared)
    view = ReportView(
        organisation=info.organisation,
        period=info.period,
        date=info.date,
        form=info.form,
        tool_version=shared.tool_version,
        summary=[],
        rubrics=sections,
        gaps=gaps,
        gap_chart=_gap_chart(gaps),
        perspectives_hidden=hidden,
        flags=list(shared.flags),
        unchecked_flags=list(shared.unchecked_flags),
        withheld=list(shared.withheld),
        strengths=strengths,
        priorities=priorities,
        quotes=[_quote(note, shared) for note in shared.notes],
        general_quotes=[_general_quote(note, shared) for note in shared.general_notes],
        mix=[(mix.labels.get(role, role), count) for role, count in mix.roles.items()],
        groups=groups_words(mix.roles.get("group", 0), mix.in_groups, mix.lived_in_groups),
        perspectives=[(perspective_name(key), count) for key, count in mix.perspectives.items()],
        total=mix.total,
        min_group=shared.min_group,
        min_coverage=shared.min_coverage,
    )
    view.sense_check = sense_check_view(shared.sense_check, shared.min_group, mix.total)
    view.summary = summary_sentences(shared, view)
    view.summary[1:1] = sense_check_sentences(view.sense_check)
    return view


def _section(rubric: RubricResult, shared: SharedResult) -> RubricSection:
    everyone = rubric.scores.everyone
    labels = shared.respondents.labels
    ladder = rubric.method == "ladder"
    rungs = rubric.ladder.rungs if rubric.ladder else []
    return RubricSection(
        id=rubric.id,
        title=rubric.title,
        score=dimension_words(rubric),
        band=everyone.band or "",
        extremes=_extremes(rubric),
        chart=None if ladder else bar_chart(rubric),
        ladder=ladder_chart(rubric) if ladder else None,
        roles=[
            RoleRow(
                labels.get(role, role),
                score.respondents,
                short_score_words(score.value, score.percent, rungs),
            )
            for role, score in rubric.scores.roles.items()
        ],
        hidden_roles=[
            group_words(group, labels)
            for group in rubric.scores.withheld
            if group.startswith("role:")
        ],
        method=explain(rubric.method, rubric.range, rubric.threshold),
        citation=rubric.citation,
        version=rubric.version,
        content_hash=rubric.content_hash,
        coverage=_("{answered} of {asked} answers given ({percent}) by {people}").format(
            answered=everyone.answered,
            asked=everyone.asked,
            percent=percent(everyone.coverage),
            people=people_words(everyone.respondents),
        ),
    )


def _extremes(rubric: RubricResult) -> list[str]:
    """On a ladder, its weakest and its strongest decision areas, a sentence each."""
    ladder = rubric.ladder
    if ladder is None or not ladder.weakest or not ladder.strongest:
        return []
    ends = [
        extreme_words(which, [a.title for a in areas], areas[0].rung.value, ladder.rungs)
        for which, areas in (("Weakest", ladder.weakest), ("Strongest", ladder.strongest))
    ]
    return [f"{end}." for end in ends]


def _gaps(shared: SharedResult) -> tuple[list[GapRow], str]:
    rows = []
    for rubric in shared.rubrics:
        for dim in rubric.dimensions:
            lived = dim.scores.perspectives.get("lived")
            pro = dim.scores.perspectives.get("professional")
            if not lived or not pro or lived.percent is None or pro.percent is None:
                continue
            rows.append(GapRow(rubric.title, dim.title, lived.percent, pro.percent, dim.gap or 0.0))
    rows.sort(key=lambda row: (-abs(row.gap), row.rubric, row.dimension))
    if rows:
        return rows, ""
    mix = shared.respondents.perspectives
    professionals = mix.get("professional", 0)
    return [], _(
        "Lived experience and professional views are not compared: each needs answers from "
        "at least {least}, and neither may give away a smaller group (here {lived} with "
        "lived experience and {professionals})."
    ).format(
        least=people_words(shared.min_group),
        lived=mix.get("lived", 0),
        professionals=ngettext("{n} professional", "{n} professionals", professionals).format(
            n=professionals
        ),
    )


def _gap_chart(rows: list[GapRow]) -> BarChart | None:
    if not rows:
        return None
    top = rows[:6]
    return BarChart(
        id="gaps",
        title=_("Largest gaps between lived experience and professional views, largest first"),
        series=[perspective_name("lived"), perspective_name("professional")],
        rows=[
            BarRow(
                label=_("{dimension} ({framework})").format(
                    dimension=row.dimension, framework=row.rubric
                ),
                bars=[
                    Bar(row.lived, percent(row.lived)),
                    Bar(row.professional, percent(row.professional)),
                ],
            )
            for row in top
        ],
        description=" ".join(
            [
                _(
                    "For each dimension, the percent of its range given by people with lived "
                    "experience and by professionals."
                ),
                *(
                    _("{dimension}: lived experience {lived}, professional {professional}.").format(
                        dimension=row.dimension,
                        lived=percent(row.lived),
                        professional=percent(row.professional),
                    )
                    for row in top
                ),
            ]
        ),
    )


def _strengths_and_priorities(shared: SharedResult) -> tuple[list[Item], list[Item]]:
    chosen = priority_pairs(shared)
    priorities = [
        Item(
            title=dim.title,
            rubric=rubric.title,
            score=dimension_words(rubric, dim),
            why=_why(dim),
            actions=dim.actions[:3],
        )
        for rubric, dim in chosen
    ]
    strengths = [
        Item(title=dim.title, rubric=rubric.title, score=dimension_words(rubric, dim))
        for rubric, dim in strength_pairs(shared, chosen)
    ]
    return strengths, priorities


def _why(dim: DimensionResult) -> str:
    if dim.gap is not None and dim.gap >= 20:
        return _("professionals rate it {points} higher than people with lived experience").format(
            points=points_words(dim.gap)
        )
    return ""


def _who(note: SharedNote | SharedGeneralNote, shared: SharedResult) -> str:
    """Who said it, as far as the privacy step let it say: "A staff member", "Someone with
    lived experience", "Sam (staff member)" where names were asked for."""
    if note.role:
        label = group_words(f"role:{note.role}", shared.respondents.labels)
        one = _("an {role}") if label[:1] in "aeiou" else _("a {role}")
        who, bare = one.format(role=label), label
    elif note.perspective == "lived":
        who = bare = _("someone with lived experience")
    elif note.perspective:
        who, bare = _("a professional"), _("professional")
    else:
        who, bare = _("a respondent"), _("respondent")
    if note.name:
        who = _("{name} ({who})").format(name=note.name, who=bare)
    return who[:1].upper() + who[1:]


def _quote(note: SharedNote, shared: SharedResult) -> Quote:
    rubric = shared.rubric(note.rubric)
    title = rubric.title if rubric else note.rubric
    dim_title = next(
        (d.title for d in (rubric.dimensions if rubric else []) if d.id == note.dimension),
        note.dimension,
    )
    return Quote(
        text=note.text,
        who=_who(note, shared),
        where=_("{dimension}, {framework}").format(dimension=dim_title, framework=title),
        lang=passage_lang(note.lang),
    )


def _general_quote(note: SharedGeneralNote, shared: SharedResult) -> Quote:
    return Quote(text=note.text, who=_who(note, shared), where="", lang=passage_lang(note.lang))
