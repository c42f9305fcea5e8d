"""`coprod rubric schema`: the JSON Schema of a kind of file, for editors."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class SchemaKind(StrEnum):
    rubric = "rubric"
    roles = "roles"
    flags = "flags"
    translation = "translation"
    answers = "answers"


def schema(
    kind: Annotated[
        SchemaKind, typer.Option("--kind", help="Which file's schema to print.")
    ] = SchemaKind.rubric,
) -> None:
    """Print the JSON Schema (draft-07) of rubric, roles, flags, translation or answers files."""
    from coprod_assess.json_schema import schema_text

    typer.echo(schema_text(kind.value), nl=False)
