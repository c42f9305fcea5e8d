"""`coprod rubric check`: validate rubric, roles and flags files."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from coprod_assess.cli.errors import EXIT_PROBLEMS, handle_errors


class CheckFormat(StrEnum):
    text = "text"
    github = "github"
    json = "json"


@handle_errors
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH", help="Files or folders to check. None: the built-in rubrics."
        ),
    ] = None,
    output_format: Annotated[
        CheckFormat | None,
        typer.Option(
            "--format",
            help="text (file:line:col lines), github (annotations; the default under "
            "GitHub Actions) or json.",
        ),
    ] = None,
) -> None:
    """Validate rubric, roles and flags files. Exit 0 when clean, 1 when problems are found."""
    from coprod_assess.problem_formats import FORMATTERS
    from coprod_assess.rubric.check_run import check_paths

    if output_format is None:
        github = os.environ.get("GITHUB_ACTIONS") == "true"
        output_format = CheckFormat.github if github else CheckFormat.text
    report = check_paths(paths or [])
    typer.echo(FORMATTERS[output_format.value](report.problems, report.files), nl=False)
    if not report.ok:
        raise typer.Exit(EXIT_PROBLEMS)
