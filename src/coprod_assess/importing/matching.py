"""Matching an export's answers and roles to options and role ids (headers: columns.py).

Text is compared after normalising: case, spaces, quotes and punctuation are
ignored, so "Don't know" with a curly apostrophe matches "dont know". A number
in an answer is an option's value as the rubric writes it (never its place in
the list), and only the digits 0-9 make a number.
"""

from __future__ import annotations

import re
from collections.abc import Mapping as MappingType
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from coprod_assess.importing.columns import ColumnMatcher, Target, normal
from coprod_assess.importing.mapping import Mapping
from coprod_assess.rubric.models import Option, Rubric
from coprod_assess.rubric.roles import Role, role_key

SKIP_WORDS = {
    "dont know": "dont-know",
    "do not know": "dont-know",
    "not sure": "dont-know",
    "unsure": "dont-know",
    "not applicable": "not-applicable",
    "does not apply": "not-applicable",
    "n a": "not-applicable",
    "na": "not-applicable",
    # Welsh, as the sheets, forms and phones word them.
    "ddim yn gwybod": "dont-know",
    "ddim yn siwr": "dont-know",
    "ddim yn berthnasol": "not-applicable",
    "amherthnasol": "not-applicable",
}
_NUMBER = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$")
_VALUE_LABEL = re.compile("^(-?[0-9]+(?:\\.[0-9]+)?)\\s*(?:[-\u2013\u2014:.)=]|\\s)\\s*(.+)$")


@dataclass(frozen=True)
class Misfit:
    """An answer that looks like an option and is none: a number that is no option's
    value, or a "value - label" whose number and label name different options."""

    kind: Literal["number", "pair"]


class Matcher:
    """Knows the questions, roles and mapping, and places headers, answers and roles."""

    def __init__(
        self,
        rubrics: Sequence[Rubric],
        roles: Sequence[Role],
        mapping: Mapping,
        worded: Sequence[Rubric] = (),
    ) -> None:
        self.columns = ColumnMatcher(rubrics, mapping, worded)
        self.roles: dict[str, str] = {}
        for role in roles:
            for name in role.names():
                self.roles.setdefault(role_key(name), role.id)
        for said, role_id in mapping.roles.items():
            self.roles[role_key(said)] = role_id
        self.answers = {normal(said): value for said, value in mapping.answers.items()}

    def column(self, header: str) -> Target:
        """Where a column's cells go."""
        return self.columns.column(header)

    def role(self, said: str) -> str | None:
        """The role id a role cell names by id, label, alias or mapping, or None."""
        return self.roles.get(role_key(said))

    def answer(
        self, said: str, options: Sequence[Option], other_words: Sequence[Option] = ()
    ) -> float | str | Misfit | None:
        """An option value, a skip (`dont-know`, `not-applicable`), a Misfit, or None.

        `other_words`: the same options worded in the rubric's other languages (a form
        built in Welsh answers "1 - Yn dechrau"); their values are the options' own.
        """
        key = normal(said)
        if key in SKIP_WORDS:
            return SKIP_WORDS[key]
        if key in self.answers:
            mapped = self.answers[key]
            return mapped if any(o.value == mapped for o in options) else None
        values: MappingType[float, Option] = {o.value: o for o in options}
        number = number_in(said)
        if number is not None:
            return values[number].value if number in values else Misfit("number")
        worded = [*options, *(o for o in other_words if o.value in values)]
        named = {o.value for o in worded if _names(o, key)}
        if len(named) == 1:
            return named.pop()
        both = _VALUE_LABEL.match(said.strip())
        if both:
            number = float(both.group(1))
            label = normal(both.group(2))
            by_label = {o.value for o in worded if _names(o, label)}
            if number in values and by_label == {number}:
                return values[number].value
            if number in values or by_label:
                return Misfit("pair")
        return None


def _names(option: Option, key: str) -> bool:
    """Whether normalised text is the option's label, alone or with its description."""
    return key == normal(option.label) or (
        bool(option.description) and key == normal(f"{option.label} {option.description}")
    )


def number_in(text: str) -> float | None:
    """The number a cell holds, written with the digits 0-9 only, or None."""
    text = text.strip()
    return float(text) if _NUMBER.match(text) else None
