"""What a second look at imports found: the same submissions appended twice, an account
name taken for a person's, Welsh question words, a column that could be two questions,
and an everyday column name taken for ODK's own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from typer.testing import Result

from coprod_assess.rubric.catalog import load_catalog
from tests.importing.exports import csv_text, microsoft_forms, odk_central, xlsx

Run = Callable[..., Result]


def written(tmp_path: Path, name: str = "a.yaml") -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((tmp_path / name).read_text(encoding="utf-8"))
    return data


def test_the_same_download_appended_again_adds_nobody(cli: Run, tmp_path: Path) -> None:
    """ODK and Kobo downloads hold every submission so far: appended twice, each person is
    still in the file once, and the next download adds only the new ones."""
    rows = odk_central()
    (tmp_path / "first.csv").write_text(csv_text(rows[:3]), encoding="utf-8")
    (tmp_path / "all.csv").write_text(csv_text(rows), encoding="utf-8")
    assert cli("import", "first.csv", "-o", "a.yaml").exit_code == 0
    assert len(written(tmp_path)["respondents"]) == 2
    again = cli("import", "first.csv", "-o", "a.yaml", "--append")
    assert again.exit_code == 0, again.output
    assert "Nothing added: all 2 submissions in first.csv are already in a.yaml." in again.stdout
    assert len(written(tmp_path)["respondents"]) == 2
    more = cli("import", "all.csv", "-o", "a.yaml", "--append")
    assert more.exit_code == 0, more.output
    assert "which now holds 3 (2 submissions already in a.yaml left out)" in more.stdout
    people = written(tmp_path)["respondents"]
    assert len({person["submission"] for person in people}) == 3


def test_a_submission_twice_in_one_export_counts_once(cli: Run, tmp_path: Path) -> None:
    rows = odk_central()
    (tmp_path / "twice.csv").write_text(csv_text([*rows, rows[1]]), encoding="utf-8")
    result = cli("import", "twice.csv", "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    assert "warning[same-submission]" in result.stderr
    assert "is in the export already, at line 2; it is left out" in result.stderr
    assert len(written(tmp_path)["respondents"]) == 3


def test_merge_refuses_a_submission_in_two_files(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(csv_text(odk_central()), encoding="utf-8")
    assert cli("import", "export.csv", "-o", "a.yaml").exit_code == 0
    assert cli("import", "export.csv", "-o", "b.yaml").exit_code == 0
    merged = cli("merge", "a.yaml", "b.yaml", "-o", "both.yaml")
    assert merged.exit_code == 1
    assert "b.yaml:" in merged.stderr and "error[same-submission]" in merged.stderr
    assert "the same form export imported twice?" in merged.stderr
    assert not (tmp_path / "both.yaml").exists()


def test_microsoft_account_name_is_not_a_persons_name(cli: Run, tmp_path: Path) -> None:
    rows = microsoft_forms()
    rows[0].append("Your name (optional)")
    rows[1][4] = "Jane Account"
    rows[1].append("Jo")
    rows[2][4] = "anonymous"
    rows[2].append("")
    xlsx(tmp_path / "ms.xlsx", rows)
    result = cli("import", "ms.xlsx", "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    assert "second-name" not in result.stderr
    first, second = written(tmp_path)["respondents"]
    assert first["name"] == "Jo"
    assert "name" not in second
    assert "Jane Account" not in (tmp_path / "a.yaml").read_text(encoding="utf-8")


def test_anonymous_is_never_a_name(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("Role,Name,assets-1\nstaff,Anonymous,3\n", encoding="utf-8")
    assert cli("import", "a.csv", "-o", "a.yaml").exit_code == 0
    (person,) = written(tmp_path)["respondents"]
    assert "name" not in person


def test_a_welsh_labels_export_matches_the_welsh_question_words(cli: Run, tmp_path: Path) -> None:
    cymraeg = load_catalog().localised("cy")
    words = [
        cymraeg.rubric("nef-six-principles").dimensions[0].questions[0],
        cymraeg.rubric("arnstein-ladder").dimensions[0].questions[0],
    ]
    scale = cymraeg.rubric("nef-six-principles").scale
    ladder = cymraeg.rubric("arnstein-ladder").options_for(words[1])
    header = ["start", "end", "Eich rôl", *(q.text for q in words), "_uuid"]
    row = [
        "2026-11-22T10:00:00.000+00:00",
        "2026-11-22T10:09:00.000+00:00",
        "Aelod o staff",
        f"{scale[3].value:g} \u2013 {scale[3].label}: {scale[3].description}",
        f"{ladder[4].value:g} \u2013 {ladder[4].label}: {ladder[4].description}",
        "6a1f1c2e-0000-4000-8000-000000000009",
    ]
    text = csv_text([header, row], ";", quote_all=True)
    (tmp_path / "labels.csv").write_text(text, encoding="utf-8")
    result = cli("import", "labels.csv", "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    (person,) = written(tmp_path)["respondents"]
    assert person["role"] == "staff"
    assert person["answers"] == {
        "nef-six-principles": {"assets-1": 3},
        "arnstein-ladder": {"defining-problems-1": 4},
    }


def test_answers_in_a_column_that_could_be_two_questions_stop_the_import(
    cli: Run, tmp_path: Path
) -> None:
    # Both ladders ask `defining-problems-1`: the answers are never guessed or dropped.
    (tmp_path / "a.csv").write_text(
        "Role,defining-problems-1,assets-1\nstaff,3,2\n", encoding="utf-8"
    )
    result = cli("import", "a.csv", "-o", "a.yaml")
    assert result.exit_code == 1
    assert "a.csv:1:2: error[ambiguous-column]" in result.stderr
    assert "map it to one (e.g. rubric-id/question-id)" in result.stderr
    assert "Nothing written" in result.stderr
    assert not (tmp_path / "a.yaml").exists()


def test_a_status_question_outside_odk_central_is_not_dropped(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("Role,assets-1,Status\nstaff,3,x\n", encoding="utf-8")
    result = cli("import", "a.csv", "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    assert "warning[unmatched-column] column 'Status'" in result.stderr
