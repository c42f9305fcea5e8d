"""The calm summary `coprod score` prints: scores, weakest areas, gaps and flags.

Meaning is carried by words and numbers, never by colour alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.markup import escape
from rich.table import Table

from coprod_assess.report.numbers import number

if TYPE_CHECKING:
    from rich.console import Console

    from coprod_assess.scoring.result import DimensionResult, Result, RubricResult, Score

TOP = 5


def score_text(rubric: RubricResult, score: Score) -> str:
    """A score in words: the value in its range and percent, or why there is none."""
    if score.value is None:
        if score.status == "not-enough-answers":
            return f"not enough answers ({score.coverage:.0f}% answered)"
        return "no answers"
    if rubric.ladder is not None and rubric.ladder.typical is not None:
        rung = rubric.ladder.typical
        group = f", {rung.group}" if rung.group else ""
        return f"rung {number(rung.value)}: {rung.name}{group}"
    low, high = rubric.range
    return f"{number(score.value)} of {number(low)}-{number(high)} ({score.percent:.0f}%)"


def _mix_line(result: Result) -> str:
    mix = result.respondents
    parts = []
    names = {
        "lived": "with lived experience",
        "professional": "professional",
        "none": "no perspective",
    }
    for key in ("lived", "professional", "none"):
        if mix.perspectives.get(key):
            parts.append(f"{mix.perspectives[key]} {names[key]}")
    plural = "s" if mix.total != 1 else ""
    detail = f": {', '.join(parts)}" if parts else ""
    return f"{mix.total} respondent{plural}{detail}"


def _table(title: str, plain: bool) -> Table:
    # Plain tables have no box drawing: screen readers read only the words.
    return Table(title=title, title_justify="left", box=None if plain else box.HEAVY_HEAD)


def render_summary(
    result: Result, console: Console, *, min_group: int, plain: bool = False
) -> None:
    """Print the summary of a scored assessment."""
    info = result.assessment
    heading = " · ".join(part for part in (info.organisation, info.period, info.date) if part)
    console.print(f"[bold]{escape(heading or 'Assessment')}[/bold]")
    console.print(escape(_mix_line(result)))
    console.print()
    table = _table("Scores", plain)
    table.add_column("Rubric")
    table.add_column("Score")
    table.add_column("Band")
    table.add_column("Answered", justify="right")
    for rubric in result.rubrics:
        everyone = rubric.scores.everyone
        table.add_row(
            escape(rubric.title),
            escape(score_text(rubric, everyone)),
            escape(everyone.band or "-"),
            f"{everyone.coverage:.0f}% by {everyone.respondents}",
        )
    console.print(table)
    for rubric in result.rubrics:
        if rubric.ladder and rubric.ladder.weakest:
            areas = "; ".join(
                f"{a.title}: rung {number(a.rung.value)} ({a.rung.name})"
                for a in rubric.ladder.weakest
            )
            console.print(f"Weakest decision area on the ladder: {escape(areas)}")
    _lowest(result, console, plain)
    _gaps(result, console, min_group, plain)
    _flags(result, console)


def _lowest(result: Result, console: Console, plain: bool) -> None:
    scored = [
        (rubric, dim)
        for rubric in result.rubrics
        for dim in rubric.dimensions
        if dim.scores.everyone.percent is not None
    ]
    if not scored:
        return
    scored.sort(key=lambda pair: (pair[1].scores.everyone.percent or 0, pair[0].id, pair[1].id))
    table = _table("Lowest dimensions", plain)
    for column in ("Rubric", "Dimension", "Percent of range"):
        table.add_column(column)
    for rubric, dim in scored[:TOP]:
        table.add_row(
            escape(rubric.title), escape(dim.title), f"{dim.scores.everyone.percent:.0f}%"
        )
    console.print()
    console.print(table)


def _shown(dim: DimensionResult, min_group: int) -> bool:
    perspectives = dim.scores.perspectives
    return all(
        key in perspectives and perspectives[key].respondents >= min_group
        for key in ("lived", "professional")
    )


def _gaps(result: Result, console: Console, min_group: int, plain: bool) -> None:
    gaps = [
        (rubric, dim)
        for rubric in result.rubrics
        for dim in rubric.dimensions
        if dim.gap is not None and _shown(dim, min_group)
    ]
    console.print()
    if not gaps:
        console.print(
            "Lived and professional views are not compared: each needs answers from at "
            f"least {min_group} respondents (--min-group)."
        )
        return
    gaps.sort(key=lambda pair: (-abs(pair[1].gap or 0), pair[0].id, pair[1].id))
    table = _table("Largest gaps between perspectives", plain)
    for column in ("Rubric", "Dimension", "Professional", "Lived", "Gap"):
        table.add_column(column)
    for rubric, dim in gaps[:TOP]:
        pro = dim.scores.perspectives["professional"].percent or 0
        lived = dim.scores.perspectives["lived"].percent or 0
        gap = dim.gap or 0
        who = "professionals higher" if gap > 0 else "lived higher" if gap < 0 else "the same"
        table.add_row(
            escape(rubric.title),
            escape(dim.title),
            f"{pro:.0f}%",
            f"{lived:.0f}%",
            f"{gap:+.0f} points ({who})",
        )
    console.print(table)


def _flags(result: Result, console: Console) -> None:
    console.print()
    if not result.flags:
        console.print("No flags raised.")
        return
    console.print(f"[bold]Flags raised ({len(result.flags)})[/bold]")
    for flag in result.flags:
        console.print(f"Flag: [bold]{escape(flag.title)}[/bold]")
        console.print(f"  {escape(flag.explanation)}")
        for line in flag.evidence:
            console.print(f"  - {escape(line)}")
