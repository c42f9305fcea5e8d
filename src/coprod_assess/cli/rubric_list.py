"""`coprod rubric list`: the rubrics installed."""

from __future__ import annotations

from coprod_assess.cli.errors import handle_errors
from coprod_assess.cli.options import RubricPaths


@handle_errors
def list_rubrics(rubric: RubricPaths = None) -> None:
    """List the rubrics installed (the built-in set plus any --rubric files)."""
    from rich.table import Table

    from coprod_assess.cli.console import stdout_console
    from coprod_assess.rubric.catalog import load_catalog

    catalog = load_catalog(rubric or [])
    table = Table(title="Rubrics", title_justify="left")
    table.add_column("id", no_wrap=True)
    for column in ("version", "title", "method", "dimensions", "questions", "file"):
        table.add_column(column, overflow="fold")
    for rubric_id in sorted(catalog.rubrics):
        model = catalog.rubrics[rubric_id]
        table.add_row(
            model.id,
            model.version,
            model.title,
            model.scoring.method,
            str(len(model.dimensions)),
            str(len(model.questions())),
            catalog.sources[rubric_id],
        )
    console = stdout_console()
    if catalog.rubrics:
        console.print(table)
    else:
        console.print("No rubrics installed.")
    console.print(f"Roles: {', '.join(sorted(catalog.roles)) or 'none'}")
    console.print(f"Flags: {', '.join(sorted(catalog.flags)) or 'none'}")
