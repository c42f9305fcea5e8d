"""Changes in words and arrows, so meaning never rests on colour alone."""

from __future__ import annotations

from collections.abc import Sequence

from coprod_assess.compare.diff import Move, RungMove
from coprod_assess.compare.trend import Point, Trend
from coprod_assess.scoring.result import Rung
from coprod_assess.wording import (
    gap_words,
    mix_words,
    people_words,
    points_words,
    rung_words,
    score_cell,
)

ARROWS = {"up": "▲", "down": "▼", "same": "=", "not compared": "·"}


def change_words(move: Move) -> str:
    """▲ up 12 points, ▼ down 3 points, = no change, or not compared."""
    if move.change is None:
        return "not compared"
    if move.direction == "same":
        return "= no change"
    word = "up" if move.direction == "up" else "down"
    return f"{ARROWS[move.direction]} {word} {points_words(abs(move.change))}"


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
    return f"{text}, {rung.move}" if rung is not None and rung.move else text


def point_words(point: Point | None, rungs: Sequence[Rung] = ()) -> str:
    """One period's score in a trend table: on a ladder (`rungs` given) its place in words."""
    if point is None:
        return "not asked"
    if point.value is None:
        return "not enough answers"
    if rungs:
        return rung_words(point.value, rungs)
    return score_cell(point.value, point.percent)


def answered_words(trend: Trend) -> str:
    """How many people answered in each period: Who answered: 2025, 1 person; 2026, 8 people."""
    each = [
        f"{info.period or info.date}, {people_words(count)}"
        for info, count in zip(trend.periods, trend.respondents, strict=True)
    ]
    return f"Who answered: {'; '.join(each)}."


HELPERS = {
    "cell_words": cell_words,
    "move_words": move_words,
    "point_words": point_words,
    "people_words": people_words,
    "answered_words": answered_words,
    "mix_words": mix_words,
    "gap_words": gap_words,
}
