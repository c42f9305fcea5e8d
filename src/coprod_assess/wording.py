"""How scores, rungs, groups and perspectives are put into words, in every output.

One place, so the terminal, the reports and the comparisons say the same
thing the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from coprod_assess.i18n import N_, _, ngettext
from coprod_assess.report.numbers import number, percent

if TYPE_CHECKING:
    from coprod_assess.scoring.result import Score

# Marked for the catalogs here, translated where shown: perspective_name(), people_name().
PERSPECTIVES = {
    "lived": N_("Lived experience"),
    "professional": N_("Professional"),
    "none": N_("No perspective (a group, or other)"),
}
PEOPLE = {"lived": N_("people with lived experience"), "professional": N_("professionals")}
MISSING = {
    "not-enough-answers": N_("not enough answers"),
    "no-answers": N_("no answers"),
    "withheld": N_("not shown (too few people)"),
}


def scale_words(low: float, high: float) -> str:
    """ "out of 4", or "on a scale of 20 to 100" when the scale does not start at 0."""
    if low == 0:
        return _("out of {high}").format(high=number(high))
    return _("on a scale of {low} to {high}").format(low=number(low), high=number(high))


def perspective_name(key: str) -> str:
    """Lived experience, Professional, or No perspective (a group, or other)."""
    return _(PERSPECTIVES[key]) if key in PERSPECTIVES else key


def people_name(key: str) -> str:
    """People with lived experience, professionals: a perspective as the people in it."""
    return _(PEOPLE[key]) if key in PEOPLE else key


def count_words(n: int, one: str, many: str) -> str:
    """1 person, 3 people: English words only. Words to translate use ngettext() instead."""
    return f"{n} {one if n == 1 else many}"


def people_words(n: int) -> str:
    """1 person, 3 people."""
    return ngettext("{n} person", "{n} people", n).format(n=n)


def points_words(points: float, *, sign: bool = False) -> str:
    """Percent points, rounded to whole ones: 1 point, 12 points; with `sign`, +1 point."""
    shown = round(points)
    written = f"{shown:+d}" if sign else f"{shown:d}"
    return ngettext("{n} point", "{n} points", abs(shown)).format(n=written)


def group_words(group: str, labels: Mapping[str, str]) -> str:
    """A group in words: `role:staff` is staff, `perspective:lived` people with lived experience."""
    kind, _sep, name = group.partition(":")
    if kind == "perspective":
        return people_name(name)
    if kind == "role":
        return labels.get(name, name).lower()
    return _("everyone")


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
        return _("rung {value}").format(value=number(value))
    if above is None:
        return _("rung {value}, {name}").format(value=number(below.value), name=below.name)
    return _("{value}, between rung {low}, {low_name}, and rung {high}, {high_name}").format(
        value=number(value),
        low=number(below.value),
        low_name=below.name,
        high=number(above.value),
        high_name=above.name,
    )


def rung_group_words(value: float, rungs: Sequence[Step]) -> str:
    """The group of the rung a value sits on ("Tokenism"), "between Tokenism and Citizen
    power" where it sits between rungs of two groups, or "" where rungs have no groups."""
    below, above = _around(value, rungs)
    low = below.group if below else None
    high = above.group if above else low
    if low and high and low != high:
        return _("between {low} and {high}").format(low=low, high=high)
    return low or ""


def and_words(items: Sequence[str]) -> str:
    """Names in a list: "A", "A and B", "A, B and C"."""
    if len(items) < 2:
        return "".join(items)
    return _("{first} and {last}").format(first=", ".join(items[:-1]), last=items[-1])


def extreme_words(which: str, titles: Sequence[str], value: float, rungs: Sequence[Step]) -> str:
    """The weakest or strongest decision areas of a ladder, which all sit at `value`:
    "weakest decision area: Money and budgets, at rung 2, Therapy" (capitalised when
    `which` is: "Weakest ...")."""
    fields = {"areas": and_words(titles), "place": rung_words(value, rungs)}
    if which.lower() == "weakest":
        text = ngettext(
            "weakest decision area: {areas}, at {place}",
            "weakest decision areas: {areas}, at {place}",
            len(titles),
        )
    else:
        text = ngettext(
            "strongest decision area: {areas}, at {place}",
            "strongest decision areas: {areas}, at {place}",
            len(titles),
        )
    text = text.format(**fields)
    return text[:1].upper() + text[1:] if which[:1].isupper() else text


def missing_text(status: str) -> str:
    """Why a score of this status has no value, in words: not enough answers, no answers,
    or not shown."""
    words = MISSING.get(status) or MISSING["no-answers"]
    return _(words)


def missing_words(score: Score) -> str:
    """Why a score has no value: not enough answers, no answers, or not shown."""
    return missing_text(score.status)


def score_words(score: Score, low: float, high: float, rungs: Sequence[Step] = ()) -> str:
    """A score for people: on a ladder (`rungs` given) its rung in words, or a value with
    its scale and percent."""
    if score.value is None:
        return missing_words(score)
    if rungs:
        return rung_words(score.value, rungs)
    return _("{value} {scale} ({percent})").format(
        value=number(score.value), scale=scale_words(low, high), percent=percent(score.percent)
    )


def score_cell(value: float | None, pct: float | None, band: str | None = None) -> str:
    """A score in a table cell, with its percent and band: 2.5 (62%), Emerging; or a dash."""
    if value is None:
        return "-"
    text = f"{number(value)} ({percent(pct)})"
    return f"{text}, {band}" if band else text


def short_score_words(value: float | None, pct: float | None, rungs: Sequence[Step] = ()) -> str:
    """A group's score in a table cell: on a ladder its rung in words, else 2.5 (62%)."""
    if value is None:
        return missing_text("not-enough-answers")
    return rung_words(value, rungs) if rungs else score_cell(value, pct)


def groups_words(groups: int, people: int, lived: int) -> str:
    """1 group answered together: 8 people, 5 of them with lived experience."""
    if not groups:
        return ""
    return ngettext(
        "{groups} group answered together: {people}, {lived} of them with lived experience.",
        "{groups} groups answered, each together: {people}, {lived} of them with lived experience.",
        groups,
    ).format(groups=groups, people=people_words(people), lived=lived)


def mix_words(total: int, perspectives: Mapping[str, int]) -> str:
    """10 (5 lived experience, 5 professional)."""
    parts = [
        _("{count} {perspective}").format(count=count, perspective=perspective_name(key).lower())
        for key, count in perspectives.items()
    ]
    return f"{total} ({', '.join(parts)})" if parts else str(total)


def gap_words(gap: float | None) -> str:
    """+25 points, or a dash."""
    return "-" if gap is None else points_words(gap, sign=True)
