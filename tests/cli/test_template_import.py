"""`coprod template` and `coprod import` through the CLI, and the two commands to a report."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import yaml
from typer.testing import Result

from tests.conftest import DATA

Run = Callable[..., Result]
RUBRICS = ["--rubric", str(DATA / "rubrics")]
IMPORTS = DATA / "imports"


def test_blank_yaml_lists_every_question_with_its_options(cli: Run, tmp_path: Path) -> None:
    result = cli("template", *RUBRICS, "--only", "sharing-power", "-o", "blank.yaml")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "blank.yaml").read_text(encoding="utf-8")
    assert "        # People who use the service help set the budget.\n" in text
    assert "        #   0 = Not yet, 1 = Emerging, 2 = Established, 3 = Embedded\n" in text
    assert "        money-1:\n" in text
    assert "    #   family-carer (Family member or carer)\n" in text
    filled = text.replace('role: ""', "role: staff").replace("money-1:\n", "money-1: 2\n")
    (tmp_path / "filled.yaml").write_text(filled, encoding="utf-8")
    scored = cli("score", "filled.yaml", *RUBRICS, "--min-coverage", "10", "--format", "json")
    assert scored.exit_code == 0, scored.output


def test_blank_template_points_at_the_empty_role(cli: Run, tmp_path: Path) -> None:
    cli("template", *RUBRICS, "--only", "sharing-power", "-o", "blank.yaml")
    result = cli("score", "blank.yaml", *RUBRICS)
    assert result.exit_code == 1
    assert "blank.yaml:25:11: error[invalid] respondents[0].role" in result.stderr


def test_csv_header_imports_back_cleanly(cli: Run, tmp_path: Path) -> None:
    header = cli("template", "--format", "csv").stdout
    columns = next(csv.reader(io.StringIO(header)))
    assert columns[:2] == ["Role", "Name"]
    assert columns[2].startswith("[")
    row = ["Staff member", "Ann", "2"] + [""] * (len(columns) - 3)
    buffer = io.StringIO()
    csv.writer(buffer).writerows([columns, row])
    (tmp_path / "form.csv").write_text(buffer.getvalue(), encoding="utf-8")
    result = cli("import", "form.csv", "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    (person,) = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))["respondents"]
    assert (person["role"], person["name"]) == ("staff", "Ann")


def test_question_sheets(cli: Run, tmp_path: Path) -> None:
    md = cli("template", "--format", "md", "--only", "nef-six-principles").stdout
    assert md.startswith("# Question sheet")
    assert "- [ ] Family member or carer" in md
    assert (
        "**1. Staff ask people what they are good at, not only what they need.** (assets-1)" in md
    )
    assert "- [ ] Don't know" in md
    assert cli("template", "--format", "html", "-o", "sheet.html").exit_code == 0
    html = (tmp_path / "sheet.html").read_text(encoding="utf-8")
    assert html.count('class="question"') == 69


def test_two_commands_from_export_to_report(cli: Run, tmp_path: Path) -> None:
    export = str(IMPORTS / "microsoft-forms.csv")
    imported = cli(
        "import",
        export,
        *RUBRICS,
        "--only",
        "sharing-power",
        "-o",
        "a.yaml",
        "--organisation",
        "Forum",
        "--period",
        "2026",
    )
    assert imported.exit_code == 0, imported.output
    assert "Imported 4 respondents (15 answers) into a.yaml. Next: coprod report a.yaml" in (
        imported.stdout
    )
    assert "warning[unmatched-column] column 'Any other comments?'" in imported.stderr
    report = cli("report", "a.yaml", *RUBRICS)
    assert report.exit_code == 0, report.output
    assert (tmp_path / "a-report.html").read_text(encoding="utf-8").count("<h1>Forum</h1>") == 1


def test_strict_import_writes_nothing(cli: Run, tmp_path: Path) -> None:
    result = cli(
        "import",
        str(IMPORTS / "google-forms.csv"),
        *RUBRICS,
        "--only",
        "sharing-power",
        "--strict",
        "-o",
        "a.yaml",
    )
    assert result.exit_code == 1
    assert "google-forms.csv:4:7: error[unmatched-answer] 'Sometimes' is not an option" in (
        result.stderr
    )
    assert "Nothing written" in result.stderr
    assert not (tmp_path / "a.yaml").exists()


def test_broken_mapping_file(cli: Run, write: Callable[..., Path]) -> None:
    mapping = write("map.yaml", "columns: {a: b}\nroles: {Parent: Family Carer}\n")
    result = cli("import", str(IMPORTS / "google-forms.csv"), *RUBRICS, "--mapping", str(mapping))
    assert result.exit_code == 1
    assert "map.yaml:2:17: error[invalid] roles.Parent" in result.stderr


def test_missing_export(cli: Run) -> None:
    result = cli("import", "nowhere.csv")
    assert result.exit_code == 1
    assert "nowhere.csv: error[file-missing]" in result.stderr
