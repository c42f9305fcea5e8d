"""`coprod template`: blank answers, a printable question sheet, or a CSV header for a form."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coprod_assess.cli.errors import handle_errors
from coprod_assess.cli.options import RubricPaths, Short, chosen_rubrics

if TYPE_CHECKING:
    from coprod_assess.rubric.forms import Form


class TemplateFormat(StrEnum):
    yaml = "yaml"
    md = "md"
    html = "html"
    csv = "csv"


@handle_errors
def template(
    output_format: Annotated[
        TemplateFormat,
        typer.Option(
            "--format",
            help="yaml (a blank answers file), md or html (a printable question sheet), "
            "csv (a header row for an online form).",
        ),
    ] = TemplateFormat.yaml,
    only: Annotated[
        list[str] | None, typer.Option("--only", help="Only this rubric (repeatable).")
    ] = None,
    short: Short = False,
    rubric: RubricPaths = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file.")
    ] = None,
) -> None:
    """Write a blank answers file, a paper question sheet, or a CSV header for online forms."""
    from coprod_assess.answers.blank import blank_csv, blank_yaml
    from coprod_assess.cli.compare_output import emit
    from coprod_assess.control_chars import show_controls
    from coprod_assess.rubric.catalog import load_catalog

    catalog = load_catalog(rubric or [])
    rubrics = chosen_rubrics(catalog, only, short)
    roles = list(catalog.roles.values())
    form: Form = "short" if short else "full"
    if output_format is TemplateFormat.yaml:
        text = blank_yaml(rubrics, roles, form)
    elif output_format is TemplateFormat.csv:
        text = blank_csv(rubrics, [catalog.rubric(chosen.id) for chosen in rubrics])
    else:
        from coprod_assess.report.sheet import render_sheet

        text = render_sheet(
            rubrics, roles, "html" if output_format is TemplateFormat.html else "md", form
        )
    # Rubric text is copied in as written: its control characters are shown, not
    # sent, so the sheet is safe on a screen and the blank YAML stays loadable.
    emit(show_controls(text), output)
