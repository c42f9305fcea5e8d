"""One typed line of `coprod assess --entry`: separators, runs, values of more than one
character, skips, counts, values that are not options, unknown roles, corrections."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_assess.answers.entry_line import (
    ROLE,
    EnteredSheet,
    LineProblem,
    SheetOrder,
    TypedLine,
    in_tens,
    value_words,
)
from coprod_assess.answers.saved import Saved
from coprod_assess.answers.session import Step
from coprod_assess.cli.options import chosen_rubrics
from coprod_assess.rubric.catalog import load_catalog
from tests.conftest import DATA

WIDE = """\
id: wide
version: 1.0.0
title: Wide scale
summary: Values of more than one character.
source: {citation: "Test (2026)."}
scale:
  - {value: 0, label: None}
  - {value: 5, label: Half}
  - {value: 10, label: All}
dimensions:
  - id: d
    title: D
    questions:
      - {id: q1, text: One.}
      - {id: q2, text: Two.}
      - id: q3
        text: Three.
        options:
          - {value: 0.5, label: A little}
          - {value: 1, label: Some}
"""


def order_of(rubric_paths: list[Path], only: list[str], short: bool = False) -> SheetOrder:
    catalog = load_catalog(rubric_paths)
    rubrics = chosen_rubrics(catalog, only, short)
    steps = [Step(r, d, q) for r in rubrics for d, q in r.questions()]
    return SheetOrder(steps, list(catalog.roles.values()))


@pytest.fixture
def sharing() -> SheetOrder:
    """The test rubric: four questions, answers 0 to 3."""
    return order_of([DATA / "rubrics"], ["sharing-power"])


@pytest.fixture
def wide(tmp_path: Path) -> SheetOrder:
    (tmp_path / "wide.yaml").write_text(WIDE, encoding="utf-8")
    return order_of([tmp_path / "wide.yaml"], ["wide"])


def sheet(order: SheetOrder, text: str) -> EnteredSheet:
    checked = order.check(order.read(text))
    assert isinstance(checked, EnteredSheet), checked
    return checked


def problems(order: SheetOrder, text: str) -> list[str]:
    checked = order.check(order.read(text))
    assert isinstance(checked, list), checked
    return [problem.message for problem in checked]


@pytest.mark.parametrize(
    "text",
    [
        "4 0 1 2 3",
        "4,0,1,2,3",
        "4, 0, 1, 2, 3",
        "  4 0,,1  2\t3  ",
        "4 0123",
        "4 01 23",
        "4,01,2,3",
    ],
)
def test_every_separator_and_runs_give_the_same_sheet(sharing: SheetOrder, text: str) -> None:
    assert sheet(sharing, text) == EnteredSheet(
        "staff", (Saved(value=0), Saved(value=1), Saved(value=2), Saved(value=3))
    )


def test_skips_and_blanks_in_words_and_in_runs(sharing: SheetOrder) -> None:
    expected = EnteredSheet(
        "family-carer", (Saved(skip="dont-know"), Saved(skip="not-applicable"), None, None)
    )
    assert sheet(sharing, "2 d n s -") == expected
    assert sheet(sharing, "2 dns-") == expected
    assert sheet(sharing, "2 D N S -") == expected
    counts = expected.counts()
    assert (counts.answered, counts.dont_know, counts.not_applicable, counts.blank) == (0, 1, 1, 2)
    assert expected.codes() == ["d", "n", "s", "s"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("staff 0 1 2 3", "staff"),
        ("Staff member 0 1 2 3", "staff"),
        ("family carer, 0123", "family-carer"),
        ("parent carer: 0 1 2 3", "family-carer"),
        ("I am paid staff 0123", "staff"),
        ("rhiant 0123", "family-carer"),  # a Welsh name, in any language
        ("11 0 1 2 3", "not-said"),
    ],
)
def test_the_role_by_number_id_label_or_another_name(
    sharing: SheetOrder, text: str, role: str
) -> None:
    assert sheet(sharing, text).role == role


def test_an_unknown_role_is_said_with_the_numbers_there_are(sharing: SheetOrder) -> None:
    assert problems(sharing, "12 0 1 2 3") == [
        "12 is not a role: start the line with the role's number, 1 to 11, or its id (? lists them)"
    ]
    assert problems(sharing, "wizard 0 1 2 3")[0].startswith("wizard is not a role")
    # The role run into the answers is not a role.
    assert problems(sharing, "40123")[0].startswith("40123 is not a role")


def test_values_of_more_than_one_character_are_never_split(wide: SheetOrder) -> None:
    assert not wide.runs
    assert sheet(wide, "1 10 5 0.5").answers == (
        Saved(value=10),
        Saved(value=5),
        Saved(value=0.5),
    )
    assert problems(wide, "1 105 0.5") == [
        "2 answers typed, 3 expected: 1 missing; answer 1 is the first that does not fit its "
        "question: look just before it for an answer left out or typed twice",
        "answer 1 (wide/q1): 105 is not an option; 0, 5, 10, d, n, s",
        "answer 2 (wide/q2): 0.5 is not an option; 0, 5, 10, d, n, s",
    ]
    # Codes do not run together either where answers have more than one character.
    assert problems(wide, "1 dn 10 1") == [
        "answer 1 (wide/q1): dn is not an option; 0, 5, 10, d, n, s"
    ]


def test_runs_are_read_only_where_every_answer_is_one_character(sharing: SheetOrder) -> None:
    assert sharing.runs
    assert sharing.read("4 3x01") == TypedLine("4", ("3x01",))  # not a run: one bad answer
    assert sharing.read("4 3d-1") == TypedLine("4", ("3", "d", "-", "1"))


def test_too_few_and_too_many_say_by_how_many_and_where(sharing: SheetOrder) -> None:
    assert problems(sharing, "4 0 1 2") == ["3 answers typed, 4 expected: 1 missing"]
    assert problems(sharing, "4 0 1 2 3 3 1") == [
        "6 answers typed, 4 expected: 2 too many (5 on: 3 1)"
    ]
    assert problems(sharing, "4") == ["0 answers typed, 4 expected: 4 missing"]


def test_every_bad_value_is_named_with_its_question_and_options(sharing: SheetOrder) -> None:
    assert problems(sharing, "wizard 7 1 x 2.5") == [
        "wizard is not a role: start the line with the role's number, 1 to 11, or its id "
        "(? lists them)",
        "answer 1 (sharing-power/money-1): 7 is not an option; 0 to 3, d, n, s",
        "answer 3 (sharing-power/decisions-1): x is not an option; 0 to 3, d, n, s",
        "answer 4 (sharing-power/decisions-2): 2.5 is not an option; 0 to 3, d, n, s",
    ]
    checked = sharing.check(sharing.read("wizard 7 1 x 2.5"))
    assert isinstance(checked, list)
    assert [p.number for p in checked] == [ROLE, 1, 3, 4]


def test_the_four_frameworks_short_form_in_runs() -> None:
    order = order_of([], [], short=True)
    assert order.total == 49 and order.runs
    answers = "0" * 15 + "2" * 7 + "3" * 14 + "4" * 6 + "7" * 7
    entered = sheet(order, f"3 {answers[:10]} {answers[10:30]} {answers[30:]}")
    assert entered.role == "community-member"
    assert "".join(entered.codes()) == answers
    # A yes/no claim takes its values, 0 and 1.
    assert problems(order, "3 02" + answers[2:]) == [
        "answer 2 (arnstein-ladder/defining-problems-claim): 2 is not an option; 0, 1, d, n, s"
    ]


def test_a_claim_takes_0_or_1_and_a_ladder_its_own_values() -> None:
    order = order_of([], ["arnstein-ladder"])
    assert problems(order, "1 " + "0" * 11 + "2" + "0" * 4) == [
        "answer 12 (arnstein-ladder/governance-2): 2 is not an option; 0, 1, 3 to 8, d, n, s"
    ]
    assert problems(order, "1 " + "0" * 12 + "8" + "0" * 3) == [
        "answer 13 (arnstein-ladder/governance-chosen): 8 is not an option; 0 to 2, d, n, s"
    ]


def test_corrections_change_single_answers_and_the_role(sharing: SheetOrder) -> None:
    line = sharing.read("wizard 7 1 x 2")
    fixes = sharing.corrections("1=3, 3=d r=5")
    assert fixes is not None and not fixes.problems
    assert fixes.fixes == ((1, "3"), (3, "d"), (ROLE, "5"))
    fixed = sharing.corrected(line, fixes.fixes)
    assert fixed == TypedLine("5", ("3", "1", "d", "2"))
    assert sharing.check(fixed) == EnteredSheet(
        "manager", (Saved(value=3), Saved(value=1), Saved(skip="dont-know"), Saved(value=2))
    )


def test_corrections_cannot_add_answers_and_must_look_like_one(sharing: SheetOrder) -> None:
    assert sharing.corrections("4 0 1 2 3") is None  # a whole line
    fixes = sharing.corrections("12=3 x 3:2")
    assert fixes is not None
    assert [p.message for p in fixes.problems] == [
        "x is not a correction: write one as 12=3",
        "3:2 is not a correction: write one as 12=3",
    ]
    short = sharing.read("4 0 1 2")
    assert sharing.corrected(short, ((4, "3"),)) == [
        LineProblem(
            4,
            "answer 4 was not typed (the line has 3): an answer left out or typed twice needs "
            "the line typed again",
        )
    ]
    # A correction is one answer: a run is not split there.
    still = sharing.corrected(sharing.read("4 0 1 2 3"), ((2, "12"),))
    assert isinstance(still, TypedLine)
    assert problems(sharing, "4 0 12 2 3")[0].startswith("5 answers typed")
    checked = sharing.check(still)
    assert isinstance(checked, list)
    assert [p.message for p in checked] == [
        "answer 2 (sharing-power/money-2): 12 is not an option; 0 to 3, d, n, s"
    ]


def test_the_blocks_of_the_key_and_the_groups_of_ten() -> None:
    order = order_of([], [], short=True)
    assert [(b.first, b.last, b.values) for b in order.blocks()] == [
        (1, 15, "0 to 8"),
        (16, 22, "0 to 4"),
        (23, 36, "0 to 4"),
        (37, 42, "0 to 4"),
        (43, 49, "1 to 7"),
    ]
    assert in_tens([str(n % 10) for n in range(12)]) == [
        (1, 10, "0 1 2 3 4 5 6 7 8 9"),
        (11, 12, "0 1"),
    ]
    assert value_words([0, 0.5, 1, 2, 3, 10]) == ["0", "0.5", "1 to 3", "10"]


def test_rubrics_asked_in_the_order_given_make_their_blocks(tmp_path: Path) -> None:
    (tmp_path / "wide.yaml").write_text(WIDE, encoding="utf-8")
    order = order_of([DATA / "rubrics", tmp_path / "wide.yaml"], ["wide", "sharing-power"])
    assert [(b.first, b.last, b.title, b.values) for b in order.blocks()] == [
        (1, 3, "Wide scale", "0, 0.5, 1, 5, 10"),
        (4, 7, "Sharing power (test rubric)", "0 to 3"),
    ]
    assert not order.runs  # one rubric's values of more than one character: spaces for all
