"""Properties of the engine over generated workshops (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_assess.answers.models import AnswersFile
from coprod_assess.scoring.result import Result
from coprod_assess.scoring.result_io import result_json
from tests.scoring.conftest import catalog_of, rubric, score

METHODS = ["mean", "median", "min", "sum", "ladder", "checklist"]
ROLE_IDS = ["family-carer", "staff", "manager", "person-using-services", "group"]
QUESTIONS = ["a1", "a2", "b1"]

entry = st.one_of(
    st.integers(min_value=0, max_value=4),
    st.sampled_from([{"skip": "dont-know"}, {"skip": "not-applicable"}]),
    st.integers(min_value=0, max_value=4).map(lambda v: {"value": v, "note": "n"}),
)
person = st.tuples(
    st.sampled_from(ROLE_IDS),
    st.dictionaries(st.sampled_from(QUESTIONS), entry, min_size=1),
)
workshop = st.lists(person, min_size=1, max_size=8)


def build(rows: list[tuple[str, dict[str, Any]]], order: list[int] | None = None) -> AnswersFile:
    people = [
        {"id": f"p{i}", "role": role, "answers": {"r": dict(given)}}
        for i, (role, given) in enumerate(rows)
    ]
    if order is not None:
        people = [people[i] for i in order]
    return AnswersFile.model_validate({"respondents": people})


def run(method: str, answers: AnswersFile) -> Result:
    extra = {"threshold": 2} if method == "checklist" else {}
    return score(catalog_of(rubric(method, **extra)), answers)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(METHODS), workshop)
def test_scores_stay_in_range(method: str, rows: list[tuple[str, dict[str, Any]]]) -> None:
    result = run(method, build(rows))
    for r in result.rubrics:
        scores = [r.scores.everyone, *(d.scores.everyone for d in r.dimensions)]
        ranges = [r.range, *(d.range for d in r.dimensions)]
        for found, (low, high) in zip(scores, ranges, strict=True):
            if found.value is not None:
                assert low - 1e-9 <= found.value <= high + 1e-9
            if found.percent is not None:
                assert 0 <= found.percent <= 100
            assert 0 <= found.coverage <= 100


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(METHODS), workshop, st.randoms(use_true_random=False))
def test_order_of_respondents_and_answers_never_changes_the_result(
    method: str, rows: list[tuple[str, dict[str, Any]]], random: Any
) -> None:
    order = list(range(len(rows)))
    random.shuffle(order)
    shuffled = [(role, dict(reversed(list(given.items())))) for role, given in rows]
    assert result_json(run(method, build(rows))) == result_json(run(method, build(shuffled, order)))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(METHODS), workshop, st.sampled_from(QUESTIONS))
def test_adding_a_dont_know_never_changes_a_score(
    method: str, rows: list[tuple[str, dict[str, Any]]], question: str
) -> None:
    before = run(method, build(rows))
    role, given = rows[0]
    if question in given:
        return
    after = run(method, build([(role, {**given, question: {"skip": "dont-know"}}), *rows[1:]]))
    for old, new in zip(before.rubrics, after.rubrics, strict=True):
        assert old.scores.everyone.value == new.scores.everyone.value
        for old_dim, new_dim in zip(old.dimensions, new.dimensions, strict=True):
            assert old_dim.scores.everyone.value == new_dim.scores.everyone.value
