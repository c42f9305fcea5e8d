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


def _checked_demo(write: Callable[..., Path], **assessment: object) -> Path:
    import yaml

    from tests.report.test_participants import checked_demo

    return write("answers.yaml", yaml.safe_dump(checked_demo(**assessment), sort_keys=False))


def test_participants_report_next_to_the_answers(
    cli: Run, write: Callable[..., Path], tmp_path: Path
) -> None:
    answers = _checked_demo(write)
    result = cli("report", str(answers), "--for", "participants")
    assert result.exit_code == 0, result.output
    page = tmp_path / "answers-participants.html"
    assert result.stdout.strip() == f"Wrote {page}"
    text = page.read_text(encoding="utf-8")
    assert "<h1>What we said about Riverside Parent Carer Forum (sample)</h1>" in text
    assert "Pay people for their time and travel from April." in text
    assert "Most people said this is true." in text
    assert not (tmp_path / "answers-report.html").exists()


def test_participants_report_in_markdown(cli: Run, write: Callable[..., Path]) -> None:
    answers = _checked_demo(write, next_steps=[], contact="")
    result = cli("report", str(answers), "--for", "participants", "--format", "md")
    assert result.exit_code == 0, result.output
    text = (answers.parent / "answers-participants.md").read_text(encoding="utf-8")
    assert text.startswith("# What we said about Riverside Parent Carer Forum (sample)\n")
    assert "The service has not said yet what it will do next." in text
    assert "**Ask the person who ran the session.**" in text


def test_participants_report_from_a_result_file(
    cli: Run, write: Callable[..., Path], tmp_path: Path
) -> None:
    answers = _checked_demo(write)
    assert cli("score", str(answers), "-o", "r.json").exit_code == 0
    result = cli("report", "r.json", "--for", "participants", "-o", "people.md")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "people.md").read_text(encoding="utf-8")
    assert "\n- Ask parents to help set the board's agenda.\n" in text
    assert "Half of the people said this is true. But most staff said it is not true." in text
    assert "sam@riverside\\.example" in text


def test_participants_report_min_group(cli: Run, write: Callable[..., Path]) -> None:
    answers = _checked_demo(write)
    result = cli("report", str(answers), "--for", "participants", "-o", "p.md", "--min-group", "11")
    assert result.exit_code == 0, result.output
    text = (answers.parent / "p.md").read_text(encoding="utf-8")
    # Ten people answered: at 11 no finding may be drawn, so none the room checked is shown.
    assert "Too few people answered for us to say more without showing what one" in text
    assert "said this is" not in text


def test_participants_report_refuses_show_names(cli: Run, write: Callable[..., Path]) -> None:
    answers = _checked_demo(write)
    result = cli("report", str(answers), "--for", "participants", "--show-names")
    assert result.exit_code == 2
    assert "the participants' report never names anyone: leave out --show-names" in result.stderr
    assert not (answers.parent / "answers-participants.html").exists()


def test_unknown_audience(cli: Run) -> None:
    result = cli("report", HOSTILE, "--rubric", RUBRICS, "--for", "funders")
    assert result.exit_code == 2
    assert "Invalid value for '--for'" in result.stderr
    assert "'funders' is not one of 'board', 'participants'" in result.stderr


def test_participants_template_dir(cli: Run, write: Callable[..., Path]) -> None:
    answers = _checked_demo(write)
    write("mine/participants.md.j2", "Ours: {{ report.organisation }}\n")
    result = cli(
        "report", str(answers), "--for", "participants", "-o", "p.md", "--template-dir", "mine"
    )
    assert result.exit_code == 0, result.output
    assert (answers.parent / "p.md").read_text(encoding="utf-8") == (
        "Ours: Riverside Parent Carer Forum (sample)\n"
    )
