"""Changes in words and arrows, so meaning never rests on colour alone.

Every sentence a comparison shows, in the tables on the terminal as in the files, is
here or in the templates, in the language in use.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from coprod_assess.compare.diff import Move, RungMove
from coprod_assess.compare.trend import Point, Trend
from coprod_assess.i18n import N_, _
from coprod_assess.scoring.result import Rung
from coprod_assess.wording import (
    gap_words,
    missing_text,
    mix_words,
    people_words,
    points_words,
    rung_words,
    score_cell,
)

if TYPE_CHECKING:
    from coprod_assess.compare.diff import Diff

ARROWS = {"up": "▲", "down": "▼", "same": "=", "not compared": "·"}
CLIMBS = {"climbed": N_("climbed"), "held": N_("held"), "fell": N_("fell")}


def change_words(move: Move) -> str:
    """▲ up 12 points, ▼ down 3 points, = no change, or not compared."""
    if move.change is None:
        return _("not compared")
    if move.direction == "same":
        return _("= no change")
    points = points_words(abs(move.change))
    if move.direction == "up":
        return _("{arrow} up {points}").format(arrow=ARROWS["up"], points=points)
    return _("{arrow} down {points}").format(arrow=ARROWS["down"], points=points)


def cell_words(move: Move, rung: RungMove | None, which: str, rungs: Sequence[Rung]) -> str:
    """The before or after cell: a place on a ladder (`rungs`, lowest first) in words,
    else a score with percent and band."""
    if rung is not None:
        place = rung.old if which == "old" else rung.new
        return rung_words(place.value, rungs) if place else "-"
    if which == "old":
        return score_cell(move.old, move.old_percent, move.old_band)
    return score_cell(move.new, move.new_percent, move.new_band)


def move_words(move: Move, rung: RungMove | None) -> str:
    """The change cell: ▲ up 12 points, with climbed, held or fell on a ladder."""
    text = change_words(move)
    if rung is not None and rung.move:
        return _("{change}, {rung_move}").format(change=text, rung_move=_(CLIMBS[rung.move]))
    return text


def not_compared_words(reason: str) -> str:
    """The change cell of a dimension not compared: not compared: questions changed (...)."""
    return _("not compared: {reason}").format(reason=reason) if reason else _("not compared")


def point_words(point: Point | None, rungs: Sequence[Rung] = ()) -> str:
    """One period's score in a trend table: on a ladder (`rungs` given) its place in words."""
    if point is None:
        return _("not asked")
    if point.value is None:
        return missing_text("not-enough-answers")
    if rungs:
        return rung_words(point.value, rungs)
    return score_cell(point.value, point.percent)


def answered_words(trend: Trend) -> str:
    """How many people answered in each period: Who answered: 2025, 1 person; 2026, 8 people."""
    each = [
        _("{period}, {people}").format(period=info.period or info.date, people=people_words(count))
        for info, count in zip(trend.periods, trend.respondents, strict=True)
    ]
    return _("Who answered: {periods}.").format(periods="; ".join(each))


def privacy_words(min_group: int) -> str:
    """The line every comparison starts with: no figure from fewer than so many people."""
    return _(
        "No figure here comes from fewer than {people}: smaller groups, and groups that would "
        "give them away, are left out."
    ).format(people=people_words(min_group))


def before_after(diff: Diff) -> tuple[str, str]:
    """The two assessments' names: their periods, or "before" and "after"."""
    return diff.old.period or _("before"), diff.new.period or _("after")


def diff_title_words(diff: Diff) -> str:
    """Riverside: changes from 2025 to 2026."""
    before, after = before_after(diff)
    return _("{name}: changes from {before} to {after}").format(
        name=diff.new.organisation or _("Assessment"), before=before, after=after
    )


def respondents_words(diff: Diff) -> str:
    """Respondents: 8 (4 lived experience, 4 professional) then 10 (...)."""
    return _("Respondents: {old} then {new}").format(
        old=mix_words(diff.mix_old.total, diff.mix_old.perspectives),
        new=mix_words(diff.mix_new.total, diff.mix_new.perspectives),
    )


def note_words(line: str) -> str:
    """A note on the terminal: Note: ..."""
    return _("Note: {note}").format(note=line)


def gap_coverage_words(gap_old: float | None, gap_new: float | None, old: float, new: float) -> str:
    """Perspective gap: +10 points then +4 points; coverage 90% then 95%."""
    return _("Perspective gap: {old_gap} then {new_gap}; coverage {old}% then {new}%.").format(
        old_gap=gap_words(gap_old), new_gap=gap_words(gap_new), old=f"{old:.0f}", new=f"{new:.0f}"
    )


def flag_words(which: str, title: str) -> str:
    """Flag raised: ..., Flag cleared: ..., Flag still raised: ..."""
    if which == "raised":
        return _("Flag raised: {flag}").format(flag=title)
    if which == "cleared":
        return _("Flag cleared: {flag}").format(flag=title)
    return _("Flag still raised: {flag}").format(flag=title)


def only_in_words(period: str, rubric: str) -> str:
    """Only in 2025: nef-six-principles."""
    return _("Only in {period}: {framework}").format(period=period, framework=rubric)


def dropped_words(line: str, points: float) -> str:
    """Dropped: NEF, Mutuality fell by 12.0 points (more than 10)."""
    return _("Dropped: {drop} (more than {points}).").format(drop=line, points=f"{points:g}")


def wrote_words(path: object) -> str:
    """Wrote FILE."""
    return _("Wrote {path}").format(path=path)


def table_words() -> dict[str, str]:
    """The column and row names of the terminal's tables."""
    return {
        "dimension": _("Dimension"),
        "change": _("Change"),
        "overall": _("Overall"),
        "answered": _("People who answered"),
        "not_asked": _("not asked"),
    }


HELPERS = {
    "cell_words": cell_words,
    "move_words": move_words,
    "not_compared_words": not_compared_words,
    "point_words": point_words,
    "people_words": people_words,
    "answered_words": answered_words,
    "privacy_words": privacy_words,
    "mix_words": mix_words,
    "gap_words": gap_words,
}
