"""`coprod score FILE`: score an answers file."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coprod_assess.cli.errors import echo_problem, handle_errors
from coprod_assess.cli.options import MinGroup, RubricPaths
from coprod_assess.privacy import DEFAULT_MIN_GROUP

if TYPE_CHECKING:
    from coprod_assess.scoring.result import SharedResult


class ScoreFormat(StrEnum):
    table = "table"
    json = "json"
    yaml = "yaml"


_SUFFIX_FORMATS = {".json": ScoreFormat.json, ".yaml": ScoreFormat.yaml, ".yml": ScoreFormat.yaml}


@handle_errors
def score(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The answers file to score.")],
    rubric: RubricPaths = None,
    output_format: Annotated[
        ScoreFormat | None,
        typer.Option(
            "--format",
            help="table (a summary to read), json or yaml (the full result). "
            "Default: from the -o file's suffix, else table.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write to this file instead of the screen."),
    ] = None,
    min_group: MinGroup = DEFAULT_MIN_GROUP,
    min_coverage: Annotated[
        float,
        typer.Option(
            min=0, max=100, help="Percent of questions that must be answered for a score."
        ),
    ] = 50.0,
) -> None:
    """Score an answers file: per rubric, dimension, role and perspective, with flags.

    Every output, result files too, leaves out groups smaller than --min-group.
    """
    from coprod_assess.cli.console import stdout_console
    from coprod_assess.cli.score_table import render_summary
    from coprod_assess.scoring.from_file import scored_from_file

    if output is not None:
        from coprod_assess.cli.output_guard import check_output

        check_output(output, [file])
    scored = scored_from_file(file, rubric or [], min_group=min_group, min_coverage=min_coverage)
    for warning in scored.warnings:
        echo_problem(warning)
    chosen = output_format or (
        _SUFFIX_FORMATS.get(output.suffix.lower(), ScoreFormat.table)
        if output
        else ScoreFormat.table
    )
    if chosen is ScoreFormat.table:
        if output is None:
            render_summary(scored.shared, stdout_console())
            return
        text = _table_text(scored.shared)
    else:
        from coprod_assess.scoring.result_io import result_json, result_yaml

        text = (
            result_json(scored.shared) if chosen is ScoreFormat.json else result_yaml(scored.shared)
        )
    if output is None:
        typer.echo(text, nl=False)
        return
    from coprod_assess.atomic import write_atomic

    write_atomic(output, text)
    from coprod_assess.i18n import _

    typer.echo(_("Wrote {file}").format(file=output), err=True)


def _table_text(shared: SharedResult) -> str:
    import io

    from rich.console import Console

    from coprod_assess.cli.score_table import render_summary

    buffer = io.StringIO()
    render_summary(shared, Console(file=buffer, width=100, no_color=True))
    return buffer.getvalue()
