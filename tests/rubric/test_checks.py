"""Rubric checks beyond the schema, each pinned to its line and column."""

from __future__ import annotations

from collections.abc import Callable

from tests.rubric.conftest import HEAD, Found

Check = Callable[..., Found]

SCALE = """\
scale:
  - {value: 0, label: No}
  - {value: 1, label: Yes}
"""


def test_valid_rubric_has_no_problems(check: Check) -> None:
    source = HEAD + SCALE + "dimensions:\n  - id: d\n    title: D\n    questions:\n"
    source += "      - {id: q1, text: Is it so?}\n"
    assert check(r=source) == []


def test_duplicate_dimension_and_question_ids(check: Check) -> None:
    source = (
        HEAD
        + SCALE
        + """\
dimensions:
  - id: d
    title: D
    questions:
      - {id: q1, text: One}
      - {id: q1, text: Two}
  - id: d
    title: Again
    questions:
      - {id: q2, text: Three}
"""
    )
    assert check(r=source) == [("r", 15, 14, "duplicate-id"), ("r", 16, 9, "duplicate-id")]


def test_options_unique_and_at_least_two(check: Check) -> None:
    source = (
        HEAD
        + """\
dimensions:
  - id: d
    title: D
    questions:
      - id: q1
        text: One
        options:
          - {value: 1, label: A}
          - {value: 1, label: B}
      - id: q2
        text: Two
        options:
          - {value: 1, label: A}
"""
    )
    assert check(r=source) == [("r", 15, 21, "duplicate-option"), ("r", 19, 11, "too-few-options")]


def test_question_without_options_or_scale(check: Check) -> None:
    source = HEAD + "dimensions:\n  - id: d\n    title: D\n    questions:\n"
    source += "      - {id: q1, text: Is it so?}\n"
    assert check(r=source) == [("r", 11, 14, "no-options")]


def test_bands_ascending_and_covering_the_range(check: Check) -> None:
    source = (
        HEAD
        + SCALE
        + """\
scoring:
  bands:
    - {from: 0.5, label: Low}
    - {from: 0.2, label: Lower}
    - {from: 5, label: Never}
dimensions:
  - id: d
    title: D
    questions:
      - {id: q1, text: One}
"""
    )
    assert check(r=source) == [
        ("r", 12, 14, "bands-start"),
        ("r", 13, 14, "bands-order"),
        ("r", 14, 14, "bands-range"),
    ]


def test_sum_rubric_banded_by_total_is_clean(check: Check) -> None:
    questions = "".join(f"      - {{id: q{n}, text: Item {n}}}\n" for n in range(1, 21))
    source = (
        HEAD
        + """\
scale: [{value: 1, label: Never}, {value: 2, label: Rarely}, {value: 3, label: Sometimes},
        {value: 4, label: Often}, {value: 5, label: Always}]
scoring:
  method: sum
  bands:
    - {from: 20, label: Starting}
    - {from: 40, label: Developing}
    - {from: 60, label: Established}
    - {from: 80, label: Leading}
dimensions:
  - id: values
    title: Core values
    questions:
"""
        + questions
    )
    assert check(r=source) == []


def test_ladder_options_need_groups(check: Check) -> None:
    source = (
        HEAD
        + """\
scale:
  - {value: 1, label: Manipulation, group: Nonparticipation}
  - {value: 2, label: Therapy}
scoring: {method: ladder}
dimensions:
  - id: d
    title: D
    questions:
      - {id: q1, text: One}
"""
    )
    assert check(r=source) == [("r", 9, 5, "ladder-groups")]


LADDER = (
    HEAD
    + """\
scale:
  - {value: 1, label: Placation, group: Tokenism}
  - {value: 2, label: Partnership, group: Citizen power}
scoring: {method: ladder}
dimensions:
  - id: d
    title: D
    questions:
      - {id: q1, text: One}
      - id: q1-claim
        text: Is it called co-production?
        side: claim
        options: [{value: 0, label: No}, {value: 1, label: Yes}]
"""
)


def test_a_ladder_question_scored_beside_the_rung_needs_no_groups(check: Check) -> None:
    assert check(r=LADDER) == []


def test_a_ladder_area_with_only_sides_puts_every_question_on_the_rungs(check: Check) -> None:
    source = LADDER + "  - id: e\n    title: E\n    questions:\n"
    source += "      - {id: e-claim, text: Called?, side: claim}\n"
    # Area e has no rung question of its own, so no question is scored beside the rung.
    assert check(r=source) == [("r", 19, 19, "ladder-groups"), ("r", 19, 42, "ladder-groups")]


def test_checklist_needs_threshold(check: Check) -> None:
    source = (
        HEAD
        + SCALE
        + """\
scoring: {method: checklist}
dimensions:
  - id: d
    title: D
    questions:
      - {id: q1, text: One}
"""
    )
    assert check(r=source) == [("r", 10, 19, "checklist-threshold")]


def test_rubric_ids_unique_across_files(check: Check) -> None:
    body = SCALE + "dimensions:\n  - id: d\n    title: D\n    questions:\n"
    body += "      - {id: q1, text: One}\n"
    assert check(a=HEAD + body, b=HEAD + body) == [("b", 1, 5, "duplicate-id")]
