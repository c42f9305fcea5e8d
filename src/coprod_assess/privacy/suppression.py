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


def _complement(
    found: Sequence[str], rows: Sequence[Row], unknown: set[str], counts: Mapping[str, int]
) -> str:
    """The next group to hide: the smallest shown one sharing an equation with a found one."""
    linked = {
        group
        for row in rows
        if any(group in row for group in found)
        for group in row
        if group not in unknown
    }
    shown = [group for group in counts if group not in unknown]
    for pool in (linked - {EVERYONE}, set(shown) - {EVERYONE}):
        if pool:
            return min(pool, key=lambda group: (counts[group], group))
    return EVERYONE


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
    hidden = small | set(already)
    dark = list(everyone_hidden or [False] * len(figures))
    changed = True
    while changed:
        changed = False
        for index, counts in enumerate(figures):
            unknown = {group for group in counts if group in hidden}
            if dark[index] and EVERYONE in counts:
                unknown.add(EVERYONE)
            if not unknown:
                continue
            rows = equations(counts, perspective_of)
            found = recoverable(unknown, rows)
            if not found:
                continue
            pick = _complement(found, rows, unknown, counts)
            if pick == EVERYONE:
                dark[index] = True
            else:
                hidden.add(pick)
            changed = True
            break
    return Suppression(frozenset(small), frozenset(hidden), tuple(dark))
