"""The roles file: who answered, and from which perspective."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from coprod_assess.fields import Id, Text, UserModel

Perspective = Literal["lived", "professional"]
PERSPECTIVES: tuple[Perspective, ...] = ("lived", "professional")


class Role(UserModel):
    """A role a respondent can hold, with its perspective (none for a group or other)."""

    id: Id
    label: Text
    perspective: Perspective | None = None
    description: str = ""


class RolesFile(UserModel):
    """A roles file: a list of roles."""

    roles: list[Role] = Field(min_length=1)
