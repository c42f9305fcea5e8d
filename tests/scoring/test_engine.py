"""Each scoring method against hand-computed values."""

from __future__ import annotations

import pytest

from coprod_assess.scoring.result import Score
from tests.scoring.conftest import catalog_of, respondents, rubric, score

# Three respondents. a1 (weight 2): 4, 2, 3 -> mean 3; a2: 1, 1, skip -> 1; b1: 0, 2, 4 -> 2
ROWS = (
    ("family-carer", {"a1": 4, "a2": 1, "b1": 0}),
    ("staff", {"a1": 2, "a2": 1, "b1": 2}),
    ("manager", {"a1": 3, "a2": {"skip": "dont-know"}, "b1": 4}),
)


def test_mean_method() -> None:
    result = score(catalog_of(rubric("mean")), respondents(*ROWS))
    (r,) = result.rubrics
    a, b = r.dimensions
    assert a.scores.everyone.value == pytest.approx((3 * 2 + 1) / 3, abs=1e-4)
    assert b.scores.everyone.value == 2
    assert r.scores.everyone.value == pytest.approx(((7 / 3) + 2) / 2, abs=1e-4)
    assert r.scores.everyone.percent == pytest.approx(((7 / 3) + 2) / 2 / 4 * 100, abs=0.01)
    assert r.scores.everyone.answered == 8
    assert r.scores.everyone.asked == 9
    assert r.scores.everyone.coverage == pytest.approx(88.89)
    assert r.scores.everyone.respondents == 3
    assert a.questions[1].dont_know == 1


def test_median_and_min_methods() -> None:
    median = score(catalog_of(rubric("median")), respondents(*ROWS)).rubrics[0]
    assert median.scores.everyone.value == pytest.approx((7 / 3 + 2) / 2, abs=1e-4)
    weakest = score(catalog_of(rubric("min")), respondents(*ROWS)).rubrics[0]
    assert weakest.scores.everyone.value == 2


def test_sum_imputes_skipped_questions_with_the_dimension_mean() -> None:
    rows = (("staff", {"a1": 4, "a2": {"skip": "not-applicable"}, "b1": 1}),)
    (r,) = score(catalog_of(rubric("sum")), respondents(*rows)).rubrics
    a, b = r.dimensions
    # a: only a1 answered (4); weighted mean 4 stands for a2 too: 4 * (2 + 1) = 12
    assert a.scores.everyone.value == 12
    assert b.scores.everyone.value == 1
    assert r.scores.everyone.value == 13
    assert r.range == (0, 16)


def test_ladder_reports_typical_weakest_and_strongest() -> None:
    data = rubric("ladder")
    data["scale"] = [
        {"value": v, "label": name, "group": group}
        for v, name, group in [(1, "Low", "Bottom"), (3, "Middle", "Middle"), (6, "High", "Top")]
    ]
    rows = (
        ("staff", {"a1": 6, "a2": 6, "b1": 1}),
        ("family-carer", {"a1": 3, "a2": 6, "b1": 1}),
        ("manager", {"a1": 6, "a2": 3, "b1": 3}),
    )
    (r,) = score(catalog_of(data), respondents(*rows)).rubrics
    a, b = r.dimensions
    # medians: a1 6, a2 6 -> area a 6; b1 1 -> area b 1; typical: median(6, 1) = 3.5
    assert a.rung is not None and a.rung.name == "High"
    assert b.rung is not None and (b.rung.value, b.rung.name, b.rung.group) == (1, "Low", "Bottom")
    assert r.ladder is not None and r.ladder.typical is not None
    assert (r.ladder.typical.value, r.ladder.typical.name) == (3.5, "Middle")
    assert [x.dimension for x in r.ladder.weakest] == ["b"]
    assert [x.dimension for x in r.ladder.strongest] == ["a"]
    assert r.scores.everyone.band is None


