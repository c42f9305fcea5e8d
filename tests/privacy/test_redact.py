"""The privacy step on the cases found by trying to take the tool apart."""

from __future__ import annotations

from typing import Any

import pytest

from coprod_assess.privacy.redact import share
from coprod_assess.report.render import render_report
from coprod_assess.rubric.flags import Flag
from coprod_assess.scoring.result import SharedResult
from tests.privacy.conftest import figures
from tests.scoring.conftest import catalog_of, respondents, rubric, score

GAP_FLAG = Flag.model_validate(
    {
        "id": "staff-see-more",
        "title": "Staff see more",
        "explanation": "Professionals rate it higher.",
        "when": {"any": [{"metric": "gap", "rubric": "r", "dimension": "*", "at-least": 25}]},
    }
)
ROLE_FLAG = Flag.model_validate(
    {
        "id": "carers-low",
        "title": "Carers rate it low",
        "explanation": "Family carers see little.",
        "when": {
            "all": [{"metric": "percent", "rubric": "r", "role": "family-carer", "below": 50}]
        },
    }
)
HIGH = {"a1": 4, "a2": 4, "b1": 4}
LOW = {"a1": 0, "a2": 1, "b1": 0}


def shared(*rows: tuple[str, dict[str, Any]], min_group: int = 3) -> SharedResult:
    catalog = catalog_of(rubric("mean"), flags=[GAP_FLAG, ROLE_FLAG])
    full = score(catalog, respondents(*rows))
    return share(full, min_group, flags=catalog.flags.values())


def test_a_lone_carer_beside_three_staff_gives_nothing_away() -> None:
    result = shared(("staff", HIGH), ("staff", HIGH), ("staff", HIGH), ("family-carer", LOW))
    (r,) = result.rubrics
    for figure in figures(result):
        assert figure.roles.keys() <= {"staff"} and "family-carer" not in figure.roles
        assert "lived" not in figure.perspectives
    # Everyone minus the three staff would be the carer: staff are withheld too.
    assert "staff" not in r.scores.roles and "role:staff" in r.scores.withheld
    assert r.gap is None and all(d.gap is None for d in r.dimensions)
    assert result.flags == []
    assert {f.id for f in result.unchecked_flags} == {"carers-low", "staff-see-more"}
    for fmt in ("html", "md"):
        text = render_report(result, fmt)
        assert "professional minus lived" not in text
        assert "could not be checked" in text


def test_the_gap_and_its_flag_are_shown_when_both_sides_are_large() -> None:
    rows = [("staff", HIGH)] * 3 + [("family-carer", LOW)] * 3
    result = shared(*rows)
    (r,) = result.rubrics
    assert r.gap is not None and r.gap > 25
    flag = next(f for f in result.flags if f.id == "staff-see-more")
    assert any("professional minus lived" in line for line in flag.evidence)
    assert result.unchecked_flags == []
    assert result.withheld == ["Nothing was withheld: every group shown has at least 3 people."]


def test_the_role_flag_reads_a_role_only_where_it_is_shown() -> None:
    rows = [("staff", HIGH)] * 3 + [("family-carer", LOW)] * 3
    assert "carers-low" in {f.id for f in shared(*rows).flags}
    strict = shared(*rows, min_group=4)
    assert strict.flags == [] and "carers-low" in {f.id for f in strict.unchecked_flags}


def test_fewer_people_than_the_threshold_show_no_scores_at_all() -> None:
    result = shared(("staff", HIGH), ("family-carer", LOW))
    (r,) = result.rubrics
    for figure in figures(result):
        assert figure.everyone.value is None and figure.everyone.status == "withheld"
        assert figure.roles == {} and figure.perspectives == {}
    assert all(
        (q.value, q.answered, q.dont_know) == (None, None, None)
        for d in r.dimensions
        for q in d.questions
    )
    assert result.withheld == ["R: only 2 people answered, fewer than 3: no scores are shown."]


