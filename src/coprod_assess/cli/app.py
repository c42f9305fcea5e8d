"""The `coprod` command line: a thin layer that parses options, calls the core and prints.

Only typer is imported at start-up. The commands are listed in `lazy.py` and
each is imported when it runs, and imports the core it needs then, so
`coprod --help` and `coprod --version` stay quick.
"""

from __future__ import annotations

from typing import Annotated

import typer

from coprod_assess import __version__
from coprod_assess.cli.lazy import LazyGroup

app = typer.Typer(
    name="coprod",
    cls=LazyGroup,
    help="Measure how real your co-production is: rubrics, scoring and reports.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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
    import os

    from coprod_assess.i18n import DEFAULT, LANGUAGES, set_language

    # Each command starts in COPROD_LANG (or English) and its --lang, if it has one, is
    # read after this: a language never carries over from one command to the next
    # (a test runner, or anything else that runs several in one process).
    wanted = os.environ.get("COPROD_LANG", DEFAULT)
    set_language(wanted if wanted in LANGUAGES else DEFAULT)


def main() -> None:
    """The console script's entry point."""
    app()
