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


_SUFFIX_FORMATS = {
    ".md": CompareFormat.md,
    ".markdown": CompareFormat.md,
    ".json": CompareFormat.json,
    ".html": CompareFormat.html,
    ".htm": CompareFormat.html,
}

OutputFormat = Annotated[
    CompareFormat | None,
    typer.Option(
        "--format",
        help="table (to read), md (a board paper or pull request), json, html. "
        "Default: from the -o file's suffix (md if unknown), else table.",
    ),
]
Output = Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file.")]


def pick_format(output_format: CompareFormat | None, output: Path | None) -> CompareFormat:
    """--format if given, else the -o file's suffix (Markdown if unknown), else a table.

    A table is for the screen: written to a file, it is Markdown.
    """
    if output is None:
        return output_format or CompareFormat.table
    if output_format is None:
        return _SUFFIX_FORMATS.get(output.suffix.lower(), CompareFormat.md)
    return CompareFormat.md if output_format is CompareFormat.table else output_format


def emit(text: str | bytes, output: Path | None, inputs: Sequence[Path] = ()) -> None:
    """Print, or write atomically to `output` (never over answers or an input); bytes (a
    workbook) are only ever written to a file."""
    if output is None:
        typer.echo(text, nl=False)
        return
    from coprod_assess.atomic import write_atomic
    from coprod_assess.cli.output_guard import check_output
    from coprod_assess.cli.terminal_text import inert
    from coprod_assess.compare.words import wrote_words

    check_output(output, inputs)
    write_atomic(output, text)
    typer.echo(inert(wrote_words(output), markup=False), err=True)
