"""The terminal tables of `coprod diff` and `coprod trend`: arrows and words, not colour alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table

from coprod_assess.cli.terminal_text import inert

if TYPE_CHECKING:
    from rich.console import Console

    from coprod_assess.compare.diff import Diff
    from coprod_assess.compare.trend import Trend

STYLE = {"up": "green", "down": "red", "same": "", "not compared": "dim"}


def render_diff_table(diff: Diff, console: Console) -> None:
    """Print a diff: overview, each rubric's dimensions, flags and respondents."""
    from coprod_assess.compare.words import cell_words, move_words
    from coprod_assess.wording import gap_words, mix_words

    before, after = diff.old.period or "before", diff.new.period or "after"
    name = diff.new.organisation or "Assessment"
    console.print(f"[bold]{inert(name)}: changes from {inert(before)} to {inert(after)}[/bold]")
    console.print(
        f"Respondents: {mix_words(diff.mix_old.total, diff.mix_old.perspectives)} then "
        f"{mix_words(diff.mix_new.total, diff.mix_new.perspectives)}"
    )
    console.print(_privacy_line(diff.min_group))
    for line in diff.warnings:
        console.print(f"Note: {inert(line)}")
    for rubric in diff.rubrics:
        table = Table(title=inert(rubric.title), title_justify="left")
        for column in ("Dimension", before, after, "Change"):
            table.add_column(inert(column))
        rows = [("Overall", rubric.score, rubric.rung, rubric.comparable, "")]
        rows += [(d.title, d.score, d.rung, d.comparable, d.reason) for d in rubric.dimensions]
        for title, move, rung, comparable, reason in rows:
            change = move_words(move, rung) if comparable else f"not compared: {reason}"
            change = inert(change.rstrip(": "))
            style = STYLE[move.direction]
            table.add_row(
                inert(title),
                inert(cell_words(move, rung, "old", rubric.rungs)),
                inert(cell_words(move, rung, "new", rubric.rungs)),
                f"[{style}]{change}[/{style}]" if style else change,
            )
        console.print()
        console.print(table)
        console.print(
            f"Perspective gap: {gap_words(rubric.gap_old)} then {gap_words(rubric.gap_new)}; "
            f"coverage {rubric.coverage_old:.0f}% then {rubric.coverage_new:.0f}%."
        )
    console.print()
    for label, titles in (
        ("Flag raised", diff.flags_raised),
        ("Flag cleared", diff.flags_cleared),
        ("Flag still raised", diff.flags_still),
    ):
        for title in titles:
            console.print(f"{label}: {inert(title)}")
    for dispute in diff.disputes:
        console.print(inert(dispute.words()))
    for rubric_id in diff.only_old:
        console.print(f"Only in {inert(before)}: {inert(rubric_id)}")
    for rubric_id in diff.only_new:
        console.print(f"Only in {inert(after)}: {inert(rubric_id)}")


def render_trend_table(trend: Trend, console: Console) -> None:
    """Print the periods side by side, one table per rubric."""
    from coprod_assess.compare.render import trend_sections
    from coprod_assess.compare.words import answered_words, point_words
    from coprod_assess.wording import people_words

    console.print(_privacy_line(trend.min_group))
    console.print(inert(answered_words(trend)))
    for line in trend.notes:
        console.print(f"Note: {inert(line)}")
    for _, rows in trend_sections(trend):
        table = Table(title=inert(rows[0].title), title_justify="left")
        table.add_column("Dimension")
        for info in trend.periods:
            table.add_column(inert(info.period or info.date))
        for row in rows:
            label = "Overall" if row.dimension is None else row.title
            rungs = trend.rungs.get(row.rubric, [])
            table.add_row(inert(label), *(inert(point_words(p, rungs)) for p in row.points))
            if row.dimension is None:
                counts = [people_words(p.respondents) if p else "not asked" for p in row.points]
                table.add_row("People who answered", *counts)
        console.print(table)


def _privacy_line(min_group: int) -> str:
    from coprod_assess.wording import people_words

    return (
        f"No figure here comes from fewer than {people_words(min_group)}: smaller groups, and "
        "groups that would give them away, are left out."
    )
