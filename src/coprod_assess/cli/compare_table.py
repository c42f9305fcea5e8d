"""The terminal tables of `coprod diff` and `coprod trend`: arrows and words, not colour alone.

Their words are in `coprod_assess.compare.words`, in the language in use.
"""

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
    from coprod_assess.compare import words

    before, after = words.before_after(diff)
    names = words.table_words()
    console.print(f"[bold]{inert(words.diff_title_words(diff))}[/bold]")
    console.print(inert(words.respondents_words(diff)))
    console.print(inert(words.privacy_words(diff.min_group)))
    for line in diff.warnings:
        console.print(inert(words.note_words(line)))
    for rubric in diff.rubrics:
        table = Table(title=inert(rubric.title), title_justify="left")
        for column in (names["dimension"], before, after, names["change"]):
            table.add_column(inert(column))
        rows = [(names["overall"], rubric.score, rubric.rung, rubric.comparable, "")]
        rows += [(d.title, d.score, d.rung, d.comparable, d.reason) for d in rubric.dimensions]
        for title, move, rung, comparable, reason in rows:
            change = (
                words.move_words(move, rung) if comparable else words.not_compared_words(reason)
            )
            change = inert(change)
            style = STYLE[move.direction]
            table.add_row(
                inert(title),
                inert(words.cell_words(move, rung, "old", rubric.rungs)),
                inert(words.cell_words(move, rung, "new", rubric.rungs)),
                f"[{style}]{change}[/{style}]" if style else change,
            )
        console.print()
        console.print(table)
        console.print(
            inert(
                words.gap_coverage_words(
                    rubric.gap_old, rubric.gap_new, rubric.coverage_old, rubric.coverage_new
                )
            )
        )
    console.print()
    for which, titles in (
        ("raised", diff.flags_raised),
        ("cleared", diff.flags_cleared),
        ("still", diff.flags_still),
    ):
        for title in titles:
            console.print(inert(words.flag_words(which, title)))
    for dispute in diff.disputes:
        console.print(inert(dispute.words()))
    for rubric_id in diff.only_old:
        console.print(inert(words.only_in_words(before, rubric_id)))
    for rubric_id in diff.only_new:
        console.print(inert(words.only_in_words(after, rubric_id)))


def render_trend_table(trend: Trend, console: Console) -> None:
    """Print the periods side by side, one table per rubric."""
    from coprod_assess.compare import words
    from coprod_assess.compare.render import trend_sections
    from coprod_assess.wording import people_words

    names = words.table_words()
    console.print(inert(words.privacy_words(trend.min_group)))
    console.print(inert(words.answered_words(trend)))
    for line in trend.notes:
        console.print(inert(words.note_words(line)))
    for _chart, rows in trend_sections(trend):
        table = Table(title=inert(rows[0].title), title_justify="left")
        table.add_column(names["dimension"])
        for info in trend.periods:
            table.add_column(inert(info.period or info.date))
        for row in rows:
            label = names["overall"] if row.dimension is None else row.title
            rungs = trend.rungs.get(row.rubric, [])
            table.add_row(inert(label), *(inert(words.point_words(p, rungs)) for p in row.points))
            if row.dimension is None:
                counts = [
                    people_words(p.respondents) if p else names["not_asked"] for p in row.points
                ]
                table.add_row(inert(names["answered"]), *counts)
        console.print(table)
