"""Chart geometry for the reports: bars and the ladder, laid out in Python, drawn by templates.

Every chart has a plain description (its text alternative) and the data
table the templates print beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coprod_assess.report.numbers import number, percent
from coprod_assess.scoring.result import RubricResult
from coprod_assess.wording import missing_words, rung_group_words, rung_words

WIDTH = 720
LABEL_WIDTH = 250
BAR_SPACE = WIDTH - LABEL_WIDTH - 70
BAR_HEIGHT = 18
ROW_GAP = 12
LABEL_CHARS = 34


def wrap(label: str, width: int = LABEL_CHARS) -> list[str]:
    """A label in at most two lines for an SVG, which cannot wrap text itself."""
    if len(label) <= width:
        return [label]
    cut = label.rfind(" ", 0, width)
    cut = cut if cut > 0 else width
    rest = label[cut:].strip()
    if len(rest) > width:
        rest = rest[: width - 1] + "…"
    return [label[:cut], rest]


@dataclass
class Bar:
    """One bar: its percent of the range and the text written beside it."""

    percent: float
    text: str

    @property
    def length(self) -> float:
        """The bar's drawn length in pixels."""
        return round(max(0.0, min(100.0, self.percent)) / 100 * BAR_SPACE, 1)


@dataclass
class BarRow:
    """A labelled row of one bar per series."""

    label: str
    bars: list[Bar]
    y: float = 0.0

    @property
    def lines(self) -> list[str]:
        """The label, wrapped."""
        return wrap(self.label)


@dataclass
class BarChart:
    """Horizontal bars, sorted, one or more series (e.g. practice and belief)."""

    id: str
    title: str
    series: list[str]
    rows: list[BarRow]
    description: str
    height: float = 0.0
    label_width: int = LABEL_WIDTH
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT

    def __post_init__(self) -> None:
        y = 40.0 if len(self.series) > 1 else 10.0
        for row in self.rows:
            row.y = y
            y += len(self.series) * BAR_HEIGHT + ROW_GAP + (8 if len(row.lines) > 1 else 0)
        self.height = y + 10


def bar_chart(rubric: RubricResult) -> BarChart:
    """The rubric's dimensions as sorted bars; practice and belief side by side where asked."""
    sides = [s for s in ("practice", "belief") if any(s in d.sides for d in rubric.dimensions)]
    series = [s.capitalize() for s in sides] or ["Score"]
    rows = []
    parts = []
    for dim in rubric.dimensions:
        scores = (
            [d.everyone if (d := dim.sides.get(side)) else None for side in sides]
            if sides
            else [dim.scores.everyone]
        )
        bars = [
            Bar(s.percent, percent(s.percent))
            if s is not None and s.percent is not None
            else Bar(0.0, missing_words(s) if s is not None else "no answers")
            for s in scores
        ]
        rows.append((dim.scores.everyone.percent or -1, dim.title, BarRow(dim.title, bars)))
        parts.append(
            f"{dim.title}: "
            + ", ".join(
                f"{name.lower()} {bar.text}" if sides else bar.text
                for name, bar in zip(series, bars, strict=True)
            )
            + "."
        )
    rows.sort(key=lambda item: (-item[0], item[1]))
    what = "practice and belief, " if sides else ""
    return BarChart(
        id=f"chart-{rubric.id}",
        title=f"{rubric.title}: {what}percent of the range, highest first",
        series=series,
        rows=[row for _, _, row in rows],
        description=" ".join(
            [f"{rubric.title}, each dimension as percent of its possible range.", *parts]
        ),
    )


@dataclass
class Rung:
    """One rung of the drawn ladder and the decision areas placed on it."""

    value: float
    name: str
    group: str
    y: float
    areas: list[str] = field(default_factory=list)
    typical: bool = False


@dataclass
class Placed:
    """A decision area placed at its (possibly fractional) rung."""

    title: str
    value: float
    name: str
    y: float


@dataclass
class LadderChart:
    """The ladder drawn with its rungs, the typical rung marked, each area placed."""

    id: str
    title: str
    rungs: list[Rung]
    placed: list[Placed]
    typical_y: float | None
    typical_text: str
    description: str
    height: float
    width: int = WIDTH

    @property
    def between(self) -> list[str]:
        """Areas whose answers put them between two rungs, e.g. "Money at 3.5"."""
        whole = {rung.value for rung in self.rungs}
        return [f"{p.title} at {number(p.value)}" for p in self.placed if p.value not in whole]

    @property
    def marks(self) -> list[tuple[float, float, list[str]]]:
        """Area labels beside the ladder: (marker height, label height, wrapped lines).

        Labels keep at least a line apart, so areas on nearby rungs stay readable.
        """
        by_height: dict[float, list[str]] = {}
        for area in self.placed:
            by_height.setdefault(area.y, []).append(f"{area.title} ({number(area.value)})")
        marks = []
        free = float("-inf")
        for y, titles in sorted(by_height.items()):
            lines: list[str] = []
            for title in titles:
                if lines and len(lines[-1]) + len(title) + 2 <= MARK_CHARS:
                    lines[-1] += f", {title}"
                else:
                    lines.append(title)
            label_y = max(y, free)
            marks.append((y, label_y, lines))
            free = label_y + LINE_GAP * len(lines)
        return marks


