"""What every online form asks, in sheet order, and the program's words around it.

The order and numbers are the paper sheet's: the rubrics as chosen, each one's
questions in file order, numbered 1..N across the whole form. An answer is
named by the option's value as the rubric writes it, never its place in the
list, so a form's answers import back without a mapping.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coprod_assess.i18n import _
from coprod_assess.rubric.models import Option, Question, Rubric


@dataclass(frozen=True)
class FormQuestion:
    """One question as a form asks it: its number on the sheet, its rubric and options."""

    number: int
    rubric: Rubric
    question: Question

    @property
    def options(self) -> list[Option]:
        """The answers it takes: its own options, or its rubric's scale."""
        return self.rubric.options_for(self.question)

    @property
    def on_scale(self) -> bool:
        """Whether it takes its rubric's shared scale (so it can be a row of one grid)."""
        return self.question.options is None


def form_questions(rubrics: Sequence[Rubric]) -> list[FormQuestion]:
    """Every question of the rubrics, in sheet order, numbered from 1."""
    pairs = [(rubric, question) for rubric in rubrics for _, question in rubric.questions()]
    return [
        FormQuestion(number, rubric, question)
        for number, (rubric, question) in enumerate(pairs, start=1)
    ]


def value_name(option: Option) -> str:
    """An option's value as forms and answer files write it: 3, 0.5, -1."""
    return f"{option.value:g}"


def answer_text(option: Option, dash: str = "-") -> str:
    """An answer as a form offers it: "3 - Established: It happens most of the time."
    (`coprod import` reads the value, and checks the words agree with it)."""
    words = f"{option.label}: {option.description}" if option.description else option.label
    return f"{value_name(option)} {dash} {words}"


@dataclass(frozen=True)
class FormWords:
    """The program's words on a form, in one language."""

    title: str
    role: str
    role_hint: str
    name: str
    name_hint: str
    dont_know: str
    not_applicable: str
    anything_else: str


def form_words(short: bool) -> FormWords:
    """The program's words on a form, in the language in use."""
    return FormWords(
        title=_("Co-production assessment (short form)")
        if short
        else _("Co-production assessment"),
        role=_("Your role"),
        role_hint=_("Choose the one role that fits you best."),
        name=_("Your name (optional)"),
        name_hint=_("We never show your name in reports."),
        dont_know=_("Don't know"),
        not_applicable=_("Does not apply"),
        anything_else=_("Anything else you want to tell us?"),
    )
