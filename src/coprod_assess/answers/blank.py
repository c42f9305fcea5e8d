"""Blank answers to fill in by hand (a commented YAML file), and the question titles an
import matches."""

from __future__ import annotations

from collections.abc import Sequence

from coprod_assess.control_chars import plain_text
from coprod_assess.rubric.forms import Form
from coprod_assess.rubric.models import Question, Rubric
from coprod_assess.rubric.roles import Role


def _options_line(rubric: Rubric, question: Question) -> str:
    return "; ".join(f"{o.value:g} = {o.label}" for o in rubric.options_for(question))


def blank_yaml(rubrics: Sequence[Rubric], roles: Sequence[Role], form: Form = "full") -> str:
    """An answers file with one respondent to copy, every question blank, options in comments.

    The rubrics are given in the form to ask; a short form is recorded as `form: short`.
    """
    lines = [
        "# A blank answers file for coprod-assess. One block under `respondents` a person:",
        "# copy the block for each one and give each a new id (r2, r3, ...).",
        "# After each question id write the value of the answer given: the number before",
        "# '=' in the comment above it (not its place in the list), or {skip: dont-know}",
        "# or {skip: not-applicable}.",
        '# To add a note or evidence: {value: 2, note: "what you saw"}.',
        "# A question left blank counts as not answered yet.",
        "assessment:",
        '  organisation: ""',
        '  period: ""           # the label comparisons use, e.g. "2026"',
        '  date: ""             # e.g. "2026-11-22"',
    ]
    if form == "short":
        lines.append("  form: short          # the short form: only the core questions are asked")
    lines.append("  rubrics:")
    lines += [f"    {rubric.id}: {rubric.version}" for rubric in rubrics]
    lines += ["respondents:", "  - id: r1", "    # role, one of:"]
    lines += [f"    #   {role.id} ({plain_text(role.label)})" for role in roles]
    lines += ['    role: ""', '    name: ""           # optional; never shown in reports']
    lines += ["    answers:"]
    for rubric in rubrics:
        lines.append(f"      {rubric.id}:")
        for dim in rubric.dimensions:
            lines.append(f"        # {plain_text(dim.title).upper()}")
            for question in dim.questions:
                lines.append(f"        # {plain_text(question.text)}")
                lines.append(f"        #   {plain_text(_options_line(rubric, question))}")
                lines.append(f"        {question.id}:")
    return "\n".join(lines) + "\n"


def question_header(rubric: Rubric, question: Question, ambiguous: set[str]) -> str:
    """A header an import matches: `[question-id] text`, or `[rubric/question]` if ids clash."""
    tag = f"{rubric.id}/{question.id}" if question.id in ambiguous else question.id
    return f"[{tag}] {question.text}"


def clashing_ids(rubrics: Sequence[Rubric]) -> set[str]:
    """Question ids used by more than one of the rubrics."""
    seen: dict[str, int] = {}
    for rubric in rubrics:
        for _, question in rubric.questions():
            seen[question.id] = seen.get(question.id, 0) + 1
    return {question_id for question_id, count in seen.items() if count > 1}
