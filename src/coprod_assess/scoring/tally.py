"""Collecting answers per question and per group of respondents, in one pass.

A group is everyone, a role (`role:staff`) or a perspective (`perspective:lived`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from coprod_assess.answers.models import Answer, AnswersFile, Respondent
from coprod_assess.rubric.models import Rubric
from coprod_assess.rubric.roles import Role
from coprod_assess.scoring.result import Note

EVERYONE = "everyone"


def groups_of(respondent: Respondent, roles: dict[str, Role]) -> tuple[str, ...]:
    """The groups a respondent counts in."""
    role = roles[respondent.role]
    if role.perspective is None:
        return (EVERYONE, f"role:{role.id}")
    return (EVERYONE, f"role:{role.id}", f"perspective:{role.perspective}")


@dataclass
class RubricTally:
    """Everything counted for one rubric: the raw material of its scores."""

    rubric: Rubric
    # question id -> group -> the values given
    values: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    # question id -> skip kind -> count (everyone)
    skips: dict[str, Counter[str]] = field(default_factory=dict)
    # group -> respondents who were asked this rubric (who have any entry for it)
    asked: Counter[str] = field(default_factory=Counter)
    # dimension id (or "" for the whole rubric) -> group -> respondents who answered some of it
    respondents: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    notes: list[Note] = field(default_factory=list)

    def given(self, question_id: str, group: str) -> list[float]:
        """The values given to a question by a group."""
        return self.values.get(question_id, {}).get(group, [])


def tally(answers: AnswersFile, rubric: Rubric, roles: dict[str, Role]) -> RubricTally:
    """Count one rubric's answers from every respondent who was asked it."""
    result = RubricTally(rubric)
    dimension_of = {q.id: d.id for d, q in rubric.questions()}
    for respondent in answers.respondents:
        given = respondent.answers.get(rubric.id)
        if given is None:
            continue
        groups = groups_of(respondent, roles)
        role = roles[respondent.role]
        result.asked.update(groups)
        answered_dims: set[str] = set()
        for question_id, entry in given.items():
            if entry is None:
                continue  # left blank: not answered yet
            value = entry.value if isinstance(entry, Answer) else entry
            if isinstance(entry, Answer):
                if entry.skip is not None:
                    result.skips.setdefault(question_id, Counter())[entry.skip] += 1
                if entry.note.strip():
                    result.notes.append(
                        Note(
                            rubric=rubric.id,
                            dimension=dimension_of[question_id],
                            question=question_id,
                            respondent=respondent.id,
                            role=role.id,
                            perspective=role.perspective,
                            text=entry.note.strip(),
                        )
                    )
            if value is None:
                continue
            answered_dims.add(dimension_of[question_id])
            per_group = result.values.setdefault(question_id, {})
            for group in groups:
                per_group.setdefault(group, []).append(value)
        for dimension_id in answered_dims:
            result.respondents[dimension_id].update(groups)
        if answered_dims:
            result.respondents[""].update(groups)
    return result
