"""Comparisons written out as Markdown, HTML or JSON."""

from __future__ import annotations

from itertools import groupby

from coprod_assess import __version__
from coprod_assess.compare.diff import Diff
from coprod_assess.compare.trend import Trend, TrendRow
from coprod_assess.compare.words import HELPERS
from coprod_assess.i18n import _
from coprod_assess.report.charts import BarChart, period_chart
from coprod_assess.report.templating import Kind, render


def render_diff(diff: Diff, output_format: str) -> str:
    """A diff as `md`, `html` or `json`."""
    if output_format == "json":
        return diff.model_dump_json(indent=2) + "\n"
    kind: Kind = "html" if output_format == "html" else "md"
    return render(kind, f"diff.{kind}.j2", {"diff": diff, "tool_version": __version__, **HELPERS})


def trend_sections(trend: Trend) -> list[tuple[BarChart, list[TrendRow]]]:
    """Per rubric: a chart of its overall percent in each period, and its rows."""
    labels = [info.period or info.date or str(n + 1) for n, info in enumerate(trend.periods)]
    sections = []
    for rubric_id, grouped in groupby(trend.rows, key=lambda row: row.rubric):
        rows = list(grouped)
        values = [point.percent if point else None for point in rows[0].points]
        title = _("{framework}: overall").format(framework=rows[0].title)
        chart = period_chart(f"trend-{rubric_id}", title, labels, values)
        sections.append((chart, rows))
    return sections


def render_trend(trend: Trend, output_format: str) -> str:
    """A trend as `md`, `html` or `json`."""
    if output_format == "json":
        return trend.model_dump_json(indent=2) + "\n"
    kind: Kind = "html" if output_format == "html" else "md"
    context = {"trend": trend, "sections": trend_sections(trend), "tool_version": __version__}
    return render(kind, f"trend.{kind}.j2", {**context, **HELPERS})
