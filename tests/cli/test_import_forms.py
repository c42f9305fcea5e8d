"""`coprod import` of ODK Central, KoboToolbox, Google Forms and Microsoft Forms exports:
the answers file written, the date, the notes and the messages a facilitator sees."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook
from typer.testing import Result

from tests.importing.exports import (
    EXPECTED,
    csv_text,
    google_forms,
    kobo,
    microsoft_forms,
    odk_central,
    question,
    submitted,
    xlsx,
)

Run = Callable[..., Result]


def written(tmp_path: Path, name: str = "a.yaml") -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((tmp_path / name).read_text(encoding="utf-8"))
    return data


def test_odk_central_export_to_report(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(csv_text(odk_central()), encoding="utf-8")
    result = cli("import", "export.csv", "-o", "a.yaml", "--organisation", "Riverside")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout == (
        "Imported 3 respondents (8 answers) into a.yaml. Date 2026-11-22, from the form's "
        "end times (21 to 22 November). Next: coprod report a.yaml\n"
    )
    data = written(tmp_path)
    assert data["respondents"] == submitted(EXPECTED)
    assert data["assessment"]["date"] == "2026-11-22"
    report = cli("report", "a.yaml", "-o", "a.md", "--min-group", "1")
    assert report.exit_code == 0, report.output
    shown = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert "22 November 2026 · 3 people answered" in shown
    assert "> More time, please; and fewer forms" in shown
    assert "Ann" not in shown


def test_kobo_xlsx_export(cli: Run, tmp_path: Path) -> None:
    xlsx(tmp_path / "export.xlsx", kobo())
    result = cli("import", "export.xlsx", "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert written(tmp_path)["respondents"] == submitted(EXPECTED)


def test_kobo_labels_export(cli: Run, tmp_path: Path) -> None:
    text = csv_text(kobo(labels=True), ";", quote_all=True)
    (tmp_path / "labels.csv").write_text(text, encoding="utf-8")
    result = cli("import", "labels.csv", "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert written(tmp_path)["respondents"] == submitted(EXPECTED)


def test_google_forms_grids(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(csv_text(google_forms()), encoding="utf-8")
    result = cli("import", "export.csv", "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "Date 2026-11-22, from the form's timestamps (21 to 22 November)." in result.stdout
    people = written(tmp_path)["respondents"]
    assert [p["answers"]["hunter-ritchie-rules"] for p in people] == [
        {"define-the-problem-1": 3},
        {"define-the-problem-2": 4},
        {"define-the-problem-1": 1},
    ]
    assert people[1]["note"] == "Thank you"


def test_microsoft_forms_likert_workbook(cli: Run, tmp_path: Path) -> None:
    xlsx(tmp_path / "export.xlsx", microsoft_forms())
    result = cli("import", "export.xlsx", "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "Date 2026-11-22, from the form's completion times (21 to 22 November)." in (
        result.stdout
    )
    people = written(tmp_path)["respondents"]
    assert people[0]["note"] == "More time"
    assert people[1]["answers"]["nef-six-principles"] == {"assets-1": 0, "assets-2": 4}


def test_a_given_date_wins(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(csv_text(odk_central()), encoding="utf-8")
    result = cli("import", "export.csv", "-o", "a.yaml", "--date", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert "Date" not in result.stdout
    assert written(tmp_path)["assessment"]["date"] == "2026-12-01"


def test_append_keeps_the_files_date(cli: Run, tmp_path: Path) -> None:
    rows = odk_central()
    (tmp_path / "first.csv").write_text(csv_text(rows[:2]), encoding="utf-8")
    (tmp_path / "export.csv").write_text(csv_text(rows[:1] + rows[2:]), encoding="utf-8")
    first = cli("import", "first.csv", "-o", "a.yaml", "--date", "2026-10-01")
    assert first.exit_code == 0, first.output
    added = cli("import", "export.csv", "-o", "a.yaml", "--append")
    assert added.exit_code == 0, added.output
    assert added.stdout.startswith("Added 2 respondents (")
    assert "to a.yaml, which now holds 3." in added.stdout
    data = written(tmp_path)
    assert data["assessment"]["date"] == "2026-10-01"
    assert len(data["respondents"]) == 3


def test_times_that_cannot_tell_day_from_month(cli: Run, tmp_path: Path) -> None:
    rows = [["Timestamp", "Your role", "assets-1"], ["05/11/2026 10:00", "Staff member", "1"]]
    rows.append(["06/11/2026 10:00", "Manager", "2"])
    (tmp_path / "export.csv").write_text(csv_text(rows), encoding="utf-8")
    result = cli("import", "export.csv", "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "export.csv:1:1: warning[date-unclear] the times in column 'Timestamp' could be day "
        "or month first (e.g. 05/11/2026), so the assessment's date is left empty: give it "
        "with --date\n"
    )
    assert written(tmp_path)["assessment"]["date"] == ""
    strict = cli("import", "export.csv", "-o", "b.yaml", "--strict")
    assert strict.exit_code == 1
    assert "error[date-unclear]" in strict.stderr
    assert not (tmp_path / "b.yaml").exists()


def test_a_mapping_places_notes_names_and_the_date(cli: Run, tmp_path: Path) -> None:
    rows = [
        ["When", "Who", "Role", "Q1", "Why Q1?", "Why Q2?", "Thoughts", "Ignored"],
        ["2026-11-20 10:00", "Ann", "staff", "Established", "We try", "No idea", "Slow", "x"],
    ]
    (tmp_path / "export.csv").write_text(csv_text(rows), encoding="utf-8")
    (tmp_path / "map.yaml").write_text(
        "columns:\n  When: date\n  Who: name\n  Q1: assets-1\n  Why Q1?: note:assets-1\n"
        "  Why Q2?: note:nef-six-principles/assets-2\n  Thoughts: note\n  Ignored: ignore\n",
        encoding="utf-8",
    )
    result = cli("import", "export.csv", "-o", "a.yaml", "--mapping", "map.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "export.csv:2:6: warning[note-without-answer] this person gave no answer to assets-2, "
        "so their note on it is kept in their general note, as '[assets-2] ...'\n"
    )
    assert "Date 2026-11-20, from column 'When'." in result.stdout
    data = written(tmp_path)
    (person,) = data["respondents"]
    assert person == {
        "id": "r1",
        "role": "staff",
        "name": "Ann",
        "answers": {"nef-six-principles": {"assets-1": {"value": 3, "note": "We try"}}},
        "note": "Slow\n[assets-2] No idea",
    }
    assert data["assessment"]["date"] == "2026-11-20"


def test_a_mapping_naming_a_note_on_no_question(cli: Run, tmp_path: Path) -> None:
    rows = [["Role", "assets-1", "Why?"], ["staff", "1", "Because"]]
    (tmp_path / "export.csv").write_text(csv_text(rows), encoding="utf-8")
    (tmp_path / "map.yaml").write_text("columns:\n  Why?: note:assets-99\n", encoding="utf-8")
    result = cli("import", "export.csv", "-o", "a.yaml", "--mapping", "map.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "export.csv:1:3: warning[unmatched-column] column 'Why?' matches no question, role, "
        "name or note: the mapping names 'note:assets-99', which is no question; it is left "
        "out (map it with --mapping, or to 'ignore')\n"
    )


def test_a_huge_header_in_a_workbook_is_reported_short(cli: Run, tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.append(["Role", "assets-1", "[../../etc] " + "x" * 1_048_000])
    workbook.active.append(["staff", 1, "text"])
    workbook.save(tmp_path / "export.xlsx")
    result = cli("import", "export.xlsx", "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("export.xlsx:1:3: warning[unmatched-column] column '[../../etc] xxxxx")
    assert len(line) < 300


def test_grid_rows_by_text_after_a_title(cli: Run, tmp_path: Path) -> None:
    text = question("nef-six-principles", "assets-1").text
    rows = [["Your role", f"How true is each of these? [{text}]"], ["Staff member", "Embedded"]]
    (tmp_path / "export.csv").write_text(csv_text(rows), encoding="utf-8")
    result = cli("import", "export.csv", "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    assert written(tmp_path)["respondents"][0]["answers"] == {"nef-six-principles": {"assets-1": 4}}
