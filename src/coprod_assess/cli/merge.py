"""`coprod merge FILE... -o OUT`: answers files from several laptops or forms, as one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coprod_assess.cli.errors import echo_problem, handle_errors
from coprod_assess.cli.options import RubricPaths


@handle_errors
def merge(
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE", help="The answers files to combine, in this order."),
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The answers file to write (not an input).")
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file if it exists.")
    ] = False,
    rubric: RubricPaths = None,
) -> None:
    """Combine answers files from several laptops or forms into one.

    Each file is checked as `coprod score` checks it; their organisation, period,
    rubric versions and form (full or short) must agree. Everyone is kept, renumbered
    r1, r2, ... in file order.
    """
    from coprod_assess.answers.merge import Source, merge_answers
    from coprod_assess.answers.writer import save_answers
    from coprod_assess.cli.answers_output import claimed, refuse_inputs, refuse_repeats
    from coprod_assess.loading.document import load_document
    from coprod_assess.rubric.catalog import load_catalog
    from coprod_assess.scoring.from_file import checked_answers

    catalog = load_catalog(rubric or [])
    refuse_inputs(output, files)
    refuse_repeats(files)
    how = "add --force to replace it, or choose another -o file"
    with claimed(output, replace=force, how=how, doing="write the merged answers"):
        sources = []
        for path in files:
            doc = load_document(path)
            answers, warnings = checked_answers(doc, catalog)
            for warning in warnings:
                echo_problem(warning)
            sources.append(Source(doc.name, answers, doc))
        merged = merge_answers(sources)
        save_answers(output, merged)
    from coprod_assess.wording import count_words

    people = count_words(len(merged["respondents"]), "respondent", "respondents")
    typer.echo(
        f"Merged {people} from {count_words(len(files), 'file', 'files')} into "
        f"{output}. Next: coprod report {output}"
    )
