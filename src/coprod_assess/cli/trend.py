"""`coprod trend FILE...`: several periods side by side."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coprod_assess.cli.compare_output import CompareFormat, Output, OutputFormat, emit, pick_format
from coprod_assess.cli.errors import handle_errors
from coprod_assess.cli.options import Lang, MinGroup, RubricPaths
from coprod_assess.privacy import DEFAULT_MIN_GROUP


@handle_errors
def trend(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE", help="Answers or result files, one a period.")
    ],
    output_format: OutputFormat = None,
    output: Output = None,
    rubric: RubricPaths = None,
    min_group: MinGroup = DEFAULT_MIN_GROUP,
    lang: Lang = "en",
) -> None:
    """Several periods side by side, ordered by period label and date."""
    from coprod_assess.compare.alike import trend_files

    built = trend_files(files, rubric or [], min_group=min_group)
    chosen = pick_format(output_format, output)
    if chosen is CompareFormat.table:
        from coprod_assess.cli.compare_table import render_trend_table
        from coprod_assess.cli.console import stdout_console

        render_trend_table(built, stdout_console())
        return
    from coprod_assess.compare.render import render_trend

    emit(render_trend(built, chosen.value), output, files)
