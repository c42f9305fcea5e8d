"""The roles file: who answered, and from which perspective."""

from __future__ import annotations

import unicodedata
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
    aliases: list[Text] = Field(
        default_factory=list,
        description="Other words people use for this role, e.g. 'parent carer': an imported "
        "role cell matches the id, the label or any alias (case, spaces and punctuation "
        "ignored).",
    )

    def names(self) -> list[str]:
        """Every name an imported role cell may use for this role: id, label, aliases."""
        return [self.id, self.label, *self.aliases]


class RolesFile(UserModel):
    """A roles file: a list of roles."""

    roles: list[Role] = Field(min_length=1)


def role_key(text: str) -> str:
    """A role name as it is matched: case, accents, spaces and punctuation ignored."""
    return "".join(c for c in unicodedata.normalize("NFKD", text).casefold() if c.isalnum())