MARK_CHARS = 52
LINE_GAP = 16
RUNG_GAP = 46
TOP = 30


def ladder_chart(rubric: RubricResult) -> LadderChart:
    """The ladder of a ladder rubric, top rung first."""
    ladder = rubric.ladder
    scale = sorted(ladder.rungs if ladder else [], key=lambda r: -r.value)
    low, high = (scale[-1].value, scale[0].value) if scale else rubric.range

    def y_of(value: float) -> float:
        # Rungs are evenly spaced by their order; a value between two rungs sits between them.
        order = [r.value for r in reversed(scale)] or [low, high]
        for index in range(len(order) - 1):
            below, above = order[index], order[index + 1]
            if below <= value <= above:
                step = index + (value - below) / (above - below)
                return round(TOP + (len(order) - 1 - step) * RUNG_GAP, 1)
        return float(TOP if value >= high else TOP + (len(order) - 1) * RUNG_GAP)

    rungs = [Rung(r.value, r.name, r.group or "", y_of(r.value)) for r in scale]
    placed = []
    for dim in rubric.dimensions:
        if dim.rung is None:
            continue
        placed.append(Placed(dim.title, dim.rung.value, dim.rung.name, y_of(dim.rung.value)))
    typical = ladder.typical if ladder else None
    for rung in rungs:
        rung.areas = [p.title for p in placed if p.value == rung.value]
        rung.typical = typical is not None and typical.value == rung.value
    steps = ladder.rungs if ladder else []
    if typical is not None:
        group = rung_group_words(typical.value, steps)
        typical_text = f"Typical rung: {rung_words(typical.value, steps)}"
        typical_text += f" ({group})" if group else ""
    else:
        typical_text = "Not enough answers to place the typical rung."
    areas = "; ".join(f"{p.title}: {rung_words(p.value, steps)}" for p in placed)
    chart = LadderChart(
        id=f"chart-{rubric.id}",
        title=f"{rubric.title}: where each decision area sits",
        rungs=rungs,
        placed=sorted(placed, key=lambda p: (-p.value, p.title)),
        typical_y=y_of(typical.value) if typical else None,
        typical_text=typical_text,
        description=f"A ladder of {len(rungs)} rungs, from {rungs[0].name if rungs else high} "
        f"at the top to {rungs[-1].name if rungs else low}. {typical_text}. {areas}.",
        height=TOP + max(len(rungs) - 1, 1) * RUNG_GAP + 40,
    )
    # Labels pushed apart near the bottom rung must still fit in the drawing.
    for _, label_y, lines in chart.marks:
        chart.height = max(chart.height, label_y + LINE_GAP * len(lines) + 10)
    return chart


@dataclass
class LinePoint:
    """A point on a line chart, with its label."""

    x: float
    y: float
    label: str
    text: str


@dataclass
class LineChart:
    """A small line chart of percents across periods."""

    id: str
    title: str
    points: list[LinePoint]
    description: str
    width: int = 560
    height: int = 220
    top: int = 20
    bottom: int = 180

    @property
    def path(self) -> str:
        """The SVG path through the points that have a value."""
        return " ".join(
            f"{'M' if i == 0 else 'L'}{p.x},{p.y}" for i, p in enumerate(self.points) if p.text
        )


def line_chart(
    chart_id: str, title: str, labels: list[str], values: list[float | None]
) -> LineChart:
    """Percents (0-100) across labelled periods; a period without a value has no point."""
    step = (560 - 120) / max(len(labels) - 1, 1)
    points = [
        LinePoint(
            x=round(60 + index * step, 1),
            y=round(180 - (value or 0) * 1.6, 1),
            label=label,
            text="" if value is None else percent(value),
        )
        for index, (label, value) in enumerate(zip(labels, values, strict=True))
    ]
    told = "; ".join(f"{p.label}: {p.text or 'no score'}" for p in points)
    return LineChart(
        id=chart_id,
        title=title,
        points=points,
        description=f"{title}, percent of the range by period. {told}.",
    )
