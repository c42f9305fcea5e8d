"""The checks a rubric author needs beyond the schema, one file at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from coprod_assess.errors import Problem
from coprod_assess.loading.document import Loc, YamlDocument
from coprod_assess.rubric.core_checks import check_core
from coprod_assess.rubric.files import LoadedFile
from coprod_assess.rubric.models import Option, Rubric
from coprod_assess.rubric.ranges import rubric_range, sides_beside_rungs
from coprod_assess.rubric.roles import RolesFile, role_key


def _fmt(number: float) -> str:
    return f"{number:g}"


def duplicates(
    doc: YamlDocument, items: Iterable[tuple[Any, Loc]], what: str, code: str = "duplicate-id"
) -> Iterator[Problem]:
    """A problem at each repeat of a value, naming where it was first used."""
    seen: dict[Any, Loc] = {}
    for value, loc in items:
        if value in seen:
            line, _ = doc.position(seen[value])
            yield doc.problem(loc, code, f"{what} {value!r} is already used at line {line}")
        else:
            seen[value] = loc


def check_rubric(rubric: Rubric, doc: YamlDocument) -> Iterator[Problem]:
    """Every problem in one rubric that its schema alone cannot see."""
    dims = rubric.dimensions
    yield from duplicates(
        doc, ((d.id, ("dimensions", i, "id")) for i, d in enumerate(dims)), "dimension id"
    )
    yield from duplicates(
        doc,
        (
            (q.id, ("dimensions", i, "questions", j, "id"))
            for i, d in enumerate(dims)
            for j, q in enumerate(d.questions)
        ),
        "question id",
    )
    ladder = rubric.scoring.method == "ladder"
    beside = sides_beside_rungs(rubric)
    if rubric.scale:
        yield from _check_options(rubric.scale, ("scale",), doc, rungs=ladder)
    for i, dim in enumerate(dims):
        for j, question in enumerate(dim.questions):
            loc: Loc = ("dimensions", i, "questions", j)
            if question.options is not None:
                # A question scored beside the rung is not on the rungs: no groups needed.
                rungs = ladder and not (beside and question.side)
                yield from _check_options(question.options, (*loc, "options"), doc, rungs=rungs)
            elif not rubric.scale:
                yield doc.problem(
                    (*loc, "id"),
                    "no-options",
                    f"question '{question.id}' has no options and the rubric has no scale",
                )
    yield from _check_scoring(rubric, doc)
    yield from check_core(rubric, doc)


def _check_options(
    options: list[Option], loc: Loc, doc: YamlDocument, *, rungs: bool
) -> Iterator[Problem]:
    if len(options) < 2:
        yield doc.problem(loc, "too-few-options", "a question needs at least two options")
    yield from duplicates(
        doc,
        ((o.value, (*loc, k, "value")) for k, o in enumerate(options)),
        "option value",
        "duplicate-option",
    )
    if rungs:
        for k, option in enumerate(options):
            if not option.group:
                yield doc.problem(
                    (*loc, k),
                    "ladder-groups",
                    f"option {_fmt(option.value)} needs a group: every rung of a ladder "
                    "rubric names its group (e.g. Tokenism)",
                )


def _check_scoring(rubric: Rubric, doc: YamlDocument) -> Iterator[Problem]:
    scoring = rubric.scoring
    if scoring.method == "checklist" and scoring.threshold is None:
        yield doc.problem(
            ("scoring", "method"),
            "checklist-threshold",
            "a checklist rubric needs scoring.threshold: the value at which a question is met",
        )
    bands = scoring.bands
    for k in range(1, len(bands)):
        if bands[k].from_ <= bands[k - 1].from_:
            yield doc.problem(
                ("scoring", "bands", k, "from"),
                "bands-order",
                f"band '{bands[k].label}' starts at {_fmt(bands[k].from_)}, not above the "
                f"previous band's {_fmt(bands[k - 1].from_)}: list bands in ascending order",
            )
    possible = rubric_range(rubric)
    if not bands or possible is None:
        return
    low, high = possible
    if bands[0].from_ > low:
        yield doc.problem(
            ("scoring", "bands", 0, "from"),
            "bands-start",
            f"the first band starts at {_fmt(bands[0].from_)}, above the lowest possible "
            f"score {_fmt(low)}: lower scores would have no band",
        )
    for k, band in enumerate(bands):
        if band.from_ > high:
            yield doc.problem(
                ("scoring", "bands", k, "from"),
                "bands-range",
                f"band '{band.label}' starts at {_fmt(band.from_)}, above the highest possible "
                f"score {_fmt(high)}: no score can reach it",
            )


@dataclass(frozen=True)
class _RoleName:
    text: str
    role: str
    what: str  # id | label | alias
    doc: YamlDocument
    loc: Loc
    checked: bool

    def place(self, other: _RoleName) -> str:
        line, column = self.doc.position(self.loc)
        return f"line {line}" if self.doc is other.doc else f"{self.doc.name}:{line}:{column}"


def check_role_names(
    checked: Sequence[LoadedFile], others: Sequence[LoadedFile]
) -> Iterator[Problem]:
    """Each id, label and alias names one role only, as an import matches them.

    The roles in force are those of `others` replaced by `checked` (same id); problems
    are reported only in the `checked` files.
    """
    in_force: dict[str, list[_RoleName]] = {}
    for item in [*others, *checked]:
        if not isinstance(item.model, RolesFile):
            continue
        is_checked = any(item is c for c in checked)
        for k, role in enumerate(item.model.roles):
            said: list[tuple[str, str, Loc]] = [
                ("id", role.id, ("roles", k, "id")),
                ("label", role.label, ("roles", k, "label")),
            ]
            said += [("alias", a, ("roles", k, "aliases", n)) for n, a in enumerate(role.aliases)]
            in_force[role.id] = [
                _RoleName(text, role.id, what, item.doc, loc, is_checked)
                for what, text, loc in said
            ]
    names = [name for group in in_force.values() for name in group]
    # Ids and labels first, so an alias is the one reported when it repeats one.
    names.sort(key=lambda name: name.what == "alias")
    first: dict[str, _RoleName] = {}
    for name in names:
        key = role_key(name.text)
        if not key:
            if name.checked:
                yield name.doc.problem(
                    name.loc,
                    "role-name-empty",
                    f"{name.what} {name.text!r} has no letters or digits, so it can match nothing",
                )
            continue
        earlier = first.setdefault(key, name)
        if earlier.role == name.role:
            continue
        here, there = (name, earlier) if name.checked else (earlier, name)
        if here.checked:
            named = (
                f"role id {here.text!r}"
                if here.what == "id"
                else f"{here.what} {here.text!r} of role '{here.role}'"
            )
            yield here.doc.problem(
                here.loc,
                "role-name-clash",
                f"{named} also names role "
                f"'{there.role}' (its {there.what} at {there.place(here)}): an imported role "
                "could be either; keep it for one role only",
            )
