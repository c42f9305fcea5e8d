"""`coprod rubric`: the group of commands for rubric files."""

from __future__ import annotations

import typer

from coprod_assess.cli import (
    rubric_check,
    rubric_list,
    rubric_schema,
    rubric_show,
    rubric_translate,
)

rubric_app = typer.Typer(
    help="Check, list and show rubric files, start a translation, and print their JSON Schema.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
rubric_app.command("check")(rubric_check.check)
rubric_app.command("schema")(rubric_schema.schema)
rubric_app.command("list")(rubric_list.list_rubrics)
rubric_app.command("show")(rubric_show.show)
rubric_app.command("translate")(rubric_translate.translate)
