"""Output options and writing shared by `coprod diff` and `coprod trend`."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class CompareFormat(StrEnum):
    table = "table"
    md = "md"
    json = "json"
    html = "html"


OutputFormat = Annotated[
    CompareFormat,
    typer.Option(
        "--format", help="table (to read), md (a board paper or pull request), json, html."
    ),
]
Output = Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file.")]


def emit(text: str, output: Path | None, inputs: Sequence[Path] = ()) -> None:
    """Print, or write atomically to `output` (never over answers or an input)."""
    if output is None:
        typer.echo(text, nl=False)
        return
    from coprod_assess.atomic import write_atomic
    from coprod_assess.cli.output_guard import check_output
    from coprod_assess.cli.terminal_text import inert

    check_output(output, inputs)
    write_atomic(output, text)
    typer.echo(inert(f"Wrote {output}", markup=False), err=True)
