"""Numbers as people read them: no trailing zeros, percents rounded."""

from __future__ import annotations


def number(value: float | None) -> str:
    """At most two decimals, without trailing zeros: 2.5, 3, 1.67."""
    if value is None:
        return "-"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def scale_words(low: float, high: float) -> str:
    """ "out of 4", or "on a scale of 20 to 100" when the scale does not start at 0."""
    if low == 0:
        return f"out of {number(high)}"
    return f"on a scale of {number(low)} to {number(high)}"


def percent(value: float | None) -> str:
    """A whole percent: 60%."""
    if value is None:
        return "-"
    return f"{value:.0f}%"
