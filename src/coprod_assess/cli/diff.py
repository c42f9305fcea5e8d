"""`coprod diff OLD NEW`: what moved between two assessments."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coprod_assess.cli.compare_output import CompareFormat, Output, OutputFormat, emit, pick_format
from coprod_assess.cli.errors import EXIT_PROBLEMS, handle_errors
from coprod_assess.cli.options import Lang, MinGroup, RubricPaths
from coprod_assess.privacy import DEFAULT_MIN_GROUP


@handle_errors
def diff(
    old: Annotated[Path, typer.Argument(metavar="OLD", help="The earlier answers or result file.")],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="The later answers or result file.")],
    output_format: OutputFormat = None,
    output: Output = None,
    fail_on_drop: Annotated[
        float | None,
        typer.Option(
            min=0,
            help="Exit 1 if any score fell by more than this many points of its range.",
        ),
    ] = None,
    rubric: RubricPaths = None,
    min_group: MinGroup = DEFAULT_MIN_GROUP,
    lang: Lang = "en",
) -> None:
    """Compare two assessments: scores, rungs, bands, flags, coverage and who answered."""
    from coprod_assess.compare.alike import diff_files

    result = diff_files(old, new, rubric or [], min_group=min_group)
    chosen = pick_format(output_format, output)
    if chosen is CompareFormat.table:
        from coprod_assess.cli.compare_table import render_diff_table
        from coprod_assess.cli.console import stdout_console

        render_diff_table(result, stdout_console())
    else:
        from coprod_assess.compare.render import render_diff

        emit(render_diff(result, chosen.value), output, [old, new])
    if fail_on_drop is not None:
        from coprod_assess.compare.words import dropped_words

        drops = result.drops(fail_on_drop)
        for line in drops:
            typer.echo(dropped_words(line, fail_on_drop), err=True)
        if drops:
            raise typer.Exit(EXIT_PROBLEMS)
