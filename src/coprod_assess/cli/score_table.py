"""The calm summary `coprod score` prints: scores, weakest areas, gaps and flags.

Meaning is carried by words and numbers, never by colour alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.table import Table

from coprod_assess.cli.terminal_text import inert
from coprod_assess.i18n import _, ngettext
from coprod_assess.report.numbers import number
from coprod_assess.wording import (
    extreme_words,
    missing_words,
    people_words,
    points_words,
    rung_group_words,
    rung_words,
)

if TYPE_CHECKING:
    from rich.console import Console

    from coprod_assess.scoring.result import RubricResult, Score, SharedResult

TOP = 5


def score_text(rubric: RubricResult, score: Score) -> str:
    """A score in words: the value in its range and percent, or why there is none."""
    if score.value is None:
        if score.status == "not-enough-answers":
            return _("not enough answers ({percent}% answered)").format(
                percent=f"{score.coverage:.0f}"
            )
        return missing_words(score)
    if rubric.ladder is not None and rubric.ladder.typical is not None:
        rungs = rubric.ladder.rungs
        group = rung_group_words(score.value, rungs)
        return rung_words(score.value, rungs) + (f" ({group})" if group else "")
    low, high = rubric.range
    return _("{value} of {low}-{high} ({percent}%)").format(
        value=number(score.value),
        low=number(low),
        high=number(high),
        percent=f"{score.percent:.0f}",
    )


def _mix_line(shared: SharedResult) -> str:
    mix = shared.respondents

    def part(key: str, n: int) -> str:
        if key == "lived":
            words = ngettext(
                "{count} person with lived experience", "{count} people with lived experience", n
            )
        elif key == "professional":
            words = ngettext("{count} professional", "{count} professionals", n)
        else:
            words = ngettext(
                "{count} with no perspective (a group, or other)",
                "{count} with no perspective (a group, or other)",
                n,
            )
        return words.format(count=n)

    parts = [
        part(key, mix.perspectives[key])
        for key in ("lived", "professional", "none")
        if mix.perspectives.get(key)
    ]
    total = ngettext("{count} respondent", "{count} respondents", mix.total).format(count=mix.total)
    return _("{total}: {parts}").format(total=total, parts=", ".join(parts)) if parts else total


def _table(title: str, plain: bool) -> Table:
    # Plain tables have no box drawing: screen readers read only the words.
    return Table(title=title, title_justify="left", box=None if plain else box.HEAVY_HEAD)


def render_summary(shared: SharedResult, console: Console, *, plain: bool = False) -> None:
    """Print the summary of a shared assessment, and what was withheld."""
    info = shared.assessment
    heading = " · ".join(part for part in (info.organisation, info.period, info.date) if part)
    heading = heading or _("Assessment")
    console.print(f"[bold]{inert(heading)}[/bold]")
    console.print(inert(_mix_line(shared)))
    console.print()
    table = _table(_("Scores"), plain)
    table.add_column(_("Rubric"))
    table.add_column(_("Score"))
    table.add_column(_("Band"))
    table.add_column(_("Answered"), justify="right")
    for rubric in shared.rubrics:
        everyone = rubric.scores.everyone
        table.add_row(
            inert(rubric.title),
            inert(score_text(rubric, everyone)),
            inert(everyone.band or "-"),
            _("{percent}% by {count}").format(
                percent=f"{everyone.coverage:.0f}", count=everyone.respondents
            ),
        )
    console.print(table)
    for rubric in shared.rubrics:
        ladder = rubric.ladder
        if ladder and ladder.weakest and ladder.strongest:
            ends = [
                extreme_words(which, [a.title for a in areas], areas[0].rung.value, ladder.rungs)
                for which, areas in (("weakest", ladder.weakest), ("strongest", ladder.strongest))
            ]
            console.print(
                inert(_("{rubric}: {ends}.").format(rubric=rubric.title, ends="; ".join(ends)))
            )
    _lowest(shared, console, plain)
    _gaps(shared, console, plain)
    _flags(shared, console)
    console.print()
    console.print(
        _("Privacy: no figure comes from fewer than {people}.").format(
            people=people_words(shared.min_group)
        )
    )
    for line in shared.withheld:
        console.print(f"  - {inert(line)}")


def _lowest(result: SharedResult, console: Console, plain: bool) -> None:
    scored = [
        (rubric, dim)
        for rubric in result.rubrics
        for dim in rubric.dimensions
        if dim.scores.everyone.percent is not None
    ]
    if not scored:
        return
    scored.sort(key=lambda pair: (pair[1].scores.everyone.percent or 0, pair[0].id, pair[1].id))
    table = _table(_("Lowest dimensions"), plain)
    for column in (_("Rubric"), _("Dimension"), _("Percent of range")):
        table.add_column(column)
    for rubric, dim in scored[:TOP]:
        table.add_row(inert(rubric.title), inert(dim.title), f"{dim.scores.everyone.percent:.0f}%")
    console.print()
    console.print(table)


def _gaps(result: SharedResult, console: Console, plain: bool) -> None:
    gaps = [
        (rubric, dim)
        for rubric in result.rubrics
        for dim in rubric.dimensions
        if dim.gap is not None
    ]
    console.print()
    if not gaps:
        console.print(
            _(
                "Lived and professional views are not compared: each needs answers from at "
                "least {people} (--min-group), without giving away a smaller group."
            ).format(people=people_words(result.min_group))
        )
        return
    gaps.sort(key=lambda pair: (-abs(pair[1].gap or 0), pair[0].id, pair[1].id))
    table = _table(_("Largest gaps between perspectives"), plain)
    columns = (_("Rubric"), _("Dimension"), _("Professional"), _("Lived"), _("Gap"))
    for column in columns:
        table.add_column(column)
    for rubric, dim in gaps[:TOP]:
        pro = dim.scores.perspectives["professional"].percent or 0
        lived = dim.scores.perspectives["lived"].percent or 0
        gap = dim.gap or 0
        if gap > 0:
            who = _("professionals higher")
        elif gap < 0:
            who = _("lived higher")
        else:
            who = _("the same")
        table.add_row(
            inert(rubric.title),
            inert(dim.title),
            f"{pro:.0f}%",
            f"{lived:.0f}%",
            f"{points_words(gap, sign=True)} ({who})",
        )
    console.print(table)


def _flags(result: SharedResult, console: Console) -> None:
    console.print()
    if not result.flags:
        console.print(_("No flags raised."))
    else:
        console.print(
            "[bold]{}[/bold]".format(_("Flags raised ({count})").format(count=len(result.flags)))
        )
    for flag in result.flags:
        console.print(_("Flag: {title}").format(title=f"[bold]{inert(flag.title)}[/bold]"))
        console.print(f"  {inert(flag.explanation)}")
        for line in flag.evidence:
            console.print(f"  - {inert(line)}")
    for unchecked in result.unchecked_flags:
        console.print(
            inert(
                _("Not checked: {title}: {reason}.").format(
                    title=unchecked.title, reason=unchecked.reason
                )
            )
        )
