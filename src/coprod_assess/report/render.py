"""Rendering a scored assessment as an HTML or Markdown report."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from coprod_assess.report.templating import render
from coprod_assess.report.view import build_view
from coprod_assess.scoring.result import Result

Format = Literal["html", "md"]
TEMPLATES: dict[str, str] = {"html": "report.html.j2", "md": "report.md.j2"}


def render_report(
    result: Result,
    output_format: Format = "html",
    *,
    min_group: int = 3,
    names: Mapping[str, str] | None = None,
    template_dir: Path | None = None,
) -> str:
    """The report text. `names` (respondent id to name) is given only when names may be shown."""
    view = build_view(result, min_group=min_group, names=names)
    return render(output_format, TEMPLATES[output_format], {"report": view}, template_dir)
