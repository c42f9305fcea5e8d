"""The printable question sheet for paper workshops, in HTML or Markdown."""

from __future__ import annotations

from collections.abc import Sequence

from coprod_assess import __version__
from coprod_assess.report.templating import Kind, render
from coprod_assess.rubric.forms import Form
from coprod_assess.rubric.models import Question, Rubric
from coprod_assess.rubric.roles import Role


def render_sheet(
    rubrics: Sequence[Rubric], roles: Sequence[Role], kind: Kind, form: Form = "full"
) -> str:
    """A question sheet: the roles to tick, then every question with a tick box for each
    answer, numbered with the answer's value as the rubric gives it. The rubrics are
    given in the form to ask; a short form says so in the heading."""
    numbers: dict[tuple[str, str], int] = {}
    for rubric in rubrics:
        for _, question in rubric.questions():
            numbers[(rubric.id, question.id)] = len(numbers) + 1

    def question_number(rubric: Rubric, question: Question) -> int:
        return numbers[(rubric.id, question.id)]

    context = {
        "rubrics": rubrics,
        "roles": roles,
        "question_number": question_number,
        "tool_version": __version__,
        "form": form,
    }
    return render(kind, f"sheet.{kind}.j2", context)


def render_check_sheet(
    findings: Sequence[tuple[str, str]],
    roles: Sequence[Role],
    kind: Kind,
    *,
    source: str,
    organisation: str = "",
    period: str = "",
) -> str:
    """The sense-check on paper: a role to tick, then each finding with a box for each
    response, numbered as `coprod sense-check` takes them, and lines for a comment."""
    from coprod_assess.answers.checking import MATCH_LABELS

    context = {
        "findings": findings,
        "roles": roles,
        "choices": list(MATCH_LABELS.values()),
        "source": source,
        "organisation": organisation,
        "period": period,
        "tool_version": __version__,
    }
    return render(kind, f"sense_check_sheet.{kind}.j2", context)
