"""What the privacy tests share: every figure of a result, in one order."""

from __future__ import annotations

from coprod_assess.scoring.result import GroupScores, Result, SharedResult


def figures(result: Result | SharedResult) -> list[GroupScores]:
    """Every shown kind of figure: each rubric's and dimension's scores and sides."""
    found = []
    for r in result.rubrics:
        found += [r.scores, *r.sides.values()]
        for dim in r.dimensions:
            found += [dim.scores, *dim.sides.values()]
    return found
