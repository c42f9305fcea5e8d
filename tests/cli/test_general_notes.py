"""Anything else a person said (`note:` on a respondent), through every command that reads
or writes answers: kept by the questionnaire, merge and result files, shown by reports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml
from typer.testing import Result

from tests.conftest import DATA

Run = Callable[..., Result]
RUBRICS = ["--rubric", str(DATA / "rubrics")]
BASE = [*RUBRICS, "--only", "sharing-power"]

STARTED = """\
# Typed in from the forms on Tuesday.
assessment:
  organisation: Forum
  period: "2026"
  date: "2026-11-22"
  rubrics: {sharing-power: 1.0.0}
respondents:
  - id: r1
    role: staff
    answers:
      sharing-power:
        money-1: 2
        money-2: 1
    note: "We never see the budget papers."
  - id: r2
    role: family-carer
    note: |
      Evening meetings would help.
      So would a crèche.
    answers:
      sharing-power: {money-1: 0, money-2: 1}
"""


def saved(path: Path) -> list[dict[str, object]]:
    people: list[dict[str, object]] = yaml.safe_load(path.read_text(encoding="utf-8"))[
        "respondents"
    ]
    return people


def test_resuming_people_with_notes_keeps_their_notes(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(STARTED, encoding="utf-8")
    # Carry on with r1, then another day with r2: their last two questions each.
    for typed, who in (("1\n2\n3\nn\n", "r1 (Staff member"), ("1\n0\n1\nn\n", "r2 (Family")):
        result = cli("assess", "a.yaml", *BASE, "--plain", input=typed)
        assert result.exit_code == 0, result.output
        assert f"Resuming {who}" in result.stdout
    first, second = saved(path)
    assert first["note"] == "We never see the budget papers."
    assert second["note"] == "Evening meetings would help.\nSo would a crèche.\n"
    assert first["answers"] == {
        "sharing-power": {"money-1": 2, "money-2": 1, "decisions-1": 2, "decisions-2": 3}
    }
    assert second["answers"] == {
        "sharing-power": {"money-1": 0, "money-2": 1, "decisions-1": 0, "decisions-2": 1}
    }
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Typed in from the forms on Tuesday.\n")  # changed in place


def test_merge_keeps_what_each_person_said(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(STARTED, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        STARTED.replace("We never see the budget papers.", "The budget is fine."),
        encoding="utf-8",
    )
    result = cli("merge", "a.yaml", "b.yaml", "-o", "all.yaml", *RUBRICS)
    assert result.exit_code == 0, result.output
    notes = [person.get("note") for person in saved(tmp_path / "all.yaml")]
    evening = "Evening meetings would help.\nSo would a crèche.\n"
    assert notes == ["We never see the budget papers.", evening, "The budget is fine.", evening]


def test_a_result_file_keeps_them_and_its_report_shows_them(cli: Run, tmp_path: Path) -> None:
    people = "\n".join(
        f"  - {{id: s{i}, role: staff, note: 'Staff note {i}', answers: {{sharing-power: "
        f"{{money-1: 2, money-2: 1, decisions-1: 2, decisions-2: 1}}}}}}"
        for i in range(3)
    )
    (tmp_path / "a.yaml").write_text(
        f"assessment: {{period: '2026'}}\nrespondents:\n{people}\n", encoding="utf-8"
    )
    assert cli("score", "a.yaml", *RUBRICS, "-o", "r.json").exit_code == 0
    result = cli("report", "r.json", "--format", "md", "-o", "r.md")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    section = text[text.index("### Anything else people said") : text.index("## Who answered")]
    assert section.count("> A staff member") == 3
    assert "> Staff note 0" in section and "> Staff note 2" in section


def test_diff_and_trend_read_files_with_notes(cli: Run, tmp_path: Path) -> None:
    for period in ("2025", "2026"):
        (tmp_path / f"{period}.yaml").write_text(
            STARTED.replace('"2026"', f'"{period}"'), encoding="utf-8"
        )
    diff = cli("diff", "2025.yaml", "2026.yaml", *RUBRICS, "--format", "md")
    assert diff.exit_code == 0, diff.output
    trend = cli("trend", "2025.yaml", "2026.yaml", *RUBRICS, "--format", "md")
    assert trend.exit_code == 0, trend.output
