"""Scoring the short form: only the core questions were asked, so only they count."""

from __future__ import annotations

from typing import Any

from coprod_assess.answers.models import AnswersFile
from coprod_assess.scoring.assessment import score_assessment
from tests.answers.test_form_check import short_rubric
from tests.scoring.conftest import catalog_of, rubric

CATALOG = catalog_of(short_rubric())


def answered(form: str | None, *people: dict[str, Any]) -> AnswersFile:
    assessment = {"form": form} if form else {}
    return AnswersFile.model_validate(
        {
            "assessment": assessment,
            "respondents": [
                {"id": f"p{i}", "role": "staff", "answers": {"r": given}}
                for i, given in enumerate(people)
            ],
        }
    )


def test_questions_outside_the_core_set_are_not_asked() -> None:
    short = answered("short", {"a1": 4, "a2": 2, "b1": 1, "b2": 0}, {"a1": 2, "a2": 2, "b1": 3})
    result = score_assessment(short, CATALOG)
    assert result.assessment.form == "short"
    (scored,) = result.rubrics
    b = scored.dimensions[1]
    assert [q.id for q in b.questions] == ["b1"]
    assert b.scores.everyone.value == 2  # b1 only: b2's 0 is kept in the file, not scored
    assert (b.scores.everyone.answered, b.scores.everyone.asked) == (2, 2)
    assert scored.scores.everyone.coverage == 100


def test_full_form_counts_every_question() -> None:
    full = answered(None, {"a1": 4, "a2": 2, "b1": 1, "b2": 0}, {"a1": 2, "a2": 2, "b1": 3})
    (scored,) = score_assessment(full, CATALOG).rubrics
    b = scored.dimensions[1]
    assert b.scores.everyone.value == 1  # the mean of b1 (2) and b2 (0)
    assert (b.scores.everyone.answered, b.scores.everyone.asked) == (3, 4)


def test_a_full_form_file_scored_on_the_short_form_matches_one_asked_it() -> None:
    people = [{"a1": 4, "a2": 2, "b1": 1, "b2": 0}, {"a1": 2, "a2": 2, "b1": 3}]
    as_short = score_assessment(answered(None, *people), CATALOG, form="short")
    asked_short = score_assessment(answered("short", *people), CATALOG)
    assert as_short == asked_short


def test_scored_on_the_short_form_a_rubric_without_one_is_left_out() -> None:
    other = rubric()
    other["id"] = "other"
    people = AnswersFile.model_validate(
        {"respondents": [{"id": "p", "role": "staff", "answers": {"r": {"a1": 1}, "other": {}}}]}
    )
    result = score_assessment(people, catalog_of(short_rubric(), other), form="short")
    assert [r.id for r in result.rubrics] == ["r"]


def test_one_person_asked_the_short_form_beside_the_full_form_is_not_counted_as_missing() -> None:
    # Easy Read asks the short form; its reader answered what they were asked, so the
    # questions they were not asked are not held against the group's coverage.
    people = AnswersFile.model_validate(
        {
            "respondents": [
                {
                    "id": "p0",
                    "role": "staff",
                    "answers": {"r": {"a1": 4, "a2": 2, "b1": 1, "b2": 0}},
                },
                {
                    "id": "p1",
                    "role": "staff",
                    "lang": "en-easy",
                    "form": "short",
                    "answers": {"r": {"a1": 2, "a2": 1, "b1": 3}},
                },
            ]
        }
    )
    (scored,) = score_assessment(people, CATALOG).rubrics
    a, b = scored.dimensions
    assert (a.scores.everyone.answered, a.scores.everyone.asked) == (4, 4)
    assert (b.scores.everyone.answered, b.scores.everyone.asked) == (3, 3)
    assert scored.scores.everyone.coverage == 100
    # Asked the full form, the same answers leave gaps: two questions unanswered.
    full = people.model_copy(
        update={
            "respondents": [
                people.respondents[0],
                people.respondents[1].model_copy(update={"form": None}),
            ]
        }
    )
    (scored_full,) = score_assessment(full, CATALOG).rubrics
    assert scored_full.scores.everyone.coverage < 100
