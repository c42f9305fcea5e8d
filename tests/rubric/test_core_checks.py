"""The short form's check: one core question per dimension, and per side, at its line."""

from __future__ import annotations

from collections.abc import Callable

from tests.rubric.conftest import HEAD, Found

Check = Callable[..., Found]

SCALE = """\
scale:
  - {value: 0, label: No}
  - {value: 1, label: Yes}
"""


def test_no_core_question_anywhere_is_no_problem(check: Check) -> None:
    source = HEAD + SCALE + "dimensions:\n  - id: d\n    title: D\n    questions:\n"
    source += "      - {id: q1, text: Is it so?}\n      - {id: q2, text: Or so?}\n"
    assert check(r=source) == []


def test_dimension_without_core_question_at_its_id(check: Check) -> None:
    source = (
        HEAD
        + SCALE
        + """\
dimensions:
  - id: money
    title: Money
    questions:
      - {id: money-1, text: One, core: true}
      - {id: money-2, text: Two}
  - title: Decisions
    id: decisions
    questions:
      - {id: decisions-1, text: Three}
"""
    )
    assert check(r=source) == [("r", 17, 9, "core-missing")]


def test_each_side_needs_its_core_question(check: Check) -> None:
    source = (
        HEAD
        + SCALE
        + """\
dimensions:
  - id: rule
    title: Rule
    questions:
      - {id: rule-1, text: We do it., side: practice, core: true}
      - {id: rule-2, text: We believe it., side: belief}
      - {id: rule-3, text: We do it often., side: practice}
  - id: other
    title: Other
    questions:
      - {id: other-1, text: We do it., side: practice, core: true}
      - {id: other-2, text: We believe it., side: belief, core: true}
"""
    )
    assert check(r=source) == [("r", 11, 9, "core-missing")]


def test_second_core_question_at_its_core_key(check: Check) -> None:
    source = (
        HEAD
        + SCALE
        + """\
dimensions:
  - id: money
    title: Money
    questions:
      - id: money-1
        text: One
        core: true
      - id: money-2
        text: Two
        core: true
      - id: money-3
        text: Three
        core: false
"""
    )
    assert check(r=source) == [("r", 19, 15, "core-extra")]


def test_core_must_be_true_or_false(check: Check) -> None:
    source = HEAD + SCALE + "dimensions:\n  - id: d\n    title: D\n    questions:\n"
    source += "      - {id: q1, text: Is it so?, core: 'yes'}\n"
    assert check(r=source) == [("r", 14, 41, "invalid")]


def test_questions_with_no_side_beside_sided_ones_need_their_own(check: Check) -> None:
    source = (
        HEAD
        + SCALE
        + """\
dimensions:
  - id: money
    title: Money
    questions:
      - {id: money-1, text: Who decides?}
      - {id: money-claim, text: Is it called co-production?, side: claim, core: true}
"""
    )
    assert check(r=source) == [("r", 11, 9, "core-missing")]
