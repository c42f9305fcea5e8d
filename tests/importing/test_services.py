"""ODK Central, KoboToolbox, Google Forms and Microsoft Forms exports, as each writes them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from coprod_assess.importing.convert import Imported, Importer
from coprod_assess.importing.tables import read_table
from tests.importing.exports import (
    CATALOG,
    EXPECTED,
    csv_text,
    google_forms,
    kobo,
    microsoft_forms,
    odk_central,
    submitted,
    xlsx,
)

RUBRICS = list(CATALOG.rubrics.values())
ROLES = list(CATALOG.roles.values())


def run(path: Path, **options: Any) -> Imported:
    importer = Importer(read_table(path), RUBRICS, ROLES, **options)
    return importer.run({"organisation": "", "period": "", "date": ""})


def found(imported: Imported) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in imported.problems]


def test_odk_central_csv(write: Callable[..., Path]) -> None:
    imported = run(write("export.csv", csv_text(odk_central())))
    assert imported.data["respondents"] == submitted(EXPECTED)
    # Central's own columns are left out without a word.
    assert imported.problems == []
    # The end times, not the day a phone that was offline sent them.
    assert imported.data["assessment"]["date"] == "2026-11-22"
    assert imported.dated == "Date 2026-11-22, from the form's end times (21 to 22 November)"
    assert imported.data["assessment"]["rubrics"] == {
        "arnstein-ladder": "2.0.0",
        "nef-six-principles": "2.0.0",
        "tlap-ladder": "1.0.0",
    }


def test_kobo_csv_with_semicolons(write: Callable[..., Path]) -> None:
    imported = run(write("export.csv", csv_text(kobo(), ";", quote_all=True)))
    assert imported.data["respondents"] == submitted(EXPECTED)
    assert imported.problems == []
    assert imported.data["assessment"]["date"] == "2026-11-22"


def test_kobo_xlsx(tmp_path: Path) -> None:
    rows = kobo()
    for row in rows[1:]:
        row[4:8] = [int(said) if said.isdigit() else said for said in row[4:8]]
    imported = run(xlsx(tmp_path / "export.xlsx", rows))
    assert imported.data["respondents"] == submitted(EXPECTED)
    assert imported.problems == []


def test_kobo_labels_export(write: Callable[..., Path]) -> None:
    imported = run(write("export.csv", csv_text(kobo(labels=True), ";", quote_all=True)))
    assert imported.data["respondents"] == submitted(EXPECTED)
    assert imported.problems == []


def test_kobo_nested_groups(write: Callable[..., Path]) -> None:
    rows = kobo()
    rows[0] = [
        f"part-one/{said}" if "/" in said and not said.startswith("meta") else said
        for said in rows[0]
    ]
    imported = run(write("export.csv", csv_text(rows, ";")))
    assert imported.data["respondents"] == submitted(EXPECTED)
    assert imported.problems == []


def test_google_forms_grids(write: Callable[..., Path]) -> None:
    imported = run(write("export.csv", csv_text(google_forms())))
    people = imported.data["respondents"]
    assert people == [
        {
            "id": "r1",
            "role": "staff",
            "name": "Ann",
            "answers": {
                "nef-six-principles": {"assets-1": 3, "assets-2": {"skip": "dont-know"}},
                "hunter-ritchie-rules": {"define-the-problem-1": 3},
            },
        },
        {
            "id": "r2",
            "role": "person-using-services",
            "answers": {
                "nef-six-principles": {"assets-1": 0, "assets-2": 1},
                "hunter-ritchie-rules": {"define-the-problem-2": 4},
            },
            "note": "Thank you",
        },
        {
            "id": "r3",
            "role": "family-carer",
            "name": "Bo",
            "answers": {
                "nef-six-principles": {"assets-1": 4},
                "hunter-ritchie-rules": {"define-the-problem-1": 1},
            },
        },
    ]
    assert imported.problems == []
    assert imported.dated == "Date 2026-11-22, from the form's timestamps (21 to 22 November)"


def test_microsoft_forms_likert_xlsx(tmp_path: Path) -> None:
    imported = run(xlsx(tmp_path / "export.xlsx", microsoft_forms()))
    assert imported.data["respondents"] == [
        {
            "id": "r1",
            "role": "staff",
            "answers": {
                "nef-six-principles": {"assets-1": 3, "assets-2": {"skip": "dont-know"}},
                "arnstein-ladder": {"defining-problems-1": 4},
            },
            "note": "More time",
        },
        {
            "id": "r2",
            "role": "manager",
            "answers": {
                "nef-six-principles": {"assets-1": 0, "assets-2": 4},
                "arnstein-ladder": {"defining-problems-1": 0},
            },
        },
    ]
    assert imported.problems == []
    assert imported.dated == (
        "Date 2026-11-22, from the form's completion times (21 to 22 November)"
    )


def test_a_workbook_in_the_1904_date_system(tmp_path: Path) -> None:
    imported = run(xlsx(tmp_path / "export.xlsx", microsoft_forms(), epoch_1904=True))
    assert imported.data["assessment"]["date"] == "2026-11-22"


def _times(write: Callable[..., Path], header: str, times: Sequence[str]) -> Imported:
    lines = [f"{header},Role,assets-1"] + [f"{said},staff,1" for said in times]
    return run(write("export.csv", "\n".join(lines) + "\n"))


def test_month_first_times_read_from_all_rows(write: Callable[..., Path]) -> None:
    imported = _times(write, "Completion time", ["11/05/26 10:00:00", "11/22/26 10:15:00"])
    assert imported.data["assessment"]["date"] == "2026-11-22"
    assert imported.dated == (
        "Date 2026-11-22, from the form's completion times (5 to 22 November)"
    )


def test_times_that_cannot_tell_day_from_month_give_no_date(write: Callable[..., Path]) -> None:
    imported = _times(write, "Timestamp", ["05/11/2026 10:00:00", "06/11/2026 10:00:00"])
    assert imported.data["assessment"]["date"] == ""
    assert imported.dated == ""
    (problem,) = imported.problems
    assert (problem.line, problem.column, problem.code) == (1, 1, "date-unclear")
    assert "give it with --date" in problem.message


def test_unreadable_times_are_reported_and_the_rest_used(write: Callable[..., Path]) -> None:
    imported = _times(write, "Timestamp", ["yesterday", "2026-11-20 10:00", "31/31/2026"])
    assert imported.data["assessment"]["date"] == "2026-11-20"
    assert found(imported) == [(2, 1, "unreadable-date"), (4, 1, "unreadable-date")]
    assert imported.problems[0].message.startswith("'yesterday' in column 'Timestamp' is no")


def test_a_given_date_wins(write: Callable[..., Path]) -> None:
    path = write("export.csv", "Timestamp,Role,assets-1\nnonsense,staff,1\n")
    importer = Importer(read_table(path), RUBRICS, ROLES)
    imported = importer.run({"date": "2026-01-02"})
    assert imported.data["assessment"]["date"] == "2026-01-02"
    assert imported.problems == [] and imported.dated == ""


def test_no_date_when_adding_to_a_file(write: Callable[..., Path]) -> None:
    path = write("export.csv", "Timestamp,Role,assets-1\n2026-11-20,staff,1\n")
    imported = Importer(read_table(path), RUBRICS, ROLES).run({"date": ""}, form_date=False)
    assert imported.data["assessment"]["date"] == "" and imported.dated == ""
