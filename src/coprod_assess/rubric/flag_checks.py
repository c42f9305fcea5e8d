"""Checks that a flags file refers only to rubrics, dimensions, sides and roles that exist."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from coprod_assess.errors import Problem
from coprod_assess.loading.document import YamlDocument
from coprod_assess.rubric.flags import ANY, Condition, FlagsFile
from coprod_assess.rubric.models import Rubric
from coprod_assess.rubric.roles import Role

PRACTICE, BELIEF = "practice", "belief"


def check_flags(
    flags: FlagsFile, doc: YamlDocument, rubrics: Mapping[str, Rubric], roles: Mapping[str, Role]
) -> Iterator[Problem]:
    """A problem for every reference in `flags` that does not resolve."""
    for i, flag in enumerate(flags.flags):
        join = flag.when.join
        found = []
        for j, condition in enumerate(flag.when.conditions()):
            loc = ("flags", i, "when", join, j)
            broken = list(_broken_references(condition, rubrics, roles))
            for key, message in broken:
                yield doc.problem((*loc, key), "unknown-reference", message)
            if not broken and condition.rubric is not None and condition.rubric in rubrics:
                found.append(rubrics[condition.rubric])
        if join == "same-dimension" and len(found) == len(flag.when.conditions()):
            shared = set.intersection(*({d.id for d in r.dimensions} for r in found))
            if not shared:
                names = ", ".join(dict.fromkeys(r.id for r in found))
                yield doc.problem(
                    ("flags", i, "when", join),
                    "unknown-reference",
                    f"the rubrics {names} share no dimension id, so no dimension can meet "
                    "every condition",
                )


def _broken_references(
    condition: Condition, rubrics: Mapping[str, Rubric], roles: Mapping[str, Role]
) -> Iterator[tuple[str, str]]:
    if condition.role is not None and condition.role not in roles:
        yield "role", f"no role has the id '{condition.role}'"
    if condition.rubric is None:
        return
    if condition.rubric == ANY:
        chosen = list(rubrics.values())
    elif condition.rubric in rubrics:
        chosen = [rubrics[condition.rubric]]
    else:
        yield "rubric", f"no rubric has the id '{condition.rubric}'"
        return
    if condition.metric == "rung" and not any(r.scoring.method == "ladder" for r in chosen):
        yield "metric", f"'rung' needs a ladder rubric; '{condition.rubric}' is not one"
    for rubric in chosen if condition.rubric != ANY else []:
        yield from _within_rubric(condition, rubric)


def _within_rubric(condition: Condition, rubric: Rubric) -> Iterator[tuple[str, str]]:
    dims = rubric.dimensions
    if condition.dimension not in (None, ANY):
        dims = [d for d in dims if d.id == condition.dimension]
        if not dims:
            yield "dimension", f"rubric '{rubric.id}' has no dimension '{condition.dimension}'"
            return
    sides = {q.side for d in dims for q in d.questions if q.side}
    if condition.side is not None and condition.side not in sides:
        yield "side", f"no question of '{rubric.id}' here has the side '{condition.side}'"
    if condition.metric == "side-gap" and not {PRACTICE, BELIEF} <= sides:
        yield (
            "metric",
            (f"'side-gap' compares practice and belief questions; '{rubric.id}' here has not both"),
        )
