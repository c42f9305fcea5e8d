"""The form template: a CSV a facilitator copies from, cell by cell, to build a Google or
Microsoft form that `coprod import` reads back without a mapping.

One row a question the form asks, in sheet order: first the role and the name, last
"anything else". Each row gives the question's title to paste (`[question-id] text`,
which import matches by its id), its description, the kind of question to make, and
its answers one a line (`3 - Established: ...`, then Don't know and Does not apply),
as the option list of a form takes them when pasted. Questions on their rubric's shared
scale can instead be the rows of one grid: the Grid column names it, and Grid answers
are its columns (the same answers in fewer words).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from coprod_assess.answers.blank import clashing_ids, question_header
from coprod_assess.control_chars import plain_text
from coprod_assess.i18n import pgettext
from coprod_assess.online_forms.questions import (
    FormQuestion,
    answer_text,
    form_questions,
    form_words,
    value_name,
)
from coprod_assess.rubric.models import Rubric
from coprod_assess.rubric.roles import Role

# A spreadsheet takes a cell starting with one of these as a formula: a space before it
# keeps it text (forms and `coprod import` trim it).
_FORMULA_STARTS = ("=", "+", "-", "@")


def form_template_csv(
    rubrics: Sequence[Rubric],
    roles: Sequence[Role],
    matched_against: Sequence[Rubric] = (),
    *,
    short: bool = False,
) -> str:
    """The form template, in the language in use.

    `matched_against`: the whole rubrics an import will match, when `rubrics` are their
    short forms, so an id that only clashes with a question left out is still tagged.
    """
    words = form_words(short)
    choice = pgettext("form question type", "Multiple choice")
    skips = [words.dont_know, words.not_applicable]
    rows = [
        [
            pgettext("form template", "Number"),
            pgettext("form template", "Rubric"),
            pgettext("form template", "Question id"),
            pgettext("form template", "Form question"),
            pgettext("form template", "Description"),
            pgettext("form template", "Type"),
            pgettext("form template", "Answers"),
            pgettext("form template", "Grid"),
            pgettext("form template", "Grid answers"),
        ],
        ["", "", "", words.role, words.role_hint, choice, _lines(r.label for r in roles), "", ""],
        [
            "",
            "",
            "",
            words.name,
            words.name_hint,
            pgettext("form question type", "Short answer"),
            "",
            "",
            "",
        ],
    ]
    ambiguous = clashing_ids(matched_against or rubrics)
    for asked in form_questions(rubrics):
        rows.append(_question_row(asked, ambiguous, choice, skips))
    paragraph = pgettext("form question type", "Paragraph")
    rows.append(["", "", "", words.anything_else, "", paragraph, "", "", ""])
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([[_cell(c) for c in r] for r in rows])
    return buffer.getvalue()


def _question_row(
    asked: FormQuestion, ambiguous: set[str], choice: str, skips: list[str]
) -> list[str]:
    rubric, question = asked.rubric, asked.question
    answers = [answer_text(option) for option in asked.options]
    grid, grid_answers = "", ""
    if asked.on_scale:
        grid = plain_text(rubric.title)
        short = [f"{value_name(option)} - {option.label}" for option in asked.options]
        grid_answers = _lines([*short, *skips])
    return [
        str(asked.number),
        rubric.id,
        question.id,
        plain_text(question_header(rubric, question, ambiguous)),
        plain_text(question.help, multiline=True),
        choice,
        _lines([*answers, *skips]),
        grid,
        grid_answers,
    ]


def _lines(texts: Iterable[str]) -> str:
    """Answers one a line, as a form's option list takes them pasted in."""
    return "\n".join(plain_text(text) for text in texts)


def _cell(text: str) -> str:
    return f" {text}" if text.startswith(_FORMULA_STARTS) else text
