"""`coprod rubric list` and `coprod rubric show`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from tests.conftest import DATA

Run = Callable[..., Result]


def test_list_shows_added_rubrics_and_roles(cli: Run) -> None:
    result = cli("rubric", "list", "--rubric", str(DATA / "rubrics"))
    assert result.exit_code == 0
    assert "sharing-power" in result.stdout
    assert "Added from sharing-power:" in result.stdout
    assert "family-carer" in result.stdout
    for framework in ("arnstein-ladder", "nef-six-principles", "hunter-ritchie-rules"):
        assert framework in result.stdout


def test_show_lays_out_a_rubric(cli: Run) -> None:
    result = cli("rubric", "show", "sharing-power", "--rubric", str(DATA / "rubrics"))
    assert result.exit_code == 0
    out = result.stdout
    assert "Sharing power (test rubric)" in out
    assert "Source: Test, A. (2026) A rubric for tests. Nowhere Press." in out
    assert "1. Money (money)" in out
    assert "Question 2: People are paid for their time. (money-2)" in out
    assert "Question 3 (practice): Decisions are made together. (decisions-1)" in out
    assert "- Agree a payment policy with the people involved." in out
    assert "Scores run from 0 to 3." in out


def test_show_unknown_id_is_a_clear_error(cli: Run) -> None:
    result = cli("rubric", "show", "no-such-thing")
    assert result.exit_code == 1
    assert "no-such-thing: error[unknown-rubric] no rubric has this id" in result.stderr


def test_broken_added_rubric_is_reported_at_its_line(cli: Run) -> None:
    result = cli("rubric", "list", "--rubric", str(DATA / "broken" / "10-bad-weight.yaml"))
    assert result.exit_code == 1
    assert "10-bad-weight.yaml:15:37: error[invalid]" in result.stderr
    assert "Traceback" not in result.output


def test_show_the_ladder_for_a_facilitator(cli: Run) -> None:
    result = cli("rubric", "show", "arnstein-ladder")
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert "8. Citizen control [Citizen power]" in out
    assert "3. Money and budgets (money)" in out
    assert "What to do if this is weak:" in out


def test_show_numbers_options_by_their_value(cli: Run, write: Callable[..., Path]) -> None:
    folder = write(
        "own/values.yaml",
        """
        id: values
        version: 1.0.0
        title: Values
        summary: Options numbered by value, not by place.
        source: {citation: "Test (2026)."}
        scale:
          - {value: 10, label: Rarely}
          - {value: 20, label: Often}
          - {value: 1000000, label: Always}
        dimensions:
          - id: d
            title: D
            questions:
              - {id: q, text: Q}
              - id: r
                text: R
                options: [{value: 0.5, label: Half}, {value: 2, label: Two}]
        """,
    ).parent
    out = cli("rubric", "show", "values", "--rubric", str(folder)).stdout
    assert "  10. Rarely\n  20. Often\n  1000000. Always\n" in out
    assert "     0.5. Half\n     2. Two\n" in out
    nef = cli("rubric", "show", "nef-six-principles").stdout
    assert "  0. Not yet: " in nef and "  4. " in nef
    assert "  1. Not yet" not in nef


def test_list_shows_each_rubric_length_full_and_short(cli: Run) -> None:
    added = ["--rubric", str(DATA / "short"), "--rubric", str(DATA / "rubrics")]
    result = cli("rubric", "list", *added)
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert "How long each takes (full form / short form)" in lines
    rows = [[cell.strip() for cell in line.split("│")[1:-1]] for line in lines]
    assert ["core-power", "5 / 3", "66 / 53", "1 / 1"] in rows
    # No question of sharing-power is core: it has no short form.
    assert ["sharing-power", "4 / -", "59 / -", "1 / -"] in rows
    assert any(row[:1] == ["all"] for row in rows)
    text = " ".join(result.stdout.split())
    assert "Words on screen: questions, help and answer options (a shared scale once)." in text
    assert "Minutes at 200 words a minute." in text


def test_show_marks_the_core_questions(cli: Run) -> None:
    result = cli("rubric", "show", "core-power", "--rubric", str(DATA / "short"))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Question 1 (core: in the short form): People who use the service help" in out
    assert "Question 2: People are paid for their time. (money-2)" in out
    assert "Question 3 (practice, core: in the short form): Decisions are made together." in out
    assert "Question 5 (practice): Disagreements are settled in an agreed way." in out
