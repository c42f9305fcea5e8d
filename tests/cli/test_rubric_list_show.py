"""`coprod rubric list` and `coprod rubric show`."""

from __future__ import annotations

from collections.abc import Callable

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
