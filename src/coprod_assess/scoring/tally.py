"""Collecting answers per question and per group of respondents, in one pass.

A group is everyone, a role (`role:staff`) or a perspective (`perspective:lived`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from coprod_assess.answers.models import Answer, AnswersFile, Respondent
from coprod_assess.rubric.models import Question, Rubric
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
    # group -> those of them asked only its short form (its core questions), where the
    # assessment asked the full form: Easy Read, say, beside the full form in one room
    asked_short: Counter[str] = field(default_factory=Counter)
    # part -> group -> respondents who answered some of it; a part is a dimension id, "" for
    # the whole rubric, or either followed by "#" and a side tag (`money#practice`, `#belief`)
    respondents: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    notes: list[Note] = field(default_factory=list)

    def asked_question(self, question: Question, group: str) -> int:
        """How many respondents of a group were asked this question."""
        return self.asked[group] - (0 if question.core else self.asked_short[group])

    def given(self, question_id: str, group: str) -> list[float]:
        """The values given to a question by a group."""
        return self.values.get(question_id, {}).get(group, [])


def tally(answers: AnswersFile, rubric: Rubric, roles: dict[str, Role]) -> RubricTally:
    """Count one rubric's answers from every respondent who was asked it."""
    result = RubricTally(rubric)
    dimension_of = {q.id: d.id for d, q in rubric.questions()}
    side_of = {q.id: q.side for _, q in rubric.questions() if q.side}
    for respondent in answers.respondents:
        given = respondent.answers.get(rubric.id)
        if given is None:
            continue
        groups = groups_of(respondent, roles)
        role = roles[respondent.role]
        result.asked.update(groups)
        if respondent.form == "short" and answers.assessment.form == "full":
            result.asked_short.update(groups)
        answered_parts: set[str] = set()
        for question_id, entry in given.items():
            if entry is None or question_id not in dimension_of:
                continue  # left blank (not answered yet), or not in the form asked
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
                            lang=respondent.lang,
                        )
                    )
            if value is None:
                continue
            dimension = dimension_of[question_id]
            answered_parts.update((dimension, ""))
            side = side_of.get(question_id, "")  # "" for the questions with no side
            answered_parts.update((f"{dimension}#{side}", f"#{side}"))
            per_group = result.values.setdefault(question_id, {})
            for group in groups:
                per_group.setdefault(group, []).append(value)
        for part in answered_parts:
            result.respondents[part].update(groups)
    return result