def test_practice_and_belief_of_a_small_group_are_withheld_too() -> None:
    rows = [("staff", HIGH)] * 3 + [("family-carer", LOW)] * 3 + [("manager", LOW)]
    result = shared(*rows)
    (r,) = result.rubrics
    for figure in [*r.sides.values(), *r.dimensions[0].sides.values()]:
        assert "manager" not in figure.roles
        assert "role:manager" in figure.withheld


def test_a_figure_from_fewer_people_is_withheld_and_so_is_the_rubric_total() -> None:
    skip = {"skip": "dont-know"}
    rows = [("staff", {"a1": 3, "a2": 3, "b1": skip})] * 4
    rows += [("family-carer", {"a1": 1, "a2": 1, "b1": skip})] * 3
    rows += [("family-carer", {"a1": 1, "a2": 1, "b1": 4})]
    catalog = catalog_of(rubric("mean"))
    full = score(catalog, respondents(*rows), min_coverage=0)
    result = share(full, 3, flags=[])
    (r,) = result.rubrics
    a, b = r.dimensions
    # One person answered b: its score is theirs, and with a beside the rubric's
    # total it could be worked out again; both are withheld.
    assert b.scores.everyone.status == "withheld" and b.scores.everyone.value is None
    assert r.scores.everyone.status == "withheld"
    assert a.scores.everyone.value is not None
    assert b.questions[0].value is None


def test_notes_name_a_role_only_where_the_role_is_shown() -> None:
    noted = {"a1": {"value": 0, "note": "Nobody asked me."}, "a2": 1, "b1": 0}
    rows = [("staff", HIGH)] * 3 + [("family-carer", LOW)] * 3 + [("commissioner", noted)]
    result = shared(*rows)
    (note,) = result.notes
    # One commissioner: too few to name the role; four professionals are enough.
    assert note.role is None and note.perspective == "professional" and note.name is None
    assert "respondent" not in note.model_dump()
    assert "A professional, on A, R" in render_report(result, "md")
    strict = shared(*rows, min_group=5)
    assert strict.notes[0].role is None and strict.notes[0].perspective is None
    assert "A respondent, on A, R" in render_report(strict, "md")


def test_min_group_one_shows_everything_and_says_so() -> None:
    result = shared(("staff", HIGH), ("family-carer", LOW), min_group=1)
    (r,) = result.rubrics
    assert set(r.scores.roles) == {"staff", "family-carer"}
    (line,) = result.withheld
    assert "can show one person's answers" in line


def test_sharing_again_only_ever_withholds_more() -> None:
    rows = [("staff", HIGH)] * 3 + [("family-carer", LOW)] * 4
    first = shared(*rows)
    assert set(first.rubrics[0].scores.roles) == {"staff", "family-carer"}
    lower = share(first, 1, flags=[GAP_FLAG])
    assert lower.min_group == 3 and lower.rubrics == first.rubrics
    higher = share(first, 4, flags=[GAP_FLAG])
    assert higher.min_group == 4
    assert set(higher.rubrics[0].scores.roles) == set()
    assert higher.rubrics[0].gap is None
    assert [f.id for f in higher.unchecked_flags] == ["staff-see-more"]


@pytest.mark.parametrize("min_group", [2, 3, 5])
def test_every_shown_score_comes_from_enough_people(min_group: int) -> None:
    rows = [("staff", HIGH)] * 5 + [("family-carer", LOW)] * 2 + [("manager", LOW)]
    rows += [("person-using-services", HIGH)] * 3
    result = shared(*rows, min_group=min_group)
    for figure in figures(result):
        shown = [*figure.roles.values(), *figure.perspectives.values()]
        assert all(score.respondents >= min_group for score in shown)


