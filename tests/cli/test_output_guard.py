"""No command writes over an answers file or over its own input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import DATA

Run = Callable[..., Result]
ANSWERS = DATA / "answers" / "workshop.yaml"
RUBRICS = ["--rubric", str(DATA / "rubrics")]


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "a.yaml"
    path.write_text(ANSWERS.read_text(encoding="utf-8"), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["score", "a.yaml", "-o", "a.yaml"],
        ["score", "a.yaml", "-o", "other.yaml"],
        ["report", "a.yaml", "-o", "other.yaml", "--format", "md"],
        ["diff", "a.yaml", "a.yaml", "-o", "other.yaml", "--format", "md"],
        ["trend", "a.yaml", "-o", "other.yaml", "--format", "md"],
        ["template", "-o", "other.yaml"],
        ["assess", "a.yaml", "--report", "other.yaml"],
    ],
)
def test_answers_are_never_written_over(
    cli: Run, answers: Path, tmp_path: Path, args: list[str]
) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(answers.read_text(encoding="utf-8"), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in (answers, other)}
    result = cli(*args, *RUBRICS, input="q\n")
    assert result.exit_code == 1, result.output
    assert "error[output-is-input]" in result.stderr or "error[output-holds-answers]" in (
        result.stderr
    )
    assert {p.name: p.read_bytes() for p in (answers, other)} == before


def test_a_result_file_can_be_written_again(cli: Run, answers: Path, tmp_path: Path) -> None:
    assert cli("score", "a.yaml", *RUBRICS, "-o", "r.yaml").exit_code == 0
    assert cli("score", "a.yaml", *RUBRICS, "-o", "r.yaml").exit_code == 0
    assert "respondents:" in (tmp_path / "r.yaml").read_text(encoding="utf-8")  # its mix


def test_the_demo_never_replaces_a_real_workshop(cli: Run, answers: Path, tmp_path: Path) -> None:
    workshop = tmp_path / "coprod-answers.yaml"
    workshop.write_text(answers.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("demo", ".")
    assert result.exit_code == 1
    assert "holds answers the demo did not write" in result.stderr
    assert workshop.read_text(encoding="utf-8") == answers.read_text(encoding="utf-8")
    assert cli("demo", "sample").exit_code == 0
    assert cli("demo", "sample").exit_code == 0  # its own sample, written again
    assert cli("demo", ".", "--force").exit_code == 0


@pytest.mark.parametrize(
    "victim",
    [
        '{"respondents": [{"id": "r1", "role": "staff", "answers": {}}]}\n',
        "{respondents: [{id: r1, role: staff}]}\n",
        '"respondents":\n  - {id: r1, role: staff}\n',
        "\ufeffrespondents:\n  - {id: r1, role: staff}\n",
        "? respondents\n: - {id: r1, role: staff}\n",
        "# " + "x" * 80 + "\n" * 1 + ("# comment\n" * 150_000) + "respondents:\n  - {id: r1}\n",
    ],
    ids=["json", "flow", "quoted", "bom", "explicit-key", "after-1-MB-of-comments"],
)
def test_answers_in_any_layout_are_never_written_over(
    cli: Run, answers: Path, tmp_path: Path, victim: str
) -> None:
    target = tmp_path / "victim.yaml"
    target.write_text(victim, encoding="utf-8")
    result = cli("score", "a.yaml", *RUBRICS, "-o", "victim.yaml", "--format", "json")
    assert result.exit_code == 1
    assert "error[output-holds-answers]" in result.stderr
    assert target.read_text(encoding="utf-8") == victim


def test_the_demo_keeps_people_added_to_its_sample(cli: Run, tmp_path: Path) -> None:
    assert cli("demo", "sample").exit_code == 0
    sample = tmp_path / "sample" / "coprod-answers.yaml"
    sample.write_text(
        sample.read_text(encoding="utf-8") + "- {id: r11, role: staff, name: Real Person}\n",
        encoding="utf-8",
    )
    result = cli("demo", "sample")
    assert result.exit_code == 1 and "changed since" in result.stderr
    assert "Real Person" in sample.read_text(encoding="utf-8")
