"""`coprod rubric show ID`: one rubric laid out for a facilitator to read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from coprod_assess.cli.errors import handle_errors
from coprod_assess.cli.options import Lang, RubricPaths
from coprod_assess.cli.terminal_text import inert

if TYPE_CHECKING:
    from rich.console import Console

    from coprod_assess.rubric.models import Option, Rubric


@handle_errors
def show(
    rubric_id: Annotated[str, typer.Argument(metavar="ID", help="The rubric's id.")],
    rubric: RubricPaths = None,
    lang: Lang = "en",
) -> None:
    """Show one rubric: its source, scoring, dimensions, questions, options and actions,
    in English or in a language it has words in (--lang)."""
    from coprod_assess.cli.console import stdout_console
    from coprod_assess.rubric.catalog import load_catalog

    model = load_catalog(rubric or []).rubric(rubric_id)
    render(model, stdout_console())


def _value_text(value: float) -> str:
    # The number as the rubric holds it, the one a person types: 0, 8, 2.5, 1000000.
    if isinstance(value, int):
        return str(value)
    return repr(value).removesuffix(".0")


def _block(text: str, indent: str) -> str:
    # Line breaks the author wrote are kept, each new line indented, so that no
    # line of rubric text starts where a problem line would.
    return inert(text, multiline=True).replace("\n", "\n" + indent)


def _options(console: Console, options: list[Option], indent: str) -> None:
    for option in options:
        group = f" [{inert(option.group)}]" if option.group else ""
        line = f"{indent}{_value_text(option.value)}. [bold]{inert(option.label)}[/bold]{group}"
        if option.description:
            line += f": {_block(option.description, indent + '   ')}"
        console.print(line)


def render(model: Rubric, console: Console) -> None:
    """Print the rubric readably: headings, numbered questions, options and actions.

    Options are numbered by their value, the number a person types for them.
    """
    from coprod_assess.rubric.describe import explain_method

    console.print(
        f"[bold underline]{inert(model.title)}[/] ({inert(model.id)}, "
        f"version {inert(model.version)})"
    )
    console.print(inert(model.summary))
    console.print()
    console.print(f"[bold]Source:[/bold] {inert(model.source.citation)}")
    if model.source.url:
        console.print(f"[bold]Link:[/bold] {inert(model.source.url)}")
    if model.source.notes:
        console.print(f"[bold]Notes:[/bold] {_block(model.source.notes, '  ')}")
    console.print(f"[bold]Scoring:[/bold] {inert(explain_method(model))}")
    for band in model.scoring.bands:
        console.print(f"  from {_value_text(band.from_)}: {inert(band.label)}")
    if model.scale:
        console.print("[bold]Answer options:[/bold]")
        _options(console, model.scale, "  ")
    number = 0
    for index, dim in enumerate(model.dimensions, start=1):
        console.print()
        console.print(f"[bold]{index}. {inert(dim.title)}[/bold] ({inert(dim.id)})")
        if dim.description:
            console.print(f"   {_block(dim.description, '   ')}")
        for question in dim.questions:
            number += 1
            tags = [inert(question.side)] if question.side else []
            tags += ["core: in the short form"] if question.core else []
            side = f" ({', '.join(tags)})" if tags else ""
            text, qid = inert(question.text), inert(question.id)
            console.print(f"   Question {number}{side}: {text} ({qid})")
            if question.help:
                console.print(f"     Help: {_block(question.help, '     ')}")
            if question.options is not None:
                _options(console, question.options, "     ")
        if dim.actions:
            console.print("   [bold]What to do if this is weak:[/bold]")
            for action in dim.actions:
                console.print(f"   - {_block(action.text, '     ')}")
