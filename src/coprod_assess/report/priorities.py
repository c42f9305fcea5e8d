"""Which dimensions a report names as priorities and as strengths: one choice, used by the
report and by the sense-check, so both name the same ones."""

from __future__ import annotations

from coprod_assess.scoring.result import DimensionResult, RubricResult, SharedResult

PRIORITY_BELOW = 60.0
STRENGTH_FROM = 60.0

Pair = tuple[RubricResult, DimensionResult]


def _percent(pair: Pair) -> float:
    return pair[1].scores.everyone.percent or 0.0


def _scored(shared: SharedResult) -> list[Pair]:
    return [
        (rubric, dim)
        for rubric in shared.rubrics
        for dim in rubric.dimensions
        if dim.scores.everyone.percent is not None
    ]


def priority_pairs(shared: SharedResult) -> list[Pair]:
    """Three to five dimensions to work on first: the lowest, below 60% of their range
    (the largest gap first where scores tie), or the three lowest if fewer are below."""
    ordered = sorted(
        _scored(shared), key=lambda pair: (_percent(pair), -(pair[1].gap or 0), pair[1].id)
    )
    chosen = [pair for pair in ordered if _percent(pair) < PRIORITY_BELOW][:5]
    return chosen if len(chosen) >= 3 else ordered[:3]


def strength_pairs(shared: SharedResult, priorities: list[Pair]) -> list[Pair]:
    """Up to three of the highest dimensions, at 60% of their range or more, not priorities."""
    picked = {(rubric.id, dim.id) for rubric, dim in priorities}
    best = sorted(_scored(shared), key=lambda pair: (-_percent(pair), pair[1].id))
    return [
        (rubric, dim)
        for rubric, dim in best
        if _percent((rubric, dim)) >= STRENGTH_FROM and (rubric.id, dim.id) not in picked
    ][:3]
