"""Which groups to withhold, so that no group smaller than the threshold can be worked out.

Each figure (a rubric's score, a dimension's, a side's) is given for everyone,
for each role and for each perspective. Every one of these groups is made of
roles: a role is itself, a perspective is the sum of its roles, everyone the
sum of all, each weighted by how many answered. So the roles are the atoms,
and each figure shown is a known sum of atoms. Whatever can be worked out
from what is shown is a combination of those sums. A set of roles with fewer
than the threshold between them is given away when some combination of the
sums shown adds up to something made of those roles alone: one role by
subtraction (7 x everyone - 3 x carers - 3 x staff is the lone commissioner),
or two small roles together (5 x professionals - 3 x staff is the commissioner
and the manager, and either can subtract themself). While a figure gives
something away, one more group is withheld there and everywhere in the rubric
(complementary suppression), the one that closes most and costs least.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

EVERYONE = "everyone"
LOOK_AHEAD = 5

Sum = dict[str, Fraction]  # role group -> its weight in a group's figure


def sums(counts: Mapping[str, int], perspective_of: Mapping[str, str]) -> dict[str, Sum]:
    """Each group of a figure as a weighted sum of its roles.

    `counts` maps `everyone`, `role:ID` and `perspective:NAME` to how many
    people answered; `perspective_of` maps role ids to their perspective.
    """
    roles = {group: Fraction(n) for group, n in counts.items() if group.startswith("role:")}
    found: dict[str, Sum] = {group: {group: n} for group, n in roles.items()}
    if EVERYONE in counts and roles:
        found[EVERYONE] = dict(roles)
    for group in counts:
        if group.startswith("perspective:"):
            name = group.removeprefix("perspective:")
            members = {r: n for r, n in roles.items() if perspective_of.get(r[5:]) == name}
            if members:
                found[group] = members
    return found


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


def _largest_sets(
    atoms: Sequence[str], sizes: Mapping[str, int], min_group: int
) -> Iterator[tuple[str, ...]]:
    """Every set of `atoms` with fewer than `min_group` people that no other atom can join."""

    def grow(index: int, chosen: tuple[str, ...], total: int) -> Iterator[tuple[str, ...]]:
        if index == len(atoms):
            left_out = [a for a in atoms if a not in chosen]
            if chosen and all(total + sizes[a] >= min_group for a in left_out):
                yield chosen
            return
        atom = atoms[index]
        if total + sizes[atom] < min_group:
            yield from grow(index + 1, (*chosen, atom), total + sizes[atom])
        yield from grow(index + 1, chosen, total)

    yield from grow(0, (), 0)


def given_away(
    shown: Iterable[str], groups: Mapping[str, Sum], sizes: Mapping[str, int], min_group: int
) -> list[str]:
    """Roles of fewer than `min_group` people, alone or together, that the shown groups'
    figures give away: some combination of the shown sums is made of those roles alone."""
    atoms = sorted(group for group in groups if group.startswith("role:"))
    known = [[groups[g].get(a, Fraction(0)) for a in atoms] for g in shown if g in groups]
    base = _rank(known)
    small = sorted((a for a in atoms if sizes.get(a, 0) < min_group), key=lambda a: sizes[a])
    found: set[str] = set()
    # If some set gives roles away, so does every larger one: only the largest sets
    # still under the threshold need checking.
    for together in _largest_sets(small, sizes, min_group):
        units = [[Fraction(atom == one) for atom in atoms] for one in together]
        if base + len(together) - _rank([*known, *units]) > 0:
            found.update(together)
    return sorted(found)


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
    found: Sequence[str], groups: Mapping[str, Sum], shown: set[str], counts: Mapping[str, int]
) -> list[str]:
    """Every shown group, the likeliest to close the leak first.

    Any shown group can be part of what gives the roles away (5 x everyone - 3 x
    carers is the two others together, though carers hold none of them), so all
    are candidates. First those made of more of the roles given away; roles
    before perspectives, whose comparison is the main finding; then the
    smallest; everyone last of all.
    """
    touching = {group: sum(1 for atom in found if atom in groups[group]) for group in shown}
    return sorted(
        touching,
        key=lambda g: (
            g == EVERYONE,
            -touching[g],
            g.startswith("perspective:"),
            counts.get(g, 0),
            g,
        ),
    )


@dataclass(frozen=True)
class _Rubric:
    """One rubric's figures: respondents per group (the sums' weights), the fewest
    people behind each group's figure (its size for privacy), and the threshold."""

    figures: Sequence[Mapping[str, int]]
    sizes: Sequence[Mapping[str, int]]
    asked: Sequence[Mapping[str, int]]
    perspective_of: Mapping[str, str]
    min_group: int


