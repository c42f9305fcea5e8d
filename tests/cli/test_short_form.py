"""`--short` on `template` and `import`: the core questions, the form recorded, clear refusals."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import yaml
from typer.testing import Result

from tests.conftest import DATA

Run = Callable[..., Result]
SHORT = ["--rubric", str(DATA / "short"), "--only", "core-power", "--short"]
CORE = ["money-1", "decisions-1", "decisions-2"]


def test_blank_yaml_of_the_short_form(cli: Run, tmp_path: Path) -> None:
    result = cli("template", *SHORT, "-o", "blank.yaml")
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((tmp_path / "blank.yaml").read_text(encoding="utf-8"))
    assert data["assessment"]["form"] == "short"
    assert list(data["respondents"][0]["answers"]["core-power"]) == CORE


def test_question_sheets_of_the_short_form(cli: Run) -> None:
    markdown = cli("template", *SHORT, "--format", "md").stdout
    assert markdown.startswith("# Question sheet (short form)\n")
    assert "(money-1)" in markdown and "(money-2)" not in markdown
    html = cli("template", *SHORT, "--format", "html").stdout
    assert "Question sheet (short form)" in html
    assert "Disagreements are settled" not in html  # decisions-3 is not core
    full = cli("template", *SHORT[:-1], "--format", "md")
    assert full.stdout.startswith("# Question sheet\n") and "(money-2)" in full.stdout


def test_csv_of_the_short_form_imports_back_as_the_short_form(cli: Run, tmp_path: Path) -> None:
    template = list(csv.DictReader(io.StringIO(cli("template", *SHORT, "--format", "csv").stdout)))
    assert [row["Question id"] for row in template[2:-1]] == CORE
    columns = [row["Form question"] for row in template[:-1]]
    buffer = io.StringIO()
    csv.writer(buffer).writerows([columns, ["Staff member", "", "2", "1", "3"]])
    (tmp_path / "form.csv").write_text(buffer.getvalue(), encoding="utf-8")
    result = cli("import", "form.csv", *SHORT, "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    assert "\n  form: short\n" in text
    scored = cli("score", "a.yaml", "--rubric", str(DATA / "short"), "--format", "json")
    assert scored.exit_code == 0, scored.output
    assert '"form": "short"' in scored.stdout


def test_import_of_a_full_form_with_short_keeps_other_answers_unscored(
    cli: Run, tmp_path: Path
) -> None:
    rows = "Role,money-1,money-2\nStaff member,2,3\n"
    (tmp_path / "form.csv").write_text(rows, encoding="utf-8")
    assert cli("import", "form.csv", *SHORT, "-o", "a.yaml").exit_code == 0
    data = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))
    assert data["respondents"][0]["answers"]["core-power"] == {"money-1": 2, "money-2": 3}
    scored = cli("score", "a.yaml", "--rubric", str(DATA / "short"), "--min-group", "1")
    assert scored.exit_code == 0, scored.output
    assert scored.stderr == (
        "a.yaml:7:9: warning[outside-short-form] 1 answer to core-power questions outside its "
        "short form: kept in the file, but not scored, as the short form asks only the core "
        "questions\n"
    )


def test_append_of_a_short_form_to_a_full_file_is_refused(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "form.csv").write_text("Role,money-1\nStaff member,2\n", encoding="utf-8")
    full = ["--rubric", str(DATA / "short"), "--only", "core-power"]
    assert cli("import", "form.csv", *full, "-o", "a.yaml").exit_code == 0
    result = cli("import", "form.csv", *SHORT, "-o", "a.yaml", "--append")
    assert result.exit_code == 1
    assert "error[assessment-differs] the form differs: the full form in a.yaml" in result.stderr


def test_short_on_a_rubric_without_core_questions_is_a_usage_error(cli: Run) -> None:
    for command in ("template", "import"):
        args = ["form.csv"] if command == "import" else []
        result = cli(
            command,
            *args,
            "--rubric",
            str(DATA / "rubrics"),
            "--only",
            "sharing-power",
            "--short",
        )
        assert result.exit_code == 2, result.output
        message = " ".join(result.stderr.replace("│", " ").split())
        assert (
            "Invalid value for --short: rubric 'sharing-power' has no short form (no question "
            "is marked `core: true`): leave it out of --only, or leave out --short to ask the "
            "full form" in message
        )


def test_short_leaves_out_rubrics_without_one_with_a_warning(cli: Run) -> None:
    added = ["--rubric", str(DATA / "short"), "--rubric", str(DATA / "rubrics")]
    result = cli("template", *added, "--short", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert (
        "sharing-power.yaml: warning[no-short-form] rubric 'sharing-power' has no short form "
        "(no question is marked `core: true`): left out of the short form" in result.stderr
    )
    assert "the service help set the budget." in result.stdout  # money-1, core
    assert "People are paid for their time." not in result.stdout  # money-2


def test_an_unknown_form_is_an_error_at_its_line(cli: Run, write: Callable[..., Path]) -> None:
    write(
        "a.yaml",
        """
        assessment:
          form: brief
        respondents: []
        """,
    )
    result = cli("score", "a.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith("a.yaml:2:9: error[invalid] assessment.form:")
    assert "'full' or 'short'" in result.stderr


def test_reports_say_the_short_form_was_asked(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "form.csv").write_text("Role,money-1\nStaff member,2\n", encoding="utf-8")
    assert cli("import", "form.csv", *SHORT, "-o", "a.yaml").exit_code == 0
    added = ["--rubric", str(DATA / "short"), "--min-group", "1"]
    for suffix in ("md", "html"):
        result = cli("report", "a.yaml", *added, "-o", f"report.{suffix}")
        assert result.exit_code == 0, result.output
        text = " ".join((tmp_path / f"report.{suffix}").read_text(encoding="utf-8").split())
        assert "1 person answered · short form: the core questions only" in text
    assert cli("import", "form.csv", *SHORT[:-1], "-o", "b.yaml").exit_code == 0
    assert cli("report", "b.yaml", *added, "-o", "b.md").exit_code == 0
    assert "the core questions only" not in (tmp_path / "b.md").read_text(encoding="utf-8")


def test_short_csv_tags_an_id_that_clashes_with_a_question_left_out(
    cli: Run, write: Callable[..., Path], tmp_path: Path
) -> None:
    head = 'version: 1.0.0\ntitle: T\nsummary: S.\nsource: {citation: "C (2026)."}\n'
    head += "scale: [{value: 0, label: No}, {value: 1, label: Yes}]\n"
    write(
        "own/a.yaml",
        f"id: a\n{head}dimensions:\n  - id: d\n    title: D\n    questions:\n"
        "      - {id: x, text: First?, core: true}\n",
    )
    write(
        "own/b.yaml",
        f"id: b\n{head}dimensions:\n  - id: d\n    title: D\n    questions:\n"
        "      - {id: x, text: Second?}\n      - {id: y, text: Third?, core: true}\n",
    )
    own = ["--rubric", str(tmp_path / "own"), "--only", "a", "--only", "b", "--short"]
    template = csv.DictReader(io.StringIO(cli("template", *own, "--format", "csv").stdout))
    columns = [row["Form question"] for row in template]
    assert columns[2:-1] == ["[a/x] First?", "[y] Third?"]
    header = ",".join(columns[:-1]) + "\n"
    (tmp_path / "form.csv").write_text(header + "Staff member,,1,0\n", encoding="utf-8")
    result = cli("import", "form.csv", *own, "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    answers = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))
    assert answers["respondents"][0]["answers"] == {"a": {"x": 1}, "b": {"y": 0}}


ASK = ["--organisation", "Forum", "--period", "2026", "--plain"]


def test_assess_short_asks_the_core_questions_and_records_the_form(
    cli: Run, tmp_path: Path
) -> None:
    typed = "\n".join(["", "staff", "1", "2", "3", "n"]) + "\n"
    result = cli("assess", "a.yaml", *SHORT, *ASK, "--role", "staff", input=typed)
    assert result.exit_code == 0, result.output
    assert "question 1 of 3" in result.stdout and "question 4 of" not in result.stdout
    data = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))
    assert data["assessment"]["form"] == "short"
    assert data["respondents"][0]["answers"]["core-power"] == dict(
        zip(CORE, [1, 2, 3], strict=True)
    )
    # Carrying on without --short keeps the form the file was asked.
    again = cli(
        "assess",
        "a.yaml",
        "--rubric",
        str(DATA / "short"),
        "--only",
        "core-power",
        *ASK,
        "--role",
        "staff",
        input="\n1\nq\n",
    )
    assert "question 1 of 3" in again.stdout


def test_the_short_form_is_not_mixed_into_a_full_form_file(cli: Run, tmp_path: Path) -> None:
    full = ["--rubric", str(DATA / "short"), "--only", "core-power", *ASK, "--role", "staff"]
    cli("assess", "a.yaml", *full, input="\n1\nq\n")
    before = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    result = cli("assess", "a.yaml", *full, "--short", input="\n1\nq\n")
    assert result.exit_code == 1
    assert result.stderr.startswith("a.yaml: error[mixed-forms] was asked the full form")
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == before
    served = cli("workshop", "a.yaml", *SHORT, "--organisation", "Forum", "--local")
    assert served.exit_code == 1
    assert "error[mixed-forms]" in served.stderr
