"""Rendering a shared assessment as an HTML or Markdown report."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from coprod_assess.report.templating import render
from coprod_assess.report.view import build_view
from coprod_assess.scoring.result import SharedResult

Format = Literal["html", "md"]
TEMPLATES: dict[str, str] = {"html": "report.html.j2", "md": "report.md.j2"}


def render_report(
    shared: SharedResult, output_format: Format = "html", *, template_dir: Path | None = None
) -> str:
    """The report text, from what the privacy step let through (names only if it kept them)."""
    view = build_view(shared)
    return render(output_format, TEMPLATES[output_format], {"report": view}, template_dir)
