"""Choosing the short form of the rubrics a command asks, for `--short`."""

from __future__ import annotations

from collections.abc import Sequence

import typer

from coprod_assess.cli.errors import echo_problem
from coprod_assess.errors import Problem
from coprod_assess.i18n import _, ngettext
from coprod_assess.rubric.catalog import Catalog
from coprod_assess.rubric.forms import has_short_form, short_form
from coprod_assess.rubric.models import Rubric


def short_forms(catalog: Catalog, rubrics: Sequence[Rubric], *, named: bool) -> list[Rubric]:
    """The short forms of the rubrics. One without a short form is a usage error when it
    was `named` with --only; otherwise it is left out with a warning naming its file."""
    lacking = [rubric for rubric in rubrics if not has_short_form(rubric)]
    if named and lacking:
        ids = ", ".join(f"'{rubric.id}'" for rubric in lacking)
        raise typer.BadParameter(
            ngettext(
                "rubric {ids} has no short form (no question is marked `core: true`): leave it "
                "out of --only, or leave out --short to ask the full form",
                "rubrics {ids} have no short form (no question is marked `core: true`): leave "
                "them out of --only, or leave out --short to ask the full form",
                len(lacking),
            ).format(ids=ids),
            param_hint="--short",
        )
    if len(lacking) == len(rubrics):
        raise typer.BadParameter(
            _(
                "no rubric installed has a short form (no question is marked `core: true`): "
                "leave out --short to ask the full form"
            ),
            param_hint="--short",
        )
    for rubric in lacking:
        echo_problem(
            Problem(
                catalog.sources[rubric.id],
                0,
                0,
                "no-short-form",
                _(
                    "rubric '{id}' has no short form (no question is marked `core: true`): "
                    "left out of the short form"
                ).format(id=rubric.id),
                "warning",
            )
        )
    return [short_form(rubric) for rubric in rubrics if has_short_form(rubric)]
