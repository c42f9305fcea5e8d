"""`coprod rubric list`: the rubrics installed."""

from __future__ import annotations

from pathlib import Path

from coprod_assess.cli.errors import handle_errors
from coprod_assess.cli.options import RubricPaths


@handle_errors
def list_rubrics(rubric: RubricPaths = None) -> None:
    """List the rubrics installed (the built-in set plus any --rubric files)."""
    from rich.table import Table

    from coprod_assess.cli.console import stdout_console
    from coprod_assess.cli.terminal_text import inert
    from coprod_assess.resources import rubrics_dir
    from coprod_assess.rubric.catalog import load_catalog

    catalog = load_catalog(rubric or [])
    builtin = rubrics_dir().resolve()
    table = Table(title="Rubrics", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("version", no_wrap=True)
    table.add_column("questions", justify="right", no_wrap=True)
    table.add_column("title")
    added = []
    for rubric_id in sorted(catalog.rubrics):
        model = catalog.rubrics[rubric_id]
        table.add_row(
            inert(model.id), inert(model.version), str(len(model.questions())), inert(model.title)
        )
        source = Path(catalog.sources[rubric_id]).resolve()
        if not source.is_relative_to(builtin):
            added.append(inert(f"{model.id}: {catalog.sources[rubric_id]}"))
    console = stdout_console()
    if catalog.rubrics:
        console.print(table)
    else:
        console.print("No rubrics installed.")
    for line in added:
        console.print(f"Added from {line}")
    console.print(f"Roles: {inert(', '.join(sorted(catalog.roles))) or 'none'}")
    console.print(f"Flags: {inert(', '.join(sorted(catalog.flags))) or 'none'}")
