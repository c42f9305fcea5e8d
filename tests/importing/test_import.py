"""Importing realistic Microsoft Forms and Google Forms exports, CSV and .xlsx."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from coprod_assess.errors import CoprodError
from coprod_assess.importing.convert import Imported, Importer
from coprod_assess.importing.mapping import load_mapping
from coprod_assess.importing.tables import read_table
from coprod_assess.rubric.catalog import load_catalog
from tests.conftest import DATA

IMPORTS = DATA / "imports"
CATALOG = load_catalog([DATA / "rubrics"])
RUBRICS = [CATALOG.rubric("sharing-power")]
ROLES = list(CATALOG.roles.values())


def run(path: Path, **options: Any) -> Imported:
    importer = Importer(read_table(path), RUBRICS, ROLES, **options)
    return importer.run({"organisation": "", "period": "", "date": ""})


def found(imported: Imported) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in imported.problems]


def test_microsoft_forms_csv() -> None:
    imported = run(IMPORTS / "microsoft-forms.csv")
    people = imported.data["respondents"]
    assert [p["role"] for p in people] == [
        "family-carer",
        "staff",
        "person-using-services",
        "manager",
    ]
    assert people[0]["answers"]["sharing-power"] == {
        "money-1": 1,
        "money-2": 0,
        "decisions-1": 1,
        "decisions-2": {"skip": "dont-know"},
    }
    assert "money-2" not in people[2]["answers"]["sharing-power"], "a blank cell is not an answer"
    # ID, times and email are the service's own; "Any other comments?" is each one's note.
    assert found(imported) == []
    assert people[0]["note"] == "We were told, not asked, about the cuts"
    assert "note" not in people[1]
    assert imported.data["assessment"]["rubrics"] == {"sharing-power": "1.0.0"}
    assert imported.data["assessment"]["date"] == "2026-11-20"
    assert imported.dated == "Date 2026-11-20, from the form's completion times"


def test_google_forms_csv_reordered_with_value_and_label() -> None:
    imported = run(IMPORTS / "google-forms.csv")
    people = imported.data["respondents"]
    assert people[0]["role"] == "family-carer"
    assert people[0]["answers"]["sharing-power"] == {
        "money-2": 1,
        "money-1": 2,
        "decisions-1": 0,
        "decisions-2": 3,
    }
    assert people[1]["role"] == "staff"
    assert people[1]["answers"]["sharing-power"]["decisions-1"] == {"skip": "not-applicable"}
    assert people[2]["role"] == "family-carer", "'Parent' is one of the role's aliases"
    assert found(imported) == [(4, 7, "unmatched-answer")]
    assert [p.get("note") for p in people] == ["Good, but slow", None, "Line one\nline two"]
    assert imported.data["assessment"]["date"] == "2026-11-20"
    message = imported.problems[0].message
    assert "'Sometimes' is not an option for decisions-2" in message
    assert "0 = Not yet; 1 = Emerging; 2 = Established; 3 = Embedded" in message


def test_mapping_places_the_rest() -> None:
    mapping = load_mapping(IMPORTS / "mapping.yaml", CATALOG.roles)
    imported = run(IMPORTS / "google-forms.csv", mapping=mapping)
    assert imported.problems == []
    third = imported.data["respondents"][2]
    assert third["role"] == "family-carer"
    assert third["answers"]["sharing-power"]["decisions-2"] == 1


def test_strict_makes_problems_errors() -> None:
    imported = run(IMPORTS / "google-forms.csv", strict=True)
    assert {p.severity for p in imported.problems} == {"error"}


def _xlsx_from_csv(source: Path, target: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    with source.open(encoding="utf-8-sig", newline="") as handle:
        for number, row in enumerate(csv.reader(handle)):
            if number and row[0].isdigit():
                row[0] = int(row[0])  # type: ignore[call-overload]
            sheet.append(row)
    workbook.save(target)
    return target


def test_microsoft_forms_xlsx_matches_its_csv(tmp_path: Path) -> None:
    xlsx = _xlsx_from_csv(IMPORTS / "microsoft-forms.csv", tmp_path / "export.xlsx")
    from_xlsx = run(xlsx)
    from_csv = run(IMPORTS / "microsoft-forms.csv")
    assert from_xlsx.data == from_csv.data
    assert found(from_xlsx) == found(from_csv)


def test_not_utf8(write: Callable[..., Path]) -> None:
    path = write("export.csv", "Role,money-1\nstaff,caf\xe9\n".encode("cp1252"))
    with pytest.raises(CoprodError) as caught:
        read_table(path)
    (problem,) = caught.value.problems
    assert (problem.code, problem.line, problem.column) == ("not-utf8", 2, 10)


def test_broken_xlsx(write: Callable[..., Path]) -> None:
    path = write("export.xlsx", b"this is not a workbook")
    with pytest.raises(CoprodError, match=r"is not a readable \.xlsx workbook"):
        read_table(path)


def test_semicolon_csv_and_header_after_blank_lines(write: Callable[..., Path]) -> None:
    path = write("export.csv", "\n\nRole;money-1;Decisions are made together.\nstaff;2;Embedded\n")
    imported = run(path)
    assert imported.data["respondents"][0]["answers"]["sharing-power"] == {
        "money-1": 2,
        "decisions-1": 3,
    }
    assert imported.problems == []


def test_rows_without_answers_are_left_out(write: Callable[..., Path]) -> None:
    path = write("export.csv", "Role,money-1\nstaff,\nmanager,1\n")
    imported = run(path)
    assert imported.respondents == 1
    assert found(imported) == [(2, 0, "no-answers")]


def test_no_role_column(write: Callable[..., Path]) -> None:
    imported = run(write("export.csv", "money-1\n1\n"))
    assert imported.data["respondents"][0]["role"] == "other"
    assert found(imported) == [(1, 0, "no-role-column")]
    chosen = run(write("export2.csv", "money-1\n1\n"), default_role="staff")
    assert chosen.problems == [] and chosen.data["respondents"][0]["role"] == "staff"


def test_damaged_workbook(tmp_path: Path) -> None:
    import zipfile

    whole = tmp_path / "whole.xlsx"
    workbook = Workbook()
    workbook.active.append(["Role", "money-1"])
    workbook.active.append(["staff", 1])
    workbook.save(whole)
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    with pytest.raises(CoprodError, match="has a damaged sheet"):
        read_table(damaged)
