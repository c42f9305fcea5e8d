"""A questionnaire session: one respondent at a time, saved after every change.

Pure state and file writes; the terminal dialogue lives in the CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coprod_assess.answers.writer import save_answers
from coprod_assess.rubric.catalog import Catalog
from coprod_assess.rubric.models import Dimension, Option, Question, Rubric


@dataclass(frozen=True)
class Step:
    """One question in the walk, with where it sits."""

    rubric: Rubric
    dimension: Dimension
    question: Question

    @property
    def options(self) -> list[Option]:
        """The answer options, in the order shown."""
        return self.rubric.options_for(self.question)


class Session:
    """The answers file being filled in, and the respondent whose turn it is."""

    def __init__(self, path: Path, data: dict[str, Any], rubrics: Sequence[Rubric]) -> None:
        self.path = path
        self.data = data
        self.data.setdefault("assessment", {})
        self.data.setdefault("respondents", [])
        self.steps = [Step(r, d, q) for r in rubrics for d, q in r.questions()]
        self.respondent: dict[str, Any] | None = None
        declared = self.assessment.setdefault("rubrics", {})
        for rubric in rubrics:
            declared.setdefault(rubric.id, rubric.version)

    @property
    def assessment(self) -> dict[str, Any]:
        """The assessment block, edited in place."""
        block: dict[str, Any] = self.data["assessment"]
        return block

    @property
    def respondents(self) -> list[dict[str, Any]]:
        """Everyone in the file."""
        people: list[dict[str, Any]] = self.data["respondents"]
        return people

    def save(self) -> None:
        """Write the whole file atomically."""
        save_answers(self.path, self.data)

    def answers_saved(self) -> int:
        """How many answers (including skips) the file holds."""
        return sum(
            entry is not None
            for person in self.respondents
            for given in person.get("answers", {}).values()
            for entry in given.values()
        )

    # Choosing who answers

    def find(self, name: str) -> dict[str, Any] | None:
        """The respondent with this name (case and spaces ignored), if any."""
        wanted = " ".join(name.split()).casefold()
        for person in self.respondents:
            if " ".join(str(person.get("name", "")).split()).casefold() == wanted:
                return person
        return None

    def unfinished(self) -> dict[str, Any] | None:
        """The most recent respondent with questions still to answer."""
        waiting = [p for p in self.respondents if self.first_open(p) is not None]
        return waiting[-1] if waiting else None

    def add(self, role: str, name: str | None) -> dict[str, Any]:
        """A new respondent, saved at once."""
        taken = {str(person.get("id")) for person in self.respondents}
        number = len(self.respondents) + 1
        while f"r{number}" in taken:
            number += 1
        person: dict[str, Any] = {"id": f"r{number}", "role": role}
        if name:
            person["name"] = name
        person["answers"] = {}
        self.respondents.append(person)
        self.save()
        return person

    # Walking the questions

    def entry(self, index: int, person: dict[str, Any] | None = None) -> Any:
        """The saved answer to step `index`, or None."""
        person = person or self.respondent
        step = self.steps[index]
        given = (person or {}).get("answers", {}).get(step.rubric.id, {})
        return given.get(step.question.id)

    def first_open(self, person: dict[str, Any] | None = None) -> int | None:
        """The first step with no answer yet, or None when all are answered."""
        for index in range(len(self.steps)):
            if self.entry(index, person) is None:
                return index
        return None

    def _set(self, index: int, entry: Any) -> None:
        assert self.respondent is not None
        step = self.steps[index]
        answers = self.respondent.setdefault("answers", {})
        answers.setdefault(step.rubric.id, {})[step.question.id] = entry
        self.save()

    def answer(self, index: int, value: float, note: str = "") -> None:
        """Answer step `index` with an option value, keeping any note already there."""
        note = note or self.note_of(index)
        self._set(index, {"value": value, "note": note} if note else value)

    def skip(self, index: int, reason: str, note: str = "") -> None:
        """Skip step `index` as `dont-know` or `not-applicable`."""
        note = note or self.note_of(index)
        self._set(index, {"skip": reason, "note": note} if note else {"skip": reason})

    def add_note(self, index: int, note: str) -> bool:
        """Attach a note to an answer already given; False when there is none yet."""
        entry = self.entry(index)
        if entry is None:
            return False
        detail = dict(entry) if isinstance(entry, dict) else {"value": entry}
        detail["note"] = note
        self._set(index, detail)
        return True

    def note_of(self, index: int) -> str:
        """The note saved with step `index`, or an empty string."""
        entry = self.entry(index)
        return str(entry.get("note", "")) if isinstance(entry, dict) else ""


def rubrics_to_ask(catalog: Catalog, only: Sequence[str]) -> list[Rubric]:
    """The rubrics named with --only (in that order), or every rubric installed."""
    if only:
        return [catalog.rubric(rubric_id) for rubric_id in only]
    return [catalog.rubrics[rubric_id] for rubric_id in sorted(catalog.rubrics)]
