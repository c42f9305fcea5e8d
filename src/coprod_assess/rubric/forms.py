"""The full and the short form of a rubric: the short form asks only the core questions."""

from __future__ import annotations

from typing import Literal

from coprod_assess.errors import CoprodError
from coprod_assess.rubric.models import Rubric

Form = Literal["full", "short"]


def has_short_form(rubric: Rubric) -> bool:
    """Whether any question of the rubric is marked `core: true`."""
    return any(question.core for _, question in rubric.questions())


def short_form(rubric: Rubric) -> Rubric:
    """The rubric with only its core questions, leaving out dimensions with none.

    Raises CoprodError when no question is core: a short form would ask nothing.
    """
    if not has_short_form(rubric):
        raise CoprodError.single(
            rubric.id,
            "no-short-form",
            f"rubric '{rubric.id}' has no short form: none of its questions is marked "
            "`core: true` (ask its full form, or leave it out with --only)",
        )
    dimensions = [
        dim.model_copy(update={"questions": [q for q in dim.questions if q.core]})
        for dim in rubric.dimensions
        if any(q.core for q in dim.questions)
    ]
    return rubric.model_copy(update={"dimensions": dimensions})


def in_form(rubric: Rubric, form: Form) -> Rubric:
    """The rubric as the given form asks it."""
    return short_form(rubric) if form == "short" else rubric
