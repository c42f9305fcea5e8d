"""How scores, rungs, groups and perspectives are put into words, in every output.

One place, so the terminal, the reports and the comparisons say the same
thing the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
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


def group_words(group: str, labels: Mapping[str, str]) -> str:
    """A group in words: `role:staff` is staff, `perspective:lived` people with lived experience."""
    kind, _, name = group.partition(":")
    if kind == "perspective":
        return PEOPLE.get(name, name)
    if kind == "role":
        return labels.get(name, name).lower()
    return "everyone"


class Placed(Protocol):
    """A rung, or a decision area placed on one: its value and the rung's name."""

    @property
    def value(self) -> float: ...

    @property
    def name(self) -> str: ...


def rung_words(rung: Placed) -> str:
    """rung 4, Consultation."""
    return f"rung {number(rung.value)}, {rung.name}"


def missing_words(score: Score) -> str:
    """Why a score has no value: not enough answers, no answers, or not shown."""
    return MISSING.get(score.status, "no answers")


def score_words(score: Score, low: float, high: float, rung: Placed | None = None) -> str:
    """A score for people: a rung with its name, or a value with its scale and percent."""
    if score.value is None:
        return missing_words(score)
    if rung is not None:
        return rung_words(rung)
    return f"{number(score.value)} {scale_words(low, high)} ({percent(score.percent)})"


def score_cell(value: float | None, pct: float | None, band: str | None = None) -> str:
    """A score in a table cell, with its percent and band: 2.5 (62%), Emerging; or a dash."""
    if value is None:
        return "-"
    text = f"{number(value)} ({percent(pct)})"
    return f"{text}, {band}" if band else text


def short_score_words(value: float | None, pct: float | None, ladder: bool) -> str:
    """A group's score in a table cell: rung 4, or 2.5 (62%)."""
    if value is None:
        return "not enough answers"
    return f"rung {number(value)}" if ladder else score_cell(value, pct)


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
    return "-" if gap is None else f"{gap:+.0f} points"
