"""Changes in words and arrows, so meaning never rests on colour alone."""

from __future__ import annotations

from coprod_assess.compare.diff import Move, RungMove
from coprod_assess.compare.trend import Point
from coprod_assess.report.numbers import number, percent

ARROWS = {"up": "▲", "down": "▼", "same": "=", "not compared": "·"}


def change_words(move: Move) -> str:
    """▲ up 12 points, ▼ down 3 points, = no change, or not compared."""
    if move.change is None:
        return "not compared"
    if move.direction == "same":
        return "= no change"
    word = "up" if move.direction == "up" else "down"
    return f"{ARROWS[move.direction]} {word} {abs(move.change):.0f} points"


def score_words(value: float | None, pct: float | None, band: str | None = None) -> str:
    """A score with its percent and band, or a dash when there is none."""
    if value is None:
        return "-"
    text = f"{number(value)} ({percent(pct)})"
    return f"{text}, {band}" if band else text


def cell_words(move: Move, rung: RungMove | None, which: str) -> str:
    """The before or after cell: a rung on a ladder, else a score with percent and band."""
    if rung is not None:
        place = rung.old if which == "old" else rung.new
        return f"rung {number(place.value)} {place.name}" if place else "-"
    if which == "old":
        return score_words(move.old, move.old_percent, move.old_band)
    return score_words(move.new, move.new_percent, move.new_band)


def move_words(move: Move, rung: RungMove | None) -> str:
    """The change cell: ▲ up 12 points, with climbed, held or fell on a ladder."""
    text = change_words(move)
    return f"{text}, {rung.move}" if rung is not None and rung.move else text


def point_words(point: Point | None) -> str:
    """One period's score in a trend table."""
    if point is None:
        return "not asked"
    return (
        score_words(point.value, point.percent) if point.value is not None else "not enough answers"
    )


def mix_words(total: int, perspectives: dict[str, int]) -> str:
    """10 (5 lived experience, 5 professional)."""
    names = {"lived": "lived experience", "professional": "professional", "none": "no perspective"}
    parts = [f"{count} {names.get(key, key)}" for key, count in perspectives.items()]
    return f"{total} ({', '.join(parts)})" if parts else str(total)


def gap_words(gap: float | None) -> str:
    """+25 points, or a dash."""
    return "-" if gap is None else f"{gap:+.0f} points"


HELPERS = {
    "cell_words": cell_words,
    "move_words": move_words,
    "point_words": point_words,
    "mix_words": mix_words,
    "gap_words": gap_words,
}
