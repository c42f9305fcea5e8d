"""Numbers as people read them: no trailing zeros, percents rounded."""

from __future__ import annotations


def number(value: float | None) -> str:
    """At most two decimals, without trailing zeros: 2.5, 3, 1.67."""
    if value is None:
        return "-"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def percent(value: float | None) -> str:
    """A whole percent: 60%."""
    if value is None:
        return "-"
    return f"{value:.0f}%"
