"""The built-in flags raised by the patterns they describe, and only then."""

from __future__ import annotations

from typing import Any

from coprod_assess.answers.models import AnswersFile
from coprod_assess.privacy.redact import share
from coprod_assess.rubric.catalog import load_catalog
from coprod_assess.scoring.assessment import score_assessment
from coprod_assess.scoring.result import SharedResult

CATALOG = load_catalog()


def everything(value_of: Any, role: str) -> dict[str, dict[str, float]]:
    """Answers to every built-in question, chosen by value_of(rubric, question_id, options)."""
    given: dict[str, dict[str, float]] = {}
    for rubric in CATALOG.rubrics.values():
        given[rubric.id] = {}
        for dim, question in rubric.questions():
            values = sorted(o.value for o in rubric.options_for(question))
            given[rubric.id][question.id] = value_of(rubric.id, dim.id, question, values)
    return given


def raised(rows: list[tuple[str, Any]]) -> set[str]:
    answers = AnswersFile.model_validate(
        {
            "respondents": [
                {"id": f"p{i}", "role": role, "answers": everything(value_of, role)}
                for i, (role, value_of) in enumerate(rows)
            ]
        }
    )
    # Every group shown (--min-group 1): these tests are about the flags, not anonymity.
    shared = share(score_assessment(answers, CATALOG), 1, flags=CATALOG.flags.values())
    return {flag.id for flag in shared.flags}


def middle(rubric: str, dim: str, question: Any, values: list[float]) -> float:
    return values[len(values) // 2]


def test_balanced_workshop_raises_nothing() -> None:
    rows = [
        (role, middle) for role in ("family-carer", "staff", "person-using-services", "manager")
    ]
    assert raised(rows) == set()


def test_principles_claimed_but_ladder_in_tokenism() -> None:
    def choose(rubric: str, dim: str, question: Any, values: list[float]) -> float:
        if rubric == "nef-six-principles":
            return values[-1]
        if rubric == "arnstein-ladder":
            return 4
        return middle(rubric, dim, question, values)

    assert "principles-without-power" in raised([("family-carer", choose), ("staff", choose)])


def test_illusion_of_co_production() -> None:
    def high(rubric: str, dim: str, question: Any, values: list[float]) -> float:
        return values[-1]

    def low(rubric: str, dim: str, question: Any, values: list[float]) -> float:
        return values[0]

    found = raised([("staff", high), ("family-carer", low)])
    assert "illusion-of-co-production" in found


def test_rules_without_world_view() -> None:
    def choose(rubric: str, dim: str, question: Any, values: list[float]) -> float:
        if rubric == "hunter-ritchie-rules":
            return values[-1] if question.side == "practice" else values[0]
        return middle(rubric, dim, question, values)

    assert "rules-without-world-view" in raised([("family-carer", choose), ("staff", choose)])


def test_money_not_shared() -> None:
    def choose(rubric: str, dim: str, question: Any, values: list[float]) -> float:
        if rubric == "arnstein-ladder":
            return 6
        if rubric == "five-p-levers" and dim == "profitability":
            return values[0]
        return middle(rubric, dim, question, values)

    assert "money-not-shared" in raised([("family-carer", choose), ("staff", choose)])


def test_nobody_with_lived_experience() -> None:
    assert raised([("staff", middle), ("manager", middle)]) == {"no-lived-experience"}


def room(**mix: Any) -> SharedResult:
    """A member of staff and a room answering together, with what the room recorded."""
    people = [
        {"id": "p1", "role": "staff", "answers": everything(middle, "staff")},
        {"id": "p2", "role": "group", "answers": everything(middle, "group"), **mix},
    ]
    answers = AnswersFile.model_validate({"respondents": people})
    return share(score_assessment(answers, CATALOG), 1, flags=CATALOG.flags.values())


def test_a_room_of_parents_answering_together_counts_as_lived_experience() -> None:
    assert "no-lived-experience" not in {f.id for f in room(people=8, lived_experience=5).flags}
    assert "no-lived-experience" in {f.id for f in room(people=8, lived_experience=0).flags}


def test_a_room_that_did_not_record_its_lived_experience_cannot_be_checked() -> None:
    for mix in ({"people": 8}, {}):
        result = room(**mix)
        assert "no-lived-experience" not in {f.id for f in result.flags}
        (unchecked,) = [f for f in result.unchecked_flags if f.id == "no-lived-experience"]
        assert unchecked.reason == (
            "a group answering together did not record how many of them have lived "
            "experience, so it could not be checked"
        )


def test_evidence_names_what_was_measured() -> None:
    answers = AnswersFile.model_validate(
        {"respondents": [{"id": "p", "role": "staff", "answers": everything(middle, "staff")}]}
    )
    shared = share(score_assessment(answers, CATALOG), 1, flags=CATALOG.flags.values())
    (flag,) = shared.flags
    assert flag.evidence == ["0 people (lived) (below 1)"]
    assert flag.actions
