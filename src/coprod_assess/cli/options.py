"""Options shared by several commands."""

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

MinGroup = Annotated[
    int,
    typer.Option(
        "--min-group",
        min=1,
        help="Show no figure from fewer people than this, nor any group that would give a "
        "smaller one away by subtraction. 1 shows every group: never share that.",
    ),
]


def chosen_rubrics(catalog: Catalog, only: Sequence[str] | None) -> list[Rubric]:
    """The rubrics named with --only (in that order), or every one: an unknown id is a
    usage error (exit 2), like any option given a value it cannot take."""
    unknown = [rubric_id for rubric_id in only or [] if rubric_id not in catalog.rubrics]
    if unknown:
        raise typer.BadParameter(
            f"no rubric has the id '{unknown[0]}' (installed: {catalog.installed()})",
            param_hint="--only",
        )
    from coprod_assess.answers.session import rubrics_to_ask

    return rubrics_to_ask(catalog, only or [])


def checked_role(catalog: Catalog, role: str | None) -> str | None:
    """The --role given, if the roles in force have it; otherwise a usage error (exit 2)."""
    if role is not None and role not in catalog.roles:
        known = ", ".join(sorted(catalog.roles))
        raise typer.BadParameter(
            f"no role has the id '{role}' (roles: {known})", param_hint="--role"
        )
    return role