def _leak(rubric: _Rubric, hidden: set[str], dark: list[bool]) -> tuple[int, list[str]] | None:
    """The first figure that gives small roles away, and what to withhold next there."""
    for index, counts in enumerate(rubric.figures):
        # Scores are sums of the roles that answered; counts of answers and skips are
        # sums of everyone asked. Neither may give a small set of roles away.
        for weights, sizes in (
            (counts, rubric.sizes[index]),
            (rubric.asked[index], rubric.asked[index]),
        ):
            groups = sums(weights, rubric.perspective_of)
            shown = {g for g in groups if g not in hidden and not (g == EVERYONE and dark[index])}
            found = given_away(shown, groups, sizes, rubric.min_group)
            if found:
                return index, _candidates(found, groups, shown, weights)
    return None


def _settle(
    rubric: _Rubric, hidden: set[str], dark: list[bool], *, look_ahead: bool
) -> tuple[set[str], list[bool]]:
    """Withhold groups until no figure gives a small role away; looking ahead, withhold least.

    Each step withholds one more shown group of one figure, so it ends: at worst
    a figure shows nothing.
    """
    while (leak := _leak(rubric, hidden, dark)) is not None:
        index, candidates = leak
        choice = candidates[0]
        if look_ahead and len(candidates) > 1:
            # The likeliest few are weighed; trying every group would cost more than it saves.
            candidates = candidates[:LOOK_AHEAD]
            costs = {c: _cost(rubric, hidden, dark, index, c) for c in candidates}
            choice = min(candidates, key=lambda c: (costs[c], candidates.index(c)))
        hidden, dark = _withhold(rubric, hidden, dark, index, choice)
    return hidden, dark


def _cost(
    rubric: _Rubric, hidden: set[str], dark: list[bool], index: int, candidate: str
) -> tuple[int, int, int]:
    """What withholding `candidate` costs in the end: figures for everyone, perspectives,
    and people in roles withheld."""
    after, shade = _withhold(rubric, hidden, dark, index, candidate)
    after, shade = _settle(rubric, after, shade, look_ahead=False)
    people = sum(max(c.get(g, 0) for c in rubric.figures) for g in after if g.startswith("role:"))
    perspectives = sum(1 for g in after if g.startswith("perspective:"))
    return sum(shade), perspectives, people


def _withhold(
    rubric: _Rubric, hidden: set[str], dark: list[bool], index: int, group: str
) -> tuple[set[str], list[bool]]:
    """A role or perspective is withheld in every figure; everyone in this figure only."""
    if group == EVERYONE:
        dark = list(dark)
        dark[index] = True
        return hidden, dark
    return hidden | {group}, dark


def suppress(
    figures: Sequence[Mapping[str, int]],
    perspective_of: Mapping[str, str],
    min_group: int,
    *,
    sizes: Sequence[Mapping[str, int]] | None = None,
    asked: Sequence[Mapping[str, int]] | None = None,
    already: Iterable[str] = (),
    everyone_hidden: Sequence[bool] | None = None,
) -> Suppression:
    """Groups to withhold across all of one rubric's figures (each a map of group counts).

    `sizes` gives, per figure, the fewest people behind each group's figure on any
    one question (default: the counts). A group smaller than `min_group` in any
    figure is withheld in all of them, so no figure can be played against another.
    `already` names groups withheld before (a result file shared again).
    """
    sizes = sizes or figures
    asked = asked or figures
    small = {
        group
        for found in [*sizes, *asked]
        for group, n in found.items()
        if group != EVERYONE and 0 < n < min_group
    }
    rubric = _Rubric(figures, sizes, asked, perspective_of, min_group)
    dark = list(everyone_hidden or [False] * len(figures))
    hidden, dark = _settle(rubric, small | set(already), dark, look_ahead=True)
    return Suppression(frozenset(small), frozenset(hidden), tuple(dark))
