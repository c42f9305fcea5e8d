"""Small pure functions that combine values: means, medians, percents, bands, rungs.

Sums use math.fsum so that the order of respondents never changes a result.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

from coprod_assess.rubric.models import Band, Option
from coprod_assess.scoring.result import Rung


def mean(values: Sequence[float]) -> float:
    """The arithmetic mean, exact whatever the order of the values."""
    return math.fsum(values) / len(values)


def weighted_mean(pairs: Sequence[tuple[float, float]]) -> float:
    """The mean of (value, weight) pairs, weighted."""
    return math.fsum(v * w for v, w in pairs) / math.fsum(w for _, w in pairs)


def median(values: Sequence[float]) -> float:
    """The middle value (the mean of the two middle values for an even count)."""
    return float(statistics.median(values))


def combine(method: str, values: Sequence[float]) -> float:
    """Dimension scores combined into a rubric score by the rubric's method."""
    if method in ("median", "ladder"):
        return median(values)
    if method == "min":
        return min(values)
    if method == "sum":
        return math.fsum(values)
    return mean(values)


def percent_of(value: float, low: float, high: float) -> float:
    """Where `value` sits between `low` and `high`, as a percent from 0 to 100."""
    if high == low:
        return 100.0
    return min(100.0, max(0.0, (value - low) / (high - low) * 100))


def band_for(value: float, bands: Sequence[Band]) -> str | None:
    """The label of the band the value falls in: the last whose `from` it reaches."""
    found = None
    for band in bands:
        if value >= band.from_:
            found = band.label
    return found


def rung_for(value: float, rungs: Sequence[Option]) -> Rung:
    """The rung at or below `value` (power is only as high as shown), with its name and group."""
    ordered = sorted(rungs, key=lambda option: option.value)
    chosen = ordered[0]
    for option in ordered:
        if option.value <= value + 1e-9:
            chosen = option
    return Rung(value=round(value, 4), name=chosen.label, group=chosen.group)
