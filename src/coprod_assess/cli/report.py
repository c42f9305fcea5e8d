"""`coprod report FILE`: an HTML or Markdown report from answers or a result."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from coprod_assess.cli.errors import echo_problem, handle_errors
from coprod_assess.cli.options import Lang, MinGroup, RubricPaths
from coprod_assess.i18n import _
from coprod_assess.privacy import DEFAULT_MIN_GROUP


class ReportFormat(StrEnum):
    html = "html"
    md = "md"


class Audience(StrEnum):
    board = "board"
    participants = "participants"


@handle_errors
def report(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="An answers file, or a result from coprod score.")
    ],
    output_format: Annotated[
        ReportFormat | None,
        typer.Option("--format", help="html or md. Default: from the -o file's suffix, else html."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Where to write. Default: FILE's name + -report.html (-participants.html "
            "for participants).",
        ),
    ] = None,
    audience: Annotated[
        Audience,
        typer.Option(
            "--for",
            help="board: the full report. participants: two plain pages for the people who "
            "took part (what was asked, what the room said, what happens next).",
        ),
    ] = Audience.board,
    min_group: MinGroup = DEFAULT_MIN_GROUP,
    lang: Lang = "en",
    show_names: Annotated[
        bool,
        typer.Option(
            "--show-names",
            help="Name the people who wrote notes (off by default; never for participants).",
        ),
    ] = False,
    template_dir: Annotated[
        Path | None,
        typer.Option(help="A folder of templates that replace the built-in ones of the same name."),
    ] = None,
    rubric: RubricPaths = None,
) -> None:
    """Write a report: summary, ladder, charts, gaps, flags, priorities, notes and sources.

    With --for participants: two plain pages to hand to everyone who took part.
    """
    from coprod_assess.atomic import write_atomic
    from coprod_assess.cli.output_guard import check_output
    from coprod_assess.report.render import render_report
    from coprod_assess.scoring.from_file import scored_from_file

    participants = audience is Audience.participants
    if participants and show_names:
        raise typer.BadParameter(
            _("the participants' report never names anyone: leave out --show-names"),
            param_hint="--show-names",
        )
    chosen = output_format or (
        ReportFormat.md
        if output and output.suffix.lower() in (".md", ".markdown")
        else ReportFormat.html
    )
    suffix = "participants" if participants else "report"
    target = output or file.with_name(f"{file.stem}-{suffix}.{chosen.value}")
    check_output(target, [file])
    scored = scored_from_file(file, rubric or [], min_group=min_group, show_names=show_names)
    for warning in scored.warnings:
        echo_problem(warning)
    if show_names and scored.from_result_file:
        typer.echo(_("Names are not kept in result files: report from the answers file."), err=True)
    if participants:
        from coprod_assess.report.participants import render_participants
        from coprod_assess.rubric.catalog import load_catalog

        catalog = load_catalog(rubric or [])
        text = render_participants(scored.shared, catalog, chosen.value, template_dir=template_dir)
    else:
        text = render_report(scored.shared, chosen.value, template_dir=template_dir)
    write_atomic(target, text)
    typer.echo(_("Wrote {path}").format(path=target))
