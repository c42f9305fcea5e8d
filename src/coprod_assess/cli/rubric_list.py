"""`coprod rubric list`: the rubrics installed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coprod_assess.cli.errors import handle_errors
from coprod_assess.cli.options import RubricPaths

if TYPE_CHECKING:
    from coprod_assess.rubric.length import Length


@handle_errors
def list_rubrics(rubric: RubricPaths = None) -> None:
    """List the rubrics installed (the built-in set plus any --rubric files)."""
    from rich.table import Table

    from coprod_assess.cli.console import stdout_console
    from coprod_assess.cli.terminal_text import inert
    from coprod_assess.resources import rubrics_dir
    from coprod_assess.rubric.catalog import load_catalog
    from coprod_assess.rubric.forms import has_short_form, short_form
    from coprod_assess.rubric.length import WORDS_PER_MINUTE, Length, rubric_length

    catalog = load_catalog(rubric or [])
    builtin = rubrics_dir().resolve()
    table = Table(title="Rubrics", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("version", no_wrap=True)
    table.add_column("title")
    lengths = Table(
        title="How long each takes (full form / short form)",
        title_justify="left",
        caption="Words on screen: questions, help and answer options (a shared scale once). "
        f"Minutes at {WORDS_PER_MINUTE} words a minute. The short form asks the core "
        "questions (--short); - means none.",
        caption_justify="left",
    )
    lengths.add_column("id", no_wrap=True)
    for heading in ("questions", "words", "minutes"):
        lengths.add_column(heading, justify="right", no_wrap=True)
    added = []
    full_total, short_total, any_short = Length(), Length(), False
    for rubric_id in sorted(catalog.rubrics):
        model = catalog.rubrics[rubric_id]
        table.add_row(inert(model.id), inert(model.version), inert(model.title))
        full = rubric_length(model)
        short = rubric_length(short_form(model)) if has_short_form(model) else None
        lengths.add_row(inert(model.id), *_cells(full, short))
        full_total += full
        short_total += short or Length()
        any_short = any_short or short is not None
        source = Path(catalog.sources[rubric_id]).resolve()
        if not source.is_relative_to(builtin):
            added.append(inert(f"{model.id}: {catalog.sources[rubric_id]}"))
    if len(catalog.rubrics) > 1:
        lengths.add_section()
        lengths.add_row("all", *_cells(full_total, short_total if any_short else None))
    console = stdout_console()
    if catalog.rubrics:
        console.print(table)
        console.print(lengths)
    else:
        console.print("No rubrics installed.")
    for line in added:
        console.print(f"Added from {line}")
    console.print(f"Roles: {inert(', '.join(sorted(catalog.roles))) or 'none'}")
    console.print(f"Flags: {inert(', '.join(sorted(catalog.flags))) or 'none'}")


def _cells(full: Length, short: Length | None) -> list[str]:
    """Questions, words and minutes as "full / short" ("full / -" with no short form)."""
    pairs = [
        (full.questions, short.questions if short else None),
        (full.words, short.words if short else None),
        (full.minutes, short.minutes if short else None),
    ]
    return [f"{whole:,} / {'-' if part is None else f'{part:,}'}" for whole, part in pairs]
