"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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