def test_a_ladder_scores_its_sides_beside_the_rung() -> None:
    yes_no = [{"value": 0, "label": "No"}, {"value": 1, "label": "Yes"}]
    data = rubric("ladder")
    data["scale"] = [
        {"value": v, "label": name, "group": group}
        for v, name, group in [(1, "Low", "Bottom"), (3, "Middle", "Middle"), (6, "High", "Top")]
    ]
    data["dimensions"] = [
        {
            "id": area,
            "title": area.upper(),
            "questions": [
                {"id": f"{area}1", "text": "Rung?"},
                {"id": f"{area}-claim", "text": "Called?", "side": "claim", "options": yes_no},
            ],
        }
        for area in ("a", "b")
    ]
    rows = (
        ("staff", {"a1": 6, "a-claim": 1, "b1": 1, "b-claim": 0}),
        ("family-carer", {"a1": 3, "a-claim": 1, "b1": 1, "b-claim": 0}),
        ("manager", {"a-claim": 0}),  # answered only beside the rung
    )
    (r,) = score(catalog_of(data), respondents(*rows)).rubrics
    a, b = r.dimensions
    # The rung reads only a1 (median of 6 and 3); the claim is a side of its own.
    assert a.rung is not None and (a.rung.value, a.rung.name) == (4.5, "Middle")
    assert a.range == (1, 6) and r.range == (1, 6)
    assert a.scores.everyone.respondents == 2 and a.scores.everyone.coverage == pytest.approx(66.67)
    assert a.sides["claim"].everyone.value == 1 and a.sides["claim"].everyone.respondents == 3
    assert b.sides["claim"].everyone.percent == 0
    assert a.rest is None
    assert r.scores.everyone.respondents == 2
    assert r.ladder is not None and [x.dimension for x in r.ladder.weakest] == ["b"]


def test_a_ladder_whose_every_question_has_a_side_reads_them_all() -> None:
    data = rubric("ladder")  # a1 practice, a2 belief; b1 has no side either way
    for dim in data["dimensions"]:
        for question in dim["questions"]:
            question.setdefault("side", "practice")
    data["scale"] = [{"value": v, "label": str(v), "group": "G"} for v in range(5)]
    (r,) = score(catalog_of(data), respondents(*ROWS)).rubrics
    a = r.dimensions[0]
    # medians: a1 (weight 2) 3, a2 1 -> (3 * 2 + 1) / 3
    assert a.scores.everyone.value == pytest.approx(7 / 3, abs=1e-4)


def test_checklist_counts_questions_at_threshold() -> None:
    (r,) = score(catalog_of(rubric("checklist", threshold=2)), respondents(*ROWS)).rubrics
    # a1 mean 3 met, a2 mean 1 not, b1 mean 2 met
    assert r.scores.everyone.value == pytest.approx(200 / 3, abs=1e-3)
    assert r.dimensions[0].scores.everyone.value == 50
    assert r.range == (0, 100)


def test_bands() -> None:
    bands = [{"from": 0, "label": "Low"}, {"from": 2, "label": "High"}]
    (r,) = score(catalog_of(rubric("mean", bands=bands)), respondents(*ROWS)).rubrics
    assert r.scores.everyone.band == "High"
    assert r.dimensions[1].scores.everyone.band == "High"


def test_perspectives_roles_and_gap() -> None:
    (r,) = score(catalog_of(rubric()), respondents(*ROWS)).rubrics
    b = r.dimensions[1]
    assert b.scores.perspectives["lived"].value == 0
    assert b.scores.perspectives["professional"].value == 3
    assert b.scores.roles["staff"].value == 2
    assert b.scores.perspectives["professional"].respondents == 2
    assert b.gap == 75.0


def test_sides_and_side_gap() -> None:
    (r,) = score(catalog_of(rubric()), respondents(*ROWS)).rubrics
    a = r.dimensions[0]
    assert a.sides["practice"].everyone.value == 3
    assert a.sides["belief"].everyone.value == 1
    assert a.side_gap == 50.0
    assert r.side_gap == 50.0


def test_not_enough_answers_below_coverage_threshold() -> None:
    rows = (("staff", {"a1": 3, "a2": {"skip": "dont-know"}, "b1": {"skip": "dont-know"}}),)
    (r,) = score(catalog_of(rubric()), respondents(*rows)).rubrics
    assert r.scores.everyone.status == "not-enough-answers"
    assert r.scores.everyone.value is None
    assert r.dimensions[1].scores.everyone.status == "no-answers"
    lenient = score(catalog_of(rubric()), respondents(*rows), min_coverage=30).rubrics[0]
    assert lenient.scores.everyone.value == 3


def test_notes_are_kept_without_names() -> None:
    rows = (("family-carer", {"a1": {"value": 1, "note": "Only staff are paid"}}),)
    result = score(catalog_of(rubric()), respondents(*rows))
    (note,) = result.notes
    assert (note.question, note.role, note.perspective, note.text) == (
        "a1",
        "family-carer",
        "lived",
        "Only staff are paid",
    )


