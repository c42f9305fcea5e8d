"""The `coprod` command line: a thin layer that parses options, calls the core and prints.

Only typer is imported at start-up; each command imports the core it needs
when it runs, so `coprod --help` stays quick.
"""

from __future__ import annotations

from typing import Annotated

import typer

from coprod_assess import __version__
from coprod_assess.cli import (
    assess,
    demo,
    diff,
    import_answers,
    report,
    rubric_check,
    rubric_list,
    rubric_schema,
    rubric_show,
    score,
    template,
    trend,
)

app = typer.Typer(
    name="coprod",
    help="Measure how real your co-production is: rubrics, scoring and reports.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
rubric_app = typer.Typer(
    help="Check, list and show rubric files, and print their JSON Schema.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.command("assess")(assess.assess)
app.command("score")(score.score)
app.command("report")(report.report)
app.command("demo")(demo.demo)
app.command("diff")(diff.diff)
app.command("trend")(trend.trend)
app.command("template")(template.template)
app.command("import")(import_answers.import_answers)
app.add_typer(rubric_app, name="rubric")
rubric_app.command("check")(rubric_check.check)
rubric_app.command("schema")(rubric_schema.schema)
rubric_app.command("list")(rubric_list.list_rubrics)
rubric_app.command("show")(rubric_show.show)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"coprod-assess {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Measure how real your co-production is: rubrics, scoring and reports."""


def main() -> None:
    """The console script's entry point."""
    app()
