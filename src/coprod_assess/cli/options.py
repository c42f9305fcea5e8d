"""Options shared by several commands.

The `help=` texts of options stay in English: `--help` is read by the people who
set the tool up, and it is printed before any language is chosen. What a
command says once it runs (errors included) is in the language of `--lang`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from coprod_assess.rubric.catalog import Catalog
    from coprod_assess.rubric.models import Rubric

RubricPaths = Annotated[
    list[Path] | None,
    typer.Option(
        "--rubric",
        help="A rubric file or folder to add to the built-in set (repeatable). "
        "A rubric whose id matches a built-in one replaces it.",
    ),
]

MIN_GROUP_HELP = (
    "Show no figure from fewer people than this, nor any group that would give a smaller "
    "one away by subtraction. 1 shows every group: never share that."
)
MinGroup = Annotated[int, typer.Option("--min-group", min=1, help=MIN_GROUP_HELP)]

Organisation = Annotated[str | None, typer.Option(help="The organisation assessed.")]
Period = Annotated[str | None, typer.Option(help="The period label, e.g. 2026.")]

Only = Annotated[
    list[str] | None, typer.Option("--only", help="Ask only this rubric (repeatable).")
]

Plain = Annotated[
    bool,
    typer.Option(
        "--plain",
        help="Linear numbered text, no colour or redraws (also on with NO_COLOR or TERM=dumb).",
    ),
]


def _use_language(value: str) -> str:
    """Use the language for everything this command shows, from here on."""
    from coprod_assess.i18n import LANGUAGES, _, set_language

    offered = [lang for lang in LANGUAGES if lang in written_languages()]
    if value not in offered:
        raise typer.BadParameter(_("use one of: {languages}").format(languages=", ".join(offered)))
    set_language(value)
    return value


def written_languages() -> set[str]:
    """English, and the languages the built-in rubrics have words in (cy-easy is a language
    a translation may declare, but none is written yet)."""
    from coprod_assess.resources import rubrics_dir

    found = {"en"}
    for path in rubrics_dir().glob("*.*.yaml"):
        found.add(path.name.rsplit(".", 2)[1])
    return found


LANG_HELP = (
    "The language of everything shown: en (English), cy (Cymraeg), en-easy (Easy Read: the "
    "short form, as --short asks it, with pictures; at the terminal, each picture in words). "
    "The keys typed are the same in every language. Also COPROD_LANG."
)
Lang = Annotated[
    str,
    typer.Option("--lang", envvar="COPROD_LANG", callback=_use_language, help=LANG_HELP),
]

Short = Annotated[
    bool,
    typer.Option(
        "--short",
        help="The short form: only the questions each rubric marks core, one a dimension "
        "(about 15 minutes for the four original frameworks).",
    ),
]


def chosen_rubrics(
    catalog: Catalog, only: Sequence[str] | None, short: bool = False
) -> list[Rubric]:
    """The rubrics named with --only (in that order), or every one: an unknown id is a
    usage error (exit 2), like any option given a value it cannot take.

    With `short`, each rubric's short form (its core questions). A rubric named with
    --only that has no short form is a usage error; without --only, rubrics that have
    none are left out with a warning, and a usage error when none has one.
    """
    from coprod_assess.i18n import _

    unknown = [rubric_id for rubric_id in only or [] if rubric_id not in catalog.rubrics]
    if unknown:
        raise typer.BadParameter(
            _("no rubric has the id '{id}' (installed: {installed})").format(
                id=unknown[0], installed=catalog.installed()
            ),
            param_hint="--only",
        )
    from coprod_assess.answers.session import rubrics_to_ask

    rubrics = rubrics_to_ask(catalog, only or [])
    if not short:
        return rubrics
    from coprod_assess.cli.short_form import short_forms

    return short_forms(catalog, rubrics, named=bool(only))


def checked_role(catalog: Catalog, role: str | None) -> str | None:
    """The --role given, if the roles in force have it; otherwise a usage error (exit 2)."""
    from coprod_assess.i18n import _

    if role is not None and role not in catalog.roles:
        known = ", ".join(sorted(catalog.roles))
        raise typer.BadParameter(
            _("no role has the id '{id}' (roles: {roles})").format(id=role, roles=known),
            param_hint="--role",
        )
    return role
