"""How scores, rungs, groups and perspectives are put into words, in every output.

One place, so the terminal, the reports and the comparisons say the same
thing the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from coprod_assess.report.numbers import number, percent

if TYPE_CHECKING:
    from coprod_assess.scoring.result import Score

PERSPECTIVES = {
    "lived": "Lived experience",
    "professional": "Professional",
    "none": "No perspective (a group, or other)",
}
PEOPLE = {"lived": "people with lived experience", "professional": "professionals"}
MISSING = {
    "not-enough-answers": "not enough answers",
    "no-answers": "no answers",
    "withheld": "not shown (too few people)",
}


def scale_words(low: float, high: float) -> str:
    """ "out of 4", or "on a scale of 20 to 100" when the scale does not start at 0."""
    if low == 0:
        return f"out of {number(high)}"
    return f"on a scale of {number(low)} to {number(high)}"


def perspective_name(key: str) -> str:
    """Lived experience, Professional, or No perspective (a group, or other)."""
    return PERSPECTIVES.get(key, key)


def count_words(n: int, one: str, many: str) -> str:
    """1 person, 3 people."""
    return f"{n} {one if n == 1 else many}"


def people_words(n: int) -> str:
    """1 person, 3 people."""
    return count_words(n, "person", "people")


def points_words(points: float, *, sign: bool = False) -> str:
    """Percent points, rounded to whole ones: 1 point, 12 points; with `sign`, +1 point."""
    shown = round(points)
    unit = "point" if abs(shown) == 1 else "points"
    return f"{shown:+d} {unit}" if sign else f"{shown:d} {unit}"


def group_words(group: str, labels: Mapping[str, str]) -> str:
    """A group in words: `role:staff` is staff, `perspective:lived` people with lived experience."""
    kind, _, name = group.partition(":")
    if kind == "perspective":
        return PEOPLE.get(name, name)
    if kind == "role":
        return labels.get(name, name).lower()
    return "everyone"


class Step(Protocol):
    """A rung of a ladder: its value, name and group (Tokenism, Citizen power)."""

    @property
    def value(self) -> float: ...

    @property
    def name(self) -> str: ...

    @property
    def group(self) -> str | None: ...


def _around(value: float, rungs: Sequence[Step]) -> tuple[Step | None, Step | None]:
    """Of rungs lowest first, the rung at or below `value` and, when `value` is between
    two rungs, the one above it (None when it sits on a rung)."""
    below = next((rung for rung in reversed(rungs) if rung.value <= value + 1e-9), None)
    if below is None or abs(below.value - value) < 1e-9:
        return below, None
    return below, next((rung for rung in rungs if rung.value > value), None)


def rung_words(value: float, rungs: Sequence[Step]) -> str:
    """Where a value sits on a ladder (rungs lowest first): "rung 4, Consultation", or,
    between two rungs, "3.5, between rung 3, Informing, and rung 4, Consultation"."""
    below, above = _around(value, rungs)
    if below is None:
        return f"rung {number(value)}"
    if above is None:
        return f"rung {number(below.value)}, {below.name}"
    return (
        f"{number(value)}, between rung {number(below.value)}, {below.name}, "
        f"and rung {number(above.value)}, {above.name}"
    )


def rung_group_words(value: float, rungs: Sequence[Step]) -> str:
    """The group of the rung a value sits on ("Tokenism"), "between Tokenism and Citizen
    power" where it sits between rungs of two groups, or "" where rungs have no groups."""
    below, above = _around(value, rungs)
    low = below.group if below else None
    high = above.group if above else low
    if low and high and low != high:
        return f"between {low} and {high}"
    return low or ""


def extreme_words(which: str, titles: Sequence[str], value: float, rungs: Sequence[Step]) -> str:
    """The weakest or strongest decision areas of a ladder, which all sit at `value`:
    "weakest decision area: Money and budgets, at rung 2, Therapy"."""
    noun = "decision area" if len(titles) == 1 else "decision areas"
    return f"{which} {noun}: {' and '.join(titles)}, at {rung_words(value, rungs)}"


def missing_words(score: Score) -> str:
    """Why a score has no value: not enough answers, no answers, or not shown."""
    return MISSING.get(score.status, "no answers")


def score_words(score: Score, low: float, high: float, rungs: Sequence[Step] = ()) -> str:
    """A score for people: on a ladder (`rungs` given) its rung in words, or a value with
    its scale and percent."""
    if score.value is None:
        return missing_words(score)
    if rungs:
        return rung_words(score.value, rungs)
    return f"{number(score.value)} {scale_words(low, high)} ({percent(score.percent)})"


def score_cell(value: float | None, pct: float | None, band: str | None = None) -> str:
    """A score in a table cell, with its percent and band: 2.5 (62%), Emerging; or a dash."""
    if value is None:
        return "-"
    text = f"{number(value)} ({percent(pct)})"
    return f"{text}, {band}" if band else text


def short_score_words(value: float | None, pct: float | None, rungs: Sequence[Step] = ()) -> str:
    """A group's score in a table cell: on a ladder its rung in words, else 2.5 (62%)."""
    if value is None:
        return "not enough answers"
    return rung_words(value, rungs) if rungs else score_cell(value, pct)


def groups_words(groups: int, people: int, lived: int) -> str:
    """1 group answered together: 8 people, 5 of them with lived experience."""
    if not groups:
        return ""
    who = f"{count_words(people, 'person', 'people')}, {lived} of them with lived experience"
    answered = "answered together" if groups == 1 else "answered, each together"
    return f"{count_words(groups, 'group', 'groups')} {answered}: {who}."


def mix_words(total: int, perspectives: Mapping[str, int]) -> str:
    """10 (5 lived experience, 5 professional)."""
    parts = [f"{count} {perspective_name(key).lower()}" for key, count in perspectives.items()]
    return f"{total} ({', '.join(parts)})" if parts else str(total)


def gap_words(gap: float | None) -> str:
    """+25 points, or a dash."""
    return "-" if gap is None else points_words(gap, sign=True)
