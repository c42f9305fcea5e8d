"""Flags: the condition language, and references that must resolve."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from pydantic import ValidationError

from coprod_assess.rubric.flags import Condition, When
from tests.rubric.conftest import HEAD, Found

Check = Callable[..., Found]

RULES = (
    HEAD
    + """\
scale: [{value: 0, label: No}, {value: 1, label: Yes}]
dimensions:
  - id: open
    title: Open
    questions:
      - {id: open-1, text: We talk openly., side: practice}
      - {id: open-2, text: We believe in it., side: belief}
"""
)


def flag(*conditions: str, join: str = "all") -> str:
    lines = [
        "flags:",
        "  - id: test-flag",
        "    title: Test",
        "    explanation: A flag for tests.",
        "    when:",
        f"      {join}:",
    ]
    lines += [f"        - {c}" for c in conditions]
    return "\n".join(lines) + "\n"


def test_resolving_references_are_clean(check: Check) -> None:
    flags = flag(
        "{metric: side-gap, rubric: tiny, dimension: '*', at-least: 30}",
        "{metric: percent, rubric: tiny, side: practice, perspective: lived, at-least: 50}",
        "{metric: respondents, role: family-carer, below: 1}",
        "{metric: gap, rubric: '*', dimension: '*', above: 25}",
    )
    assert check(rules=RULES, flags=flags) == []


def test_unknown_rubric_dimension_side_and_role(check: Check) -> None:
    flags = flag(
        "{metric: percent, rubric: missing, at-least: 1}",
        "{metric: percent, rubric: tiny, dimension: closed, at-least: 1}",
        "{metric: percent, rubric: tiny, side: hope, at-least: 1}",
        "{metric: respondents, role: chief, below: 1}",
    )
    assert check(rules=RULES, flags=flags) == [
        ("flags", 7, 37, "unknown-reference"),
        ("flags", 8, 54, "unknown-reference"),
        ("flags", 9, 49, "unknown-reference"),
        ("flags", 10, 39, "unknown-reference"),
    ]


def test_rung_needs_a_ladder_rubric(check: Check) -> None:
    flags = flag("{metric: rung, rubric: tiny, at-most: 5}")
    assert check(rules=RULES, flags=flags) == [("flags", 7, 20, "unknown-reference")]


def test_side_gap_needs_practice_and_belief(check: Check) -> None:
    plain = RULES.replace(", side: practice", "").replace(", side: belief", "")
    flags = flag("{metric: side-gap, rubric: tiny, at-least: 30}")
    assert check(rules=plain, flags=flags) == [("flags", 7, 20, "unknown-reference")]


def test_flag_ids_unique_within_file(check: Check) -> None:
    one = flag("{metric: respondents, below: 1}")
    two = one + one.split("\n", 1)[1]
    assert check(flags=two) == [("flags", 8, 9, "duplicate-id")]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"metric": "percent", "rubric": "a"}, "needs one of"),
        ({"metric": "percent", "at-least": 1}, "needs a rubric"),
        ({"metric": "gap", "rubric": "a", "perspective": "lived", "above": 1}, "leave out"),
        (
            {"metric": "respondents", "role": "staff", "perspective": "lived", "above": 1},
            "not both",
        ),
        ({"metric": "percent", "dimension": "d", "rubric": None, "above": 1}, "needs a rubric"),
        ({"metric": "people", "rubric": "a", "below": 1}, "leave out"),
        ({"metric": "people", "role": "staff", "below": 1}, "leave out"),
        ({"metric": "people", "perspective": "professional", "below": 1}, "lived experience"),
    ],
)
def test_inconsistent_conditions_are_refused(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Condition.model_validate(fields)


@pytest.mark.parametrize(
    ("bounds", "value", "holds"),
    [
        ({"at-least": 3}, 3, True),
        ({"above": 3}, 3, False),
        ({"at-most": 5}, 5.5, False),
        ({"below": 5, "at-least": 1}, 4, True),
        ({"below": 5, "at-least": 1}, 0, False),
    ],
)
def test_comparisons(bounds: dict[str, float], value: float, holds: bool) -> None:
    condition = Condition.model_validate({"metric": "respondents", **bounds})
    assert condition.holds(value) is holds


@pytest.mark.parametrize(
    ("low", "high", "holds"),
    [
        (0, math.inf, None),  # below 1: true if nobody more is there, false otherwise
        (1, math.inf, False),
        (0, 0, True),
    ],
)
def test_a_count_known_only_as_a_range(low: float, high: float, holds: bool | None) -> None:
    condition = Condition.model_validate({"metric": "people", "perspective": "lived", "below": 1})
    assert condition.holds_between(low, high) is holds


def test_same_dimension_pairs_conditions_by_dimension(check: Check) -> None:
    paired = flag(
        "{metric: percent, rubric: tiny, side: practice, at-least: 50}",
        "{metric: percent, rubric: tiny, side: belief, below: 50}",
        join="same-dimension",
    )
    assert check(rules=RULES, flags=paired) == []


def test_same_dimension_rubrics_must_share_a_dimension(check: Check) -> None:
    other = RULES.replace("id: tiny", "id: other").replace("id: open\n", "id: closed\n")
    paired = flag(
        "{metric: percent, rubric: tiny, at-least: 50}",
        "{metric: percent, rubric: other, below: 50}",
        join="same-dimension",
    )
    assert check(rules=RULES, other=other, flags=paired) == [("flags", 7, 9, "unknown-reference")]


@pytest.mark.parametrize(
    "condition",
    [
        {"metric": "percent", "rubric": "tiny", "dimension": "open", "at-least": 1},
        {"metric": "percent", "rubric": "*", "at-least": 1},
        {"metric": "respondents", "below": 1},
    ],
)
def test_same_dimension_conditions_name_one_rubric_and_no_dimension(
    condition: dict[str, object],
) -> None:
    with pytest.raises(ValidationError, match="names one rubric and no dimension"):
        When.model_validate({"same-dimension": [condition]})


def test_one_join_only() -> None:
    condition = {"metric": "respondents", "below": 1}
    with pytest.raises(ValidationError, match="exactly one of"):
        When.model_validate({"all": [condition], "same-dimension": [condition]})
