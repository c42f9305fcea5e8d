"""`coprod import FILE`: answers from an online-form export."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from coprod_assess.cli.errors import EXIT_PROBLEMS, echo_problem, handle_errors
from coprod_assess.cli.options import RubricPaths, Short, checked_role, chosen_rubrics


@handle_errors
def import_answers(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="A CSV or .xlsx export: ODK Central, KoboToolbox, Microsoft Forms, Google "
            "Forms, or any.",
        ),
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The answers file to write.")
    ] = Path("coprod-answers.yaml"),
    append: Annotated[
        bool,
        typer.Option(
            "--append",
            help="Add the form's people to an existing answers file (same organisation, "
            "period and rubric versions).",
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing answers file.")
    ] = False,
    mapping: Annotated[
        Path | None,
        typer.Option(
            help="A YAML file mapping columns (to a question, note:QUESTION, role, name, note, "
            "date or ignore), role values and answers the export names."
        ),
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
    date: Annotated[
        str,
        typer.Option(
            help="The date, e.g. 2026-11-22. Without it, the last day in the form's timestamps "
            "or completion times (a new file only)."
        ),
    ] = "",
    short: Short = False,
    rubric: RubricPaths = None,
) -> None:
    """Turn a form export into an answers file: one row a respondent.

    Columns match questions by id (with ODK's or Kobo's group names before it), by
    text (a grid's row, after its title), or by a [question-id] anywhere in the
    header; [note] and [note: question-id] mark notes, and the usual headers for a
    name or "Anything else?" are known. Answers match options by value (the number
    the rubric gives the option), by label, or as "value - label"; roles match by
    id, label or alias. An existing answers file is left alone unless --append or
    --force.
    """
    from coprod_assess.answers.models import AnswersFile
    from coprod_assess.answers.writer import save_answers
    from coprod_assess.cli.answers_output import claimed, refuse_inputs
    from coprod_assess.errors import CoprodError
    from coprod_assess.importing.convert import Importer
    from coprod_assess.importing.mapping import Mapping, load_mapping
    from coprod_assess.importing.tables import read_table
    from coprod_assess.rubric.catalog import load_catalog

    if append and force:
        raise typer.BadParameter("use --append or --force, not both", param_hint="--append")
    catalog = load_catalog(rubric or [])
    checked_role(catalog, role)
    refuse_inputs(output, [file, mapping] if mapping else [file])
    # A short form is matched against whole rubrics: answers to other questions are kept
    # in the file (and not scored), so a form built from the full template still imports.
    asked = [catalog.rubric(chosen.id) for chosen in chosen_rubrics(catalog, only, short)]
    importer = Importer(
        read_table(file),
        asked,
        list(catalog.roles.values()),
        load_mapping(mapping, catalog.roles) if mapping else Mapping(),
        strict=strict,
        default_role=role,
        worded=[
            localised.rubric(chosen.id)
            for localised in map(catalog.localised, catalog.languages())
            for chosen in asked
            if localised.rubric(chosen.id).lang != chosen.lang
        ],
    )
    how = "add --append to add this form's people to it, or --force to replace it"
    with claimed(output, replace=append or force, how=how, doing="import into it") as exists:
        assessment = {"organisation": organisation, "period": period, "date": date}
        imported = importer.run(
            {**assessment, "form": "short"} if short else assessment,
            form_date=not (exists and append),
        )
        for problem in imported.problems:
            echo_problem(problem)
        if any(problem.severity == "error" for problem in imported.problems):
            typer.echo(
                "Nothing written: fix the problems above, or map them with --mapping.", err=True
            )
            if imported.unmatched_roles:
                typer.echo(_role_mapping_lines(imported.unmatched_roles, mapping), err=True)
            raise typer.Exit(EXIT_PROBLEMS)
        if not imported.respondents:
            raise CoprodError.single(importer.table.name, "no-answers", "no row held any answers")
        if exists and append:
            from coprod_assess.answers.editor import write_added
            from coprod_assess.answers.merge import Source, append_answers, held_submissions
            from coprod_assess.loading.document import load_document
            from coprod_assess.scoring.from_file import checked_answers
            from coprod_assess.wording import count_words

            doc = load_document(output)
            held, warnings = checked_answers(doc, catalog)
            for warning in warnings:
                echo_problem(warning)
            # A download from ODK or Kobo holds every submission so far: those already in
            # the file are left out, never counted twice.
            already = held_submissions(held)
            people = imported.data["respondents"]
            fresh = [p for p in people if p.get("submission") not in already]
            imported.data["respondents"] = fresh
            repeated = len(people) - len(fresh)
            kept = (
                f" ({count_words(repeated, 'submission', 'submissions')} already in {output} "
                "left out)"
                if repeated
                else ""
            )
            if not fresh:
                typer.echo(
                    f"Nothing added: all {repeated} submissions in {importer.table.name} are "
                    f"already in {output}."
                )
                return
            new = Source(
                f"this import of {importer.table.name}", AnswersFile.model_validate(imported.data)
            )
            data = append_answers(Source(doc.name, held, doc), new)
            write_added(output, doc.data, data)
            typer.echo(
                f"Added {_counted(imported.respondents, imported.answers)} to {output}, which "
                f"now holds {len(data['respondents'])}{kept}. Next: coprod report {output}"
            )
            return
        save_answers(output, imported.data)
    replaced = " (replacing what it held)" if exists else ""
    dated = f" {imported.dated}." if imported.dated else ""
    typer.echo(
        f"Imported {_counted(imported.respondents, imported.answers)} into "
        f"{output}{replaced}.{dated} Next: coprod report {output}"
    )


def _counted(respondents: int, answers: int) -> str:
    """3 respondents (40 answers), 1 respondent (1 answer)."""
    from coprod_assess.wording import count_words

    people = count_words(respondents, "respondent", "respondents")
    return f"{people} ({count_words(answers, 'answer', 'answers')})"


def _role_mapping_lines(values: Sequence[str], mapping: Path | None) -> str:
    """The lines a mapping file needs for role values that matched no role."""
    from coprod_assess.control_chars import show_controls

    where = (
        f"add these lines to {show_controls(str(mapping))} (under its `roles:` if it has one)"
        if mapping
        else "put these lines in a mapping file"
    )
    then = "import again" if mapping else "import again with --mapping FILE"
    # A YAML double-quoted key: JSON escapes C0 characters, YAML reads \x9b and \u202e too.
    lines = [f"  {show_controls(json.dumps(value, ensure_ascii=False))}: ???" for value in values]
    return "\n".join(
        [
            f"To place the role values no role matched, {where}, each ??? replaced by one of "
            f"the role ids above, and {then}:",
            "roles:",
            *lines,
        ]
    )