def test_anything_else_someone_said_is_kept_apart_from_the_questions() -> None:
    given = respondents(("family-carer", {"a1": 1}), ("staff", {}), ("manager", {"a1": 2}))
    people = [
        person.model_copy(update={"note": note})
        for person, note in zip(
            given.respondents, ["  We were never told the budget.\n", "", "   "], strict=True
        )
    ]
    result = score(catalog_of(rubric()), given.model_copy(update={"respondents": people}))
    (note,) = result.general_notes
    assert (note.respondent, note.role, note.perspective, note.text, note.lang) == (
        "p0",
        "family-carer",
        "lived",
        "We were never told the budget.",
        None,
    )
    assert result.notes == []


def test_respondent_mix() -> None:
    mix = score(catalog_of(rubric()), respondents(*ROWS, ("group", {"a1": 1}))).respondents
    assert mix.total == 4
    assert mix.perspectives == {"lived": 1, "none": 1, "professional": 2}
    assert mix.roles["group"] == 1


def test_content_hash_follows_content_not_layout() -> None:
    first = score(catalog_of(rubric()), respondents(*ROWS)).rubrics[0].content_hash
    changed = rubric()
    changed["dimensions"][1]["questions"][0]["text"] = "changed"
    second = score(catalog_of(changed), respondents(*ROWS)).rubrics[0].content_hash
    assert first.startswith("sha256:") and first != second


def test_sum_counts_a_dimension_without_answers_at_the_others_average_place() -> None:
    rows = (("staff", {"a1": 4, "a2": 2, "b1": {"skip": "dont-know"}}),)
    (r,) = score(catalog_of(rubric("sum")), respondents(*rows)).rubrics
    a, b = r.dimensions
    # a: weighted mean (4 * 2 + 2) / 3 stands for 3 weights: 10 of 0-12, five sixths of the way
    assert a.scores.everyone.value == 10
    assert b.scores.everyone.status == "no-answers"
    # b is counted five sixths of the way along its 0-4: 10 + 3.3333
    assert r.scores.everyone.value == pytest.approx(10 + 4 * 10 / 12, abs=1e-4)
    assert r.scores.everyone.percent == pytest.approx(83.33, abs=0.01)


@pytest.mark.parametrize(("method", "extra"), [("sum", {}), ("checklist", {"threshold": 2})])
def test_bands_name_a_sum_or_checklist_rubric_score_not_its_dimensions(
    method: str, extra: dict[str, float]
) -> None:
    bands = [{"from": 0, "label": "Low"}, {"from": 1, "label": "High"}]
    (r,) = score(catalog_of(rubric(method, bands=bands, **extra)), respondents(*ROWS)).rubrics
    assert r.scores.everyone.band == "High"
    assert [d.scores.everyone.value is not None for d in r.dimensions] == [True, True]
    assert [d.scores.everyone.band for d in r.dimensions] == [None, None]


# ROWS, and a fourth person (staff) asked the rubric who only skipped.
ONLY_SKIPPED = (*ROWS, ("staff", {"a1": {"skip": "dont-know"}, "a2": {"skip": "not-applicable"}}))


def test_coverage_is_answers_over_questions_asked_of_each_group() -> None:
    (r,) = score(catalog_of(rubric()), respondents(*ONLY_SKIPPED)).rubrics
    a, b = r.dimensions

    def cover(found: Score | None) -> tuple[int, int, float]:
        assert found is not None
        return found.answered, found.asked, found.coverage

    assert cover(r.scores.everyone) == (8, 12, 66.67)
    assert cover(a.scores.everyone) == (5, 8, 62.5)
    assert cover(b.scores.everyone) == (3, 4, 75.0)
    assert cover(a.scores.roles["staff"]) == (2, 4, 50.0)
    assert cover(r.scores.for_group("perspective:professional")) == (5, 9, 55.56)
    assert cover(b.scores.roles["manager"]) == (1, 1, 100.0)


def test_a_respondent_who_only_skipped_is_asked_but_not_counted_as_answering() -> None:
    (r,) = score(catalog_of(rubric()), respondents(*ONLY_SKIPPED)).rubrics
    assert r.scores.everyone.respondents == 3
    assert r.scores.roles["staff"].respondents == 1
    assert r.scores.perspectives["professional"].respondents == 2
    assert r.dimensions[0].scores.roles["staff"].respondents == 1
