"""`coprod report` through the CLI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from tests.conftest import DATA

Run = Callable[..., Result]
HOSTILE = str(DATA / "answers" / "hostile.yaml")
RUBRICS = str(DATA / "rubrics")


def test_html_report_next_to_the_answers_by_default(
    cli: Run, write: Callable[..., Path], tmp_path: Path
) -> None:
    answers = write("workshop.yaml", (DATA / "answers" / "workshop.yaml").read_text())
    result = cli("report", str(answers), "--rubric", RUBRICS)
    assert result.exit_code == 0, result.output
    report = tmp_path / "workshop-report.html"
    assert result.stdout.strip() == f"Wrote {report}"
    assert report.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_markdown_from_the_suffix(cli: Run, tmp_path: Path) -> None:
    result = cli("report", HOSTILE, "--rubric", RUBRICS, "-o", "out.md")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.md").read_text(encoding="utf-8").startswith("# ")


def test_show_names(cli: Run, tmp_path: Path) -> None:
    cli("report", HOSTILE, "--rubric", RUBRICS, "-o", "plain.md")
    cli("report", HOSTILE, "--rubric", RUBRICS, "-o", "named.md", "--show-names")
    assert "Zebedee" not in (tmp_path / "plain.md").read_text(encoding="utf-8")
    assert "Zebedee Secretname" in (tmp_path / "named.md").read_text(encoding="utf-8")


def test_report_from_a_result_file(cli: Run, tmp_path: Path) -> None:
    assert cli("score", HOSTILE, "--rubric", RUBRICS, "-o", "result.json").exit_code == 0
    result = cli("report", "result.json", "-o", "from-result.md", "--show-names")
    assert result.exit_code == 0, result.output
    assert "Names are not kept in result files" in result.stderr
    assert "Zebedee" not in (tmp_path / "from-result.md").read_text(encoding="utf-8")


def test_min_group(cli: Run, tmp_path: Path) -> None:
    cli("report", HOSTILE, "--rubric", RUBRICS, "-o", "strict.md", "--min-group", "4")
    text = (tmp_path / "strict.md").read_text(encoding="utf-8")
    assert "are not compared: each needs answers from at least 4 people" in text


def test_missing_template_dir(cli: Run) -> None:
    result = cli("report", HOSTILE, "--rubric", RUBRICS, "--template-dir", "nowhere")
    assert result.exit_code == 1
    assert "nowhere: error[template-dir] no such folder" in result.stderr


def test_broken_answers(cli: Run, write: Callable[..., Path]) -> None:
    path = write("bad.yaml", "respondents:\n  - {id: r1, role: wizard}\n")
    result = cli("report", str(path))
    assert result.exit_code == 1
    assert "bad.yaml:2:20: error[unknown-role]" in result.stderr
