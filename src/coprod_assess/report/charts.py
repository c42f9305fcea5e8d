"""The reports' charts: bars and the ladder, laid out in Python, drawn by templates.

The templates draw them in HTML and CSS, so their words are page text: they wrap
on a phone and stay the size of the text around them. Every chart has a plain
description (its text alternative) and the data table printed beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coprod_assess.report.numbers import number, percent
from coprod_assess.scoring.result import RubricResult
from coprod_assess.wording import count_words, missing_words, rung_group_words, rung_words


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
    row_header: str = "Dimension"


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
    series = [s.capitalize() for s in sides] or ["Score"]
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
            else Bar(None, missing_words(s) if s is not None else "no answers")
            for s in scores
        ]
        rows.append(BarRow(dim.title, bars))
    rows = _descending(rows)
    parts = [
        f"{row.label}: "
        + ", ".join(
            f"{name.lower()} {bar.text}" if sides else bar.text
            for name, bar in zip(series, row.bars, strict=True)
        )
        + "."
        for row in rows
    ]
    order = f"highest {series[0].lower()} first" if sides else "highest first"
    what = "practice and belief, " if sides else ""
    return BarChart(
        id=f"chart-{rubric.id}",
        title=f"{rubric.title}: {what}percent of the range, {order}",
        series=series,
        rows=rows,
        description=" ".join(
            [f"{rubric.title}, each dimension as percent of its possible range.", *parts]
        ),
    )


def period_chart(
    chart_id: str, title: str, labels: list[str], values: list[float | None]
) -> BarChart:
    """Percents (0-100) of labelled periods, a bar each, in period order."""
    rows = [
        BarRow(label, [Bar(value, "no score" if value is None else percent(value))])
        for label, value in zip(labels, values, strict=True)
    ]
    told = "; ".join(f"{row.label}: {row.bars[0].text}" for row in rows)
    return BarChart(
        id=chart_id,
        title=f"{title}, percent of the range, by period",
        series=["Overall"],
        rows=rows,
        description=f"{title}, percent of the range by period. {told}.",
        row_header="Period",
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
        typical_text = f"Decisions typically sit at {rung_words(typical.value, steps)}"
        typical_text += f" ({group})" if group else ""
    else:
        typical_text = "Not enough answers to place the typical rung"
    areas = [f"{title}: {rung_words(value, steps)}" for value, title in placed]
    low, high = rubric.range
    top, bottom = (rungs[0].name, rungs[-1].name) if rungs else (number(high), number(low))
    return LadderChart(
        id=f"chart-{rubric.id}",
        title=f"{rubric.title}: where each decision area sits",
        rungs=rungs,
        rows=rows,
        between=[f"{title} at {number(value)}" for value, title in placed if value not in whole],
        typical_text=typical_text,
        description=" ".join(
            [
                f"A ladder of {count_words(len(rungs), 'rung', 'rungs')}, from {top} at the top "
                f"to {bottom}.",
                f"{typical_text}.",
                *([f"{'; '.join(areas)}."] if areas else []),
            ]
        ),
    )
