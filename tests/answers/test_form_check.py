"""An answers file asked the short form, checked against the rubrics in force."""

from __future__ import annotations

import textwrap
from typing import Any

from coprod_assess.answers.check import check_answers
from coprod_assess.answers.models import AnswersFile
from coprod_assess.loading.document import document_from_text
from coprod_assess.rubric.catalog import Catalog
from tests.scoring.conftest import catalog_of, rubric


def short_rubric() -> dict[str, Any]:
    """The scoring rubric with a core question on each side of a, and b1 core of b1, b2."""
    data = rubric()
    a1, a2 = data["dimensions"][0]["questions"]
    a1["core"] = a2["core"] = True
    data["dimensions"][1]["questions"] = [
        {"id": "b1", "text": "z", "core": True},
        {"id": "b2", "text": "w"},
    ]
    return data


def found(text: str, catalog: Catalog) -> list[tuple[int, int, str, str, str]]:
    doc = document_from_text(textwrap.dedent(text), "a.yaml")
    answers = AnswersFile.model_validate(doc.data)
    return [
        (p.line, p.column, p.severity, p.code, p.message)
        for p in check_answers(answers, doc, catalog)
    ]


def test_answers_outside_the_short_form_are_kept_with_one_warning() -> None:
    text = """\
    assessment:
      form: short
      rubrics: {r: 1.0.0}
    respondents:
      - {id: r1, role: staff, answers: {r: {a1: 1, b2: 3, b1: }}}
      - {id: r2, role: staff, answers: {r: {b2: {skip: dont-know}}}}
    """
    assert found(text, catalog_of(short_rubric())) == [
        (
            2,
            9,
            "warning",
            "outside-short-form",
            "2 answers to r questions outside its short form: kept in the file, but not "
            "scored, as the short form asks only the core questions",
        )
    ]


def test_a_rubric_without_a_short_form_is_an_error_at_the_form() -> None:
    text = """\
    assessment:
      period: "2026"
      form: short
    respondents:
      - {id: r1, role: staff, answers: {r: {a1: 1}}}
    """
    ((line, column, severity, code, message),) = found(text, catalog_of(rubric()))
    assert (line, column, severity, code) == (3, 9, "error", "no-short-form")
    assert message.startswith("the file was asked the short form, but rubric 'r' has none")


def test_a_full_form_file_has_nothing_to_check() -> None:
    text = """\
    assessment: {form: full}
    respondents:
      - {id: r1, role: staff, answers: {r: {a1: 1, b2: 3}}}
    """
    assert found(text, catalog_of(short_rubric())) == []
    assert AnswersFile.model_validate({}).assessment.form == "full"