def test_a_question_only_one_person_answered_is_in_no_figure_shown() -> None:
    skip = {"skip": "dont-know"}
    rows = [("staff", {"a1": 2, "a2": skip, "b1": 1})] * 3
    rows += [("family-carer", {"a1": 1, "a2": skip, "b1": 3})] * 2
    rows += [("commissioner", {"a1": 2, "a2": 4, "b1": 2})]  # the only answer to a2
    catalog = catalog_of(rubric("mean"))
    result = share(score(catalog, respondents(*rows), min_coverage=0), 3, flags=[])
    (r,) = result.rubrics
    a, b = r.dimensions
    # a's score holds a2's lone answer: with a1 shown it could be worked back out.
    assert a.scores.everyone.status == "withheld" and r.scores.everyone.status == "withheld"
    assert b.scores.everyone.value is not None
    assert a.questions[1].value is None


def test_practice_and_belief_count_who_answered_each_side() -> None:
    skip = {"skip": "dont-know"}
    rows = [("staff", {"a1": 3, "a2": skip, "b1": 3})] * 3 + [("family-carer", HIGH)] * 2
    catalog = catalog_of(rubric("mean"))
    full = score(catalog, respondents(*rows), min_coverage=0)
    belief = full.rubrics[0].dimensions[0].sides["belief"].everyone
    assert belief.respondents == 2  # the two carers, not the dimension's five
    result = share(full, 3, flags=[])
    assert result.rubrics[0].dimensions[0].sides["belief"].everyone.status == "withheld"


def test_two_small_roles_are_not_given_away_together() -> None:
    rows = [("family-carer", LOW)] * 3 + [("manager", HIGH), ("community-member", HIGH)]
    result = shared(*rows)
    (r,) = result.rubrics
    for figure in figures(result):
        shown = set(figure.roles) | set(figure.perspectives)
        # With everyone shown, neither the carers nor those with lived experience may be:
        # 5 x everyone - 3 x carers would be the manager and the community member together.
        assert figure.everyone.status == "withheld" or not shown & {"family-carer", "lived"}
    assert r.scores.everyone.value is not None


def test_someone_who_only_skipped_is_not_named_by_their_note() -> None:
    skipped = {"a1": {"skip": "dont-know", "note": "I was not told."}}
    rows = [("staff", HIGH)] * 3 + [("family-carer", LOW)] * 3 + [("commissioner", skipped)]
    (note,) = shared(*rows).notes
    assert note.role is None and note.perspective == "professional"


def test_no_question_is_shown_on_its_own() -> None:
    # One question's figures played against a group's could isolate a few people.
    rows = [("staff", HIGH)] * 3 + [("family-carer", LOW)] * 3
    (r,) = shared(*rows).rubrics
    questions = [q for d in r.dimensions for q in d.questions]
    assert [q.id for q in questions] == ["a1", "a2", "b1"]
    assert all(q.value is None and q.answered is None for q in questions)


def test_the_questions_with_no_side_are_weighed_too() -> None:
    # A dimension less its practice side is its untagged question: with "other" shown,
    # that would give the commissioner and the staff member away together.
    data = rubric("mean")
    data["dimensions"] = [
        {
            "id": "a",
            "title": "A",
            "questions": [{"id": "q1", "text": "x", "side": "practice"}, {"id": "q2", "text": "y"}],
        }
    ]
    catalog = catalog_of(data)
    rows = [("other", {"q1": 2, "q2": 1})] * 4
    rows += [("commissioner", {"q1": 1, "q2": 3}), ("staff", {"q1": 0, "q2": 2})]
    rows += [("manager", {"q1": 1, "q2": {"skip": "dont-know"}})]
    full = score(catalog, respondents(*rows), min_coverage=0)
    assert full.rubrics[0].dimensions[0].rest is not None
    result = share(full, 3, flags=[])
    dim = result.rubrics[0].dimensions[0]
    assert dim.rest is None and result.rubrics[0].rest is None
    assert "other" not in dim.scores.roles or "other" not in dim.sides["practice"].roles
