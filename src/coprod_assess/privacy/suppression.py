"""Which groups to withhold, so that no group smaller than the threshold can be worked out.

Each figure (a rubric's score, a dimension's, a side's) is given for everyone,
for each role and for each perspective, and the groups are tied together:
everyone is the sum of the roles, and a perspective the sum of its roles, each
weighted by how many people answered. Hiding a small group is therefore not
enough: with everyone and the other groups shown, it could be recovered by
subtraction. A hidden group's value can be recovered exactly when its unit
vector lies in the row space of these equations restricted to the hidden
groups. While one can, one more group is hidden (complementary suppression):
the smallest shown group that shares an equation with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

EVERYONE = "everyone"

Row = dict[str, Fraction]


def equations(counts: Mapping[str, int], perspective_of: Mapping[str, str]) -> list[Row]:
    """The sums that tie a figure's groups together, weighted by their respondents.

    `counts` maps `everyone`, `role:ID` and `perspective:NAME` to how many
    people answered; `perspective_of` maps role ids to their perspective.
    """
    roles = {group: n for group, n in counts.items() if group.startswith("role:")}
    rows: list[Row] = []
    if EVERYONE in counts and roles:
        row = {EVERYONE: Fraction(counts[EVERYONE])}
        row.update({group: Fraction(-n) for group, n in roles.items()})
        rows.append(row)
    for group, n in counts.items():
        if not group.startswith("perspective:"):
            continue
        name = group.removeprefix("perspective:")
        members = {r: m for r, m in roles.items() if perspective_of.get(r[5:]) == name}
        if members:
            row = {group: Fraction(n)}
            row.update({member: Fraction(-m) for member, m in members.items()})
            rows.append(row)
    return rows


def _rank(matrix: list[list[Fraction]]) -> int:
    """The rank of a small matrix, by exact Gaussian elimination."""
    rows = [row[:] for row in matrix if any(row)]
    rank = 0
    columns = len(rows[0]) if rows else 0
    for column in range(columns):
        pivot = next((i for i in range(rank, len(rows)) if rows[i][column] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for i in range(len(rows)):
            if i != rank and rows[i][column] != 0:
                factor = rows[i][column] / rows[rank][column]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[rank], strict=True)]
        rank += 1
    return rank


def recoverable(hidden: Iterable[str], rows: Sequence[Row]) -> list[str]:
    """The hidden groups whose value follows from the shown ones through `rows`."""
    unknown = sorted(hidden)
    matrix = [[row.get(group, Fraction(0)) for group in unknown] for row in rows]
    base = _rank(matrix)
    found = []
    for index, group in enumerate(unknown):
        unit = [Fraction(1 if i == index else 0) for i in range(len(unknown))]
        if _rank([*matrix, unit]) == base:
            found.append(group)
    return found


@dataclass(frozen=True)
class Suppression:
    """What to withhold for one rubric: groups in every figure, and everyone in some figures."""

    small: frozenset[str]
    hidden: frozenset[str]
    everyone_hidden: tuple[bool, ...]

    @property
    def complementary(self) -> frozenset[str]:
        """Groups large enough to show, withheld only to protect a smaller one."""
        return self.hidden - self.small


def _candidates(
    found: Sequence[str], rows: Sequence[Row], unknown: set[str], counts: Mapping[str, int]
) -> list[str]:
    """Shown groups that could be hidden next, the likeliest to close the gap first.

    A group sharing more equations with the recoverable ones closes more of them
    at once; roles go before perspectives, whose comparison is the main finding;
    then the smallest group.
    """
    shared_rows: dict[str, int] = {}
    for row in rows:
        if any(group in row for group in found):
            for group in row:
                if group not in unknown and group != EVERYONE:
                    shared_rows[group] = shared_rows.get(group, 0) + 1
    pool = shared_rows or {g: 0 for g in counts if g not in unknown and g != EVERYONE}
    return sorted(
        pool,
        key=lambda g: (-pool[g], g.startswith("perspective:"), counts[g], g),
    )


def _leak(
    figures: Sequence[Mapping[str, int]],
    perspective_of: Mapping[str, str],
    hidden: set[str],
    dark: list[bool],
) -> tuple[int, list[str]] | None:
    """The first figure in which a hidden group can be recovered, and the candidates to hide."""
    for index, counts in enumerate(figures):
        unknown = {group for group in counts if group in hidden}
        if dark[index] and EVERYONE in counts:
            unknown.add(EVERYONE)
        if not unknown:
            continue
        rows = equations(counts, perspective_of)
        found = recoverable(unknown, rows)
        if found:
            return index, _candidates(found, rows, unknown, counts)
    return None


def _settle(
    figures: Sequence[Mapping[str, int]],
    perspective_of: Mapping[str, str],
    hidden: set[str],
    dark: list[bool],
    *,
    look_ahead: bool,
) -> tuple[set[str], list[bool]]:
    """Hide groups until none can be recovered; looking ahead, pick the choice that hides least.

    Every hidden group is undetermined in every figure at the end: in the worst
    case all groups are hidden and a figure shows everyone only, or nothing.
    """
    while (leak := _leak(figures, perspective_of, hidden, dark)) is not None:
        index, candidates = leak
        if not candidates:
            # Only everyone is left to show, and it is the hidden group's own sum.
            dark[index] = True
            continue
        choice = candidates[0]
        if look_ahead and len(candidates) > 1:

            def loss(
                candidate: str, hidden: set[str] = hidden, candidates: list[str] = candidates
            ) -> tuple[int, int, int, int]:
                after, shade = _settle(
                    figures, perspective_of, hidden | {candidate}, list(dark), look_ahead=False
                )
                people = sum(
                    max(c.get(g, 0) for c in figures) for g in after if g.startswith("role:")
                )
                perspectives = sum(1 for g in after if g.startswith("perspective:"))
                return perspectives, sum(shade), people, candidates.index(candidate)

            choice = min(candidates, key=loss)
        hidden = hidden | {choice}
    return hidden, dark


def suppress(
    figures: Sequence[Mapping[str, int]],
    perspective_of: Mapping[str, str],
    min_group: int,
    *,
    already: Iterable[str] = (),
    everyone_hidden: Sequence[bool] | None = None,
) -> Suppression:
    """Groups to withhold across all of one rubric's figures (each a map of group counts).

    A group smaller than `min_group` in any figure is hidden in all of them, so
    no figure can be played against another. `already` names groups withheld
    before (for a result file shared again at a higher threshold).
    """
    small = {
        group
        for counts in figures
        for group, n in counts.items()
        if group != EVERYONE and 0 < n < min_group
    }
    dark = list(everyone_hidden or [False] * len(figures))
    hidden, dark = _settle(figures, perspective_of, small | set(already), dark, look_ahead=True)
    return Suppression(frozenset(small), frozenset(hidden), tuple(dark))
