"""`coprod rubric translate ID --lang cy`: a translation file to fill in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coprod_assess.cli.errors import handle_errors
from coprod_assess.cli.options import RubricPaths


@handle_errors
def translate(
    what: Annotated[
        str,
        typer.Argument(metavar="ID", help="A rubric's id, or `roles` or `flags`."),
    ],
    lang: Annotated[
        str,
        typer.Option(
            "--lang",
            help="The language to translate into: cy, en-easy, or cy-easy (Easy Read in Welsh).",
        ),
    ],
    short: Annotated[
        bool,
        typer.Option("--short", help="Only the short form's questions (as Easy Read does)."),
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (default: print it).")
    ] = None,
    rubric: RubricPaths = None,
) -> None:
    """Write a translation file to fill in: each field empty below its English.

    Save it beside the rubric as ID.LANG.yaml; `coprod rubric check` then names
    every field still empty, at its line.
    """
    from coprod_assess.atomic import write_atomic
    from coprod_assess.i18n import LANGUAGES
    from coprod_assess.rubric.catalog import load_catalog
    from coprod_assess.rubric.flags import FlagsFile
    from coprod_assess.rubric.roles import RolesFile
    from coprod_assess.rubric.translation import FLAGS, ROLES
    from coprod_assess.rubric.translation_skeleton import (
        flags_skeleton,
        roles_skeleton,
        rubric_skeleton,
    )

    if lang not in LANGUAGES or lang == "en":
        raise typer.BadParameter(
            f"use one of {', '.join(c for c in LANGUAGES if c != 'en')}", param_hint="--lang"
        )
    catalog = load_catalog(rubric or [])
    if what == ROLES:
        text = roles_skeleton(RolesFile(roles=list(catalog.roles.values())), lang)
    elif what == FLAGS:
        text = flags_skeleton(FlagsFile(flags=list(catalog.flags.values())), lang)
    else:
        text = rubric_skeleton(catalog.rubric(what), lang, "short" if short else "full")
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_atomic(output, text)
        typer.echo(f"Wrote {output}", err=True)
