"""The short form's check: once any question is core, each dimension has one core question,
one per side where the dimension's questions carry sides (e.g. practice and belief; on a
ladder, the rung question with no side and the `claim` beside it)."""

from __future__ import annotations

from collections.abc import Iterator

from coprod_assess.errors import Problem
from coprod_assess.loading.document import YamlDocument
from coprod_assess.rubric.forms import has_short_form
from coprod_assess.rubric.models import Dimension, Rubric


def check_core(rubric: Rubric, doc: YamlDocument) -> Iterator[Problem]:
    """A problem at each dimension (or side of one) with no core question, and at each
    core question beyond the first of its dimension and side. Silent without a short form."""
    if not has_short_form(rubric):
        return
    for i, dim in enumerate(rubric.dimensions):
        sides = _sides(dim)
        for side in sides:
            where = (
                f"the {side} side of dimension '{dim.id}'"
                if side
                else f"dimension '{dim.id}'"
                + (" among its questions with no side" if len(sides) > 1 else "")
            )
            core = [(j, q) for j, q in enumerate(dim.questions) if q.core and q.side == side]
            if not core:
                per = "per dimension and side" if len(sides) > 1 or side else "per dimension"
                yield doc.problem(
                    ("dimensions", i, "id"),
                    "core-missing",
                    f"{where} has no core question: the short form asks one question {per}; "
                    "mark one `core: true`",
                )
                continue
            for j, question in core[1:]:
                yield doc.problem(
                    ("dimensions", i, "questions", j, "core"),
                    "core-extra",
                    f"question '{question.id}' is a second core question of {where} (after "
                    f"'{core[0][1].id}'): the short form asks one",
                )


def _sides(dim: Dimension) -> list[str | None]:
    """The side tags of a dimension's questions in file order, None for questions with none
    (so a ladder's area with a rung question and a `claim` question has two)."""
    return [*dict.fromkeys(q.side for q in dim.questions)]
