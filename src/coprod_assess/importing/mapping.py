"""The mapping file: what an export calls things, mapped to question, role and option ids."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from pydantic import Field

from coprod_assess.errors import CoprodError
from coprod_assess.fields import Id, Number, UserModel
from coprod_assess.loading.document import load_document
from coprod_assess.loading.validate import validate

# What a column may be mapped to besides a question or a note on one.
PLAIN_TARGETS = ("role", "name", "note", "date", "ignore")


class Mapping(UserModel):
    """Columns, role values and answer texts the automatic matching cannot place.

    `columns` maps a header to a question id (`question-id` or `rubric-id/question-id`),
    to a note on one (`note:question-id`), or to `role`, `name`, `note` (the person's
    general note), `date` (a column of times giving the assessment's date) or `ignore`.
    `roles` maps a value of the role column to a role id. `answers` maps an answer's
    text to an option value, for every question.
    """

    columns: dict[str, str] = Field(default_factory=dict)
    roles: dict[str, Id] = Field(default_factory=dict)
    answers: dict[str, Number] = Field(default_factory=dict)


def load_mapping(path: Path, roles: Collection[str]) -> Mapping:
    """Read and validate a mapping file; every role it names must be one of `roles`."""
    doc = load_document(path)
    mapping = validate(Mapping, doc)
    known = ", ".join(roles)
    unknown = [
        doc.problem(
            ("roles", said), "unknown-role", f"no role has the id '{role}' (roles: {known})"
        )
        for said, role in mapping.roles.items()
        if role not in roles
    ]
    if unknown:
        raise CoprodError(unknown)
    return mapping
