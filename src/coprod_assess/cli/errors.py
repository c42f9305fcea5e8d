"""Turning user errors into calm messages and exit codes, and Ctrl-C into exit 130.

A problem's message is in the language in use (it is translated where it is
raised); its `file:line:col: error[code]` start stays the same in every
language, so editors and CI read it, and a code can be looked up.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import typer

if TYPE_CHECKING:
    from coprod_assess.errors import Problem

P = ParamSpec("P")
R = TypeVar("R")

EXIT_PROBLEMS = 1
EXIT_INTERRUPTED = 130


def echo_problem(problem: Problem) -> None:
    """Print one `file:line:col: error[code] message` line to stderr, always one inert line."""
    from coprod_assess.cli.terminal_text import inert

    typer.echo(inert(str(problem), markup=False), err=True)


def handle_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Print a CoprodError's problems to stderr and exit 1; exit 130 on Ctrl-C.

    Other exceptions are bugs and keep their traceback.
    """

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from coprod_assess.errors import CoprodError

        try:
            return command(*args, **kwargs)
        except CoprodError as err:
            for problem in err.problems:
                echo_problem(problem)
            raise typer.Exit(EXIT_PROBLEMS) from None
        except KeyboardInterrupt:
            from coprod_assess.i18n import _

            typer.echo(_("Interrupted."), err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None

    return wrapper
