"""Matching an export's headers, answers and roles to questions, options and role ids.

Text is compared after normalising: case, spaces, quotes and punctuation are
ignored, so "Don't know" with a curly apostrophe matches "dont know". A number
in an answer is an option's value as the rubric writes it (never its place in
the list), and only the digits 0-9 make a number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping as MappingType
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from coprod_assess.importing.mapping import Mapping
from coprod_assess.rubric.models import Option, Question, Rubric
from coprod_assess.rubric.roles import Role, role_key

# Columns the form services add themselves, left out without a word.
METADATA = {
    "id",
    "start time",
    "completion time",
    "last modified time",
    "email",
    "email address",
    "timestamp",
    "score",
    "total points",
    "quiz feedback",
}
NAME_HEADERS = {"name", "your name", "full name"}
ROLE_HEADERS = {"role", "your role", "what is your role", "which role best describes you"}
SKIP_WORDS = {
    "dont know": "dont-know",
    "do not know": "dont-know",
    "not sure": "dont-know",
    "unsure": "dont-know",
    "not applicable": "not-applicable",
    "does not apply": "not-applicable",
    "n a": "not-applicable",
    "na": "not-applicable",
}
_TAG = re.compile(r"^\s*\[([^\]]+)\]\s*(.*)$")
_NUMBER = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$")
_VALUE_LABEL = re.compile("^(-?[0-9]+(?:\\.[0-9]+)?)\\s*(?:[-\u2013\u2014:.)=]|\\s)\\s*(.+)$")


def normal(text: str) -> str:
    """Lower case, accents and punctuation gone, spaces single: for comparing text."""
    text = unicodedata.normalize("NFKD", text).casefold()
    text = text.replace("\u2019", "").replace("'", "")
    text = "".join(c if c.isalnum() else " " for c in text if not unicodedata.combining(c))
    return " ".join(text.split())


@dataclass(frozen=True)
class Misfit:
    """An answer that looks like an option and is none: a number that is no option's
    value, or a "value - label" whose number and label name different options."""

    kind: Literal["number", "pair"]


@dataclass(frozen=True)
class Target:
    """What a column holds: a question, the role, the name, or nothing to import."""

    kind: str  # question | role | name | ignore | unmatched | ambiguous
    rubric: Rubric | None = None
    question: Question | None = None
    detail: str = ""


class Matcher:
    """Knows the questions, roles and mapping, and places headers, answers and roles."""

    def __init__(self, rubrics: Sequence[Rubric], roles: Sequence[Role], mapping: Mapping) -> None:
        self.mapping = mapping
        self.by_key: dict[str, list[tuple[Rubric, Question]]] = {}
        self.by_text: dict[str, list[tuple[Rubric, Question]]] = {}
        for rubric in rubrics:
            for _, question in rubric.questions():
                pair = (rubric, question)
                self.by_key.setdefault(question.id, []).append(pair)
                self.by_key.setdefault(f"{rubric.id}/{question.id}", []).append(pair)
                self.by_text.setdefault(normal(question.text), []).append(pair)
        self.roles: dict[str, str] = {}
        for role in roles:
            for name in role.names():
                self.roles.setdefault(role_key(name), role.id)
        for said, role_id in mapping.roles.items():
            self.roles[role_key(said)] = role_id
        self.columns = {normal(header): target for header, target in mapping.columns.items()}
        self.answers = {normal(said): value for said, value in mapping.answers.items()}

    def _by_id(self, key: str) -> Target:
        found = self.by_key.get(key.strip().lower(), [])
        if len(found) == 1:
            return Target("question", *found[0])
        if len(found) > 1:
            rubrics = ", ".join(f"{r.id}/{q.id}" for r, q in found)
            return Target(
                "ambiguous", detail=f"'{key}' is a question in more than one rubric ({rubrics})"
            )
        return Target("unmatched")

    def column(self, header: str) -> Target:
        """Where a column's answers go."""
        key = normal(header)
        mapped = self.columns.get(key)
        if mapped is not None:
            if mapped in ("role", "name", "ignore"):
                return Target(mapped)
            target = self._by_id(mapped)
            if target.kind == "unmatched":
                return Target(
                    "unmatched", detail=f"the mapping names '{mapped}', which is no question"
                )
            return target
        tagged = _TAG.match(header)
        if tagged:
            return self._by_id(tagged.group(1))
        by_id = self._by_id(header)
        if by_id.kind != "unmatched":
            return by_id
        found = self.by_text.get(key, [])
        if len(found) == 1:
            return Target("question", *found[0])
        if len(found) > 1:
            return Target("ambiguous", detail="the same question text is in more than one rubric")
        if key in ROLE_HEADERS:
            return Target("role")
        if key in NAME_HEADERS:
            return Target("name")
        if key in METADATA:
            return Target("ignore")
        return Target("unmatched")

    def role(self, said: str) -> str | None:
        """The role id a role cell names by id, label, alias or mapping, or None."""
        return self.roles.get(role_key(said))

    def answer(self, said: str, options: Sequence[Option]) -> float | str | Misfit | None:
        """An option value, a skip (`dont-know`, `not-applicable`), a Misfit, or None."""
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
        for option in options:
            if _names(option, key):
                return option.value
        both = _VALUE_LABEL.match(said.strip())
        if both:
            number = float(both.group(1))
            label = normal(both.group(2))
            by_label = [o for o in options if _names(o, label)]
            if number in values and by_label == [values[number]]:
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
