"""`coprod rubric show ID`: one rubric laid out for a facilitator to read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from coprod_assess.cli.errors import handle_errors
from coprod_assess.cli.options import RubricPaths

if TYPE_CHECKING:
    from rich.console import Console

    from coprod_assess.rubric.models import Option, Rubric


@handle_errors
def show(
    rubric_id: Annotated[str, typer.Argument(metavar="ID", help="The rubric's id.")],
    rubric: RubricPaths = None,
) -> None:
    """Show one rubric: its source, scoring, dimensions, questions, options and actions."""
    from coprod_assess.cli.console import stdout_console
    from coprod_assess.rubric.catalog import load_catalog

    model = load_catalog(rubric or []).rubric(rubric_id)
    render(model, stdout_console())


def _options(console: Console, options: list[Option], indent: str) -> None:
    from rich.markup import escape

    for option in options:
        group = f" [{escape(option.group)}]" if option.group else ""
        line = f"{indent}{option.value:g}. [bold]{escape(option.label)}[/bold]{group}"
        if option.description:
            line += f": {escape(option.description)}"
        console.print(line)


def render(model: Rubric, console: Console) -> None:
    """Print the rubric readably: headings, numbered questions, options and actions."""
    from rich.markup import escape

    from coprod_assess.rubric.describe import explain_method

    console.print(f"[bold underline]{escape(model.title)}[/] ({model.id}, version {model.version})")
    console.print(escape(model.summary))
    console.print()
    console.print(f"[bold]Source:[/bold] {escape(model.source.citation)}")
    if model.source.url:
        console.print(f"[bold]Link:[/bold] {escape(model.source.url)}")
    if model.source.notes:
        console.print(f"[bold]Notes:[/bold] {escape(model.source.notes)}")
    console.print(f"[bold]Scoring:[/bold] {escape(explain_method(model))}")
    for band in model.scoring.bands:
        console.print(f"  from {band.from_:g}: {escape(band.label)}")
    if model.scale:
        console.print("[bold]Answer options:[/bold]")
        _options(console, model.scale, "  ")
    number = 0
    for index, dim in enumerate(model.dimensions, start=1):
        console.print()
        console.print(f"[bold]{index}. {escape(dim.title)}[/bold] ({dim.id})")
        if dim.description:
            console.print(f"   {escape(dim.description)}")
        for question in dim.questions:
            number += 1
            side = f" ({question.side})" if question.side else ""
            console.print(f"   Question {number}{side}: {escape(question.text)} ({question.id})")
            if question.help:
                console.print(f"     Help: {escape(question.help)}")
            if question.options is not None:
                _options(console, question.options, "     ")
        if dim.actions:
            console.print("   [bold]What to do if this is weak:[/bold]")
            for action in dim.actions:
                console.print(f"   - {escape(action.text)}")
