"""The reports' charts: bars and the ladder, laid out in Python, drawn by templates.

The templates draw them in HTML and CSS, so their words are page text: they wrap
on a phone and stay the size of the text around them. Every chart has a plain
description (its text alternative) and the data table printed beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coprod_assess.i18n import N_, _, ngettext
from coprod_assess.report.numbers import number, percent
from coprod_assess.scoring.result import RubricResult
from coprod_assess.wording import missing_text, missing_words, rung_group_words, rung_words

# A chart's series, marked here and translated where a chart is built.
SIDES = {"practice": N_("Practice"), "belief": N_("Belief")}


@dataclass
class Bar:
    """One bar: its percent of the range (None: no bar) and the text written beside it."""

    percent: float | None
    text: str

    @property
    def length(self) -> float:
        """The bar's drawn length, in percent of the room bars have."""
        return round(max(0.0, min(100.0, self.percent or 0.0)), 1)


@dataclass
class BarRow:
    """A labelled row of one bar per series."""

    label: str
    bars: list[Bar]


@dataclass
class BarChart:
    """Horizontal bars, one or more series (e.g. practice and belief), in the order its
    title says."""

    id: str
    title: str
    series: list[str]
    rows: list[BarRow]
    description: str
    row_header: str = ""

    def __post_init__(self) -> None:
        self.row_header = self.row_header or _("Dimension")


def _descending(rows: list[BarRow]) -> list[BarRow]:
    """Rows by their first bar, highest first; rows without that bar last, by label."""
    return sorted(
        rows,
        key=lambda row: (row.bars[0].percent is None, -(row.bars[0].percent or 0), row.label),
    )


def bar_chart(rubric: RubricResult) -> BarChart:
    """The rubric's dimensions as bars, highest first; practice and belief side by side
    where asked, highest practice first."""
    sides = [s for s in ("practice", "belief") if any(s in d.sides for d in rubric.dimensions)]
    series = [_(SIDES[s]) for s in sides] or [_("Score")]
    rows = []
    for dim in rubric.dimensions:
        scores = (
            [d.everyone if (d := dim.sides.get(side)) else None for side in sides]
            if sides
            else [dim.scores.everyone]
        )
        bars = [
            Bar(s.percent, percent(s.percent))
            if s is not None and s.percent is not None
            else Bar(None, missing_words(s) if s is not None else missing_text("no-answers"))
            for s in scores
        ]
        rows.append(BarRow(dim.title, bars))
    rows = _descending(rows)
    parts = [
        _("{label}: {values}.").format(
            label=row.label,
            values=", ".join(
                _("{series} {value}").format(series=name.lower(), value=bar.text)
                if sides
                else bar.text
                for name, bar in zip(series, row.bars, strict=True)
            ),
        )
        for row in rows
    ]
    if sides == ["practice", "belief"]:
        title = _("{framework}: practice and belief, percent of the range, highest practice first")
    elif sides == ["practice"]:
        title = _("{framework}: practice, percent of the range, highest practice first")
    elif sides == ["belief"]:
        title = _("{framework}: belief, percent of the range, highest belief first")
    else:
        title = _("{framework}: percent of the range, highest first")
    return BarChart(
        id=f"chart-{rubric.id}",
        title=title.format(framework=rubric.title),
        series=series,
        rows=rows,
        description=" ".join(
            [
                _("{framework}, each dimension as percent of its possible range.").format(
                    framework=rubric.title
                ),
                *parts,
            ]
        ),
    )


def period_chart(
    chart_id: str, title: str, labels: list[str], values: list[float | None]
) -> BarChart:
    """Percents (0-100) of labelled periods, a bar each, in period order."""
    rows = [
        BarRow(label, [Bar(value, _("no score") if value is None else percent(value))])
        for label, value in zip(labels, values, strict=True)
    ]
    told = "; ".join(
        _("{label}: {value}").format(label=row.label, value=row.bars[0].text) for row in rows
    )
    return BarChart(
        id=chart_id,
        title=_("{title}, percent of the range, by period").format(title=title),
        series=[_("Overall")],
        rows=rows,
        description=_("{title}, percent of the range by period. {values}.").format(
            title=title, values=told
        ),
        row_header=_("Period"),
    )


@dataclass
class Rung:
    """One rung of the ladder and the decision areas that sit on it."""

    value: float
    name: str
    group: str
    areas: list[str] = field(default_factory=list)
    typical: bool = False


@dataclass
class LadderRow:
    """One row of the drawn ladder, top first: a rung, or a place between two rungs
    (`rung` None), with the areas placed there written beside their mark."""

    value: float
    rung: Rung | None
    areas: list[str]
    typical: bool


@dataclass
class LadderChart:
    """The ladder drawn with its rungs, the typical rung marked, each area placed."""

    id: str
    title: str
    rungs: list[Rung]
    rows: list[LadderRow]
    between: list[str]
    typical_text: str
    description: str


def ladder_chart(rubric: RubricResult) -> LadderChart:
    """The ladder of a ladder rubric, top rung first."""
    ladder = rubric.ladder
    steps = ladder.rungs if ladder else []
    placed = sorted(
        ((dim.rung.value, dim.title) for dim in rubric.dimensions if dim.rung is not None),
        key=lambda area: (-area[0], area[1]),
    )
    typical = ladder.typical if ladder else None
    rungs = [
        Rung(
            step.value,
            step.name,
            step.group or "",
            areas=[title for value, title in placed if value == step.value],
            typical=typical is not None and typical.value == step.value,
        )
        for step in reversed(steps)
    ]
    whole = {rung.value: rung for rung in rungs}
    values = sorted(
        {*whole, *(value for value, _ in placed), *([typical.value] if typical else [])},
        reverse=True,
    )
    rows = [
        LadderRow(
            value,
            whole.get(value),
            [
                title if value in whole else f"{title} ({number(value)})"
                for at, title in placed
                if at == value
            ],
            typical is not None and typical.value == value,
        )
        for value in values
    ]
    if typical is not None:
        group = rung_group_words(typical.value, steps)
        place = rung_words(typical.value, steps)
        if group:
            typical_text = _("Decisions typically sit at {place} ({group})").format(
                place=place, group=group
            )
        else:
            typical_text = _("Decisions typically sit at {place}").format(place=place)
    else:
        typical_text = _("Not enough answers to place the typical rung")
    areas = [
        _("{area}: {place}").format(area=title, place=rung_words(value, steps))
        for value, title in placed
    ]
    low, high = rubric.range
    top, bottom = (rungs[0].name, rungs[-1].name) if rungs else (number(high), number(low))
    return LadderChart(
        id=f"chart-{rubric.id}",
        title=_("{framework}: where each decision area sits").format(framework=rubric.title),
        rungs=rungs,
        rows=rows,
        between=[
            _("{area} at {value}").format(area=title, value=number(value))
            for value, title in placed
            if value not in whole
        ],
        typical_text=typical_text,
        description=" ".join(
            [
                ngettext(
                    "A ladder of {n} rung, from {top} at the top to {bottom}.",
                    "A ladder of {n} rungs, from {top} at the top to {bottom}.",
                    len(rungs),
                ).format(n=len(rungs), top=top, bottom=bottom),
                f"{typical_text}.",
                *([f"{'; '.join(areas)}."] if areas else []),
            ]
        ),
    )
