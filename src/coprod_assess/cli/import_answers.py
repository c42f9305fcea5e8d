"""`coprod import FILE`: answers from an online-form export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coprod_assess.cli.errors import EXIT_PROBLEMS, handle_errors
from coprod_assess.cli.options import RubricPaths


@handle_errors
def import_answers(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="A CSV or .xlsx export: Microsoft Forms, Google Forms, or any."
        ),
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The answers file to write.")
    ] = Path("coprod-answers.yaml"),
    mapping: Annotated[
        Path | None,
        typer.Option(help="A YAML file mapping columns, role values and answers the export names."),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Treat every unmatched column or answer as an error.")
    ] = False,
    role: Annotated[
        str | None, typer.Option(help="The role of anyone whose row names none.")
    ] = None,
    only: Annotated[
        list[str] | None, typer.Option("--only", help="Match only this rubric's questions.")
    ] = None,
    organisation: Annotated[str, typer.Option(help="The organisation assessed.")] = "",
    period: Annotated[str, typer.Option(help="The period label, e.g. 2026.")] = "",
    date: Annotated[str, typer.Option(help="The date, e.g. 2026-11-22.")] = "",
    rubric: RubricPaths = None,
) -> None:
    """Turn a form export into an answers file: one row a respondent.

    Columns match questions by id, by text, or by a leading [question-id]; answers
    match options by value, by label, or as "value - label".
    """
    from coprod_assess.answers.session import rubrics_to_ask
    from coprod_assess.answers.writer import save_answers
    from coprod_assess.errors import CoprodError
    from coprod_assess.importing.convert import Importer
    from coprod_assess.importing.mapping import Mapping, load_mapping
    from coprod_assess.importing.tables import read_table
    from coprod_assess.rubric.catalog import load_catalog

    catalog = load_catalog(rubric or [])
    if role is not None and role not in catalog.roles:
        known = ", ".join(sorted(catalog.roles))
        raise CoprodError.single(role, "unknown-role", f"no role has this id (roles: {known})")
    importer = Importer(
        read_table(file),
        rubrics_to_ask(catalog, only or []),
        list(catalog.roles.values()),
        load_mapping(mapping) if mapping else Mapping(),
        strict=strict,
        default_role=role,
    )
    imported = importer.run({"organisation": organisation, "period": period, "date": date})
    for problem in imported.problems:
        typer.echo(str(problem), err=True)
    if any(problem.severity == "error" for problem in imported.problems):
        typer.echo("Nothing written: fix the problems above, or map them with --mapping.", err=True)
        raise typer.Exit(EXIT_PROBLEMS)
    if not imported.respondents:
        raise CoprodError.single(importer.table.name, "no-answers", "no row held any answers")
    save_answers(output, imported.data)
    answers = sum(
        len(given)
        for person in imported.data["respondents"]
        for given in person["answers"].values()
    )
    typer.echo(
        f"Imported {imported.respondents} respondents ({answers} answers) into {output}. "
        f"Next: coprod report {output}"
    )
