"""Placing columns: grid rows and statements by tag or whole text, notes, names, ambiguity,
and headers written to hurt."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coprod_assess.errors import CoprodError
from coprod_assess.importing.convert import Imported, Importer
from coprod_assess.importing.tables import Row, Table, read_table
from coprod_assess.rubric.catalog import load_catalog
from tests.conftest import DATA
from tests.importing.exports import CATALOG, question

RUBRICS = list(CATALOG.rubrics.values())
ROLES = list(CATALOG.roles.values())
ASSETS_1 = question("nef-six-principles", "assets-1").text
ASSETS_2 = question("nef-six-principles", "assets-2").text


def run(rows: list[list[str]], **options: Any) -> Imported:
    # Built as a workbook is read: a cell may be far longer than a CSV field may.
    table = Table("export.xlsx", rows[0], [Row(n, r) for n, r in enumerate(rows[1:], 2)])
    return Importer(table, options.pop("rubrics", RUBRICS), ROLES, **options).run({"date": ""})


def found(imported: Imported) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in imported.problems]


def answers_of(imported: Imported) -> list[dict[str, Any]]:
    return [person["answers"] for person in imported.data["respondents"]]


@pytest.mark.parametrize(
    "header",
    [
        f"How true is each of these? [[assets-1] {ASSETS_1}]",
        f"How true is each of these? [{ASSETS_1}]",
        f"How true is each of these? {ASSETS_1}",
        f"Likert.{ASSETS_1}",
        f"Likert - {ASSETS_1}",
        f"NEF six principles of co-production/{ASSETS_1}",
        f"[nef-six-principles/assets-1] {ASSETS_1.upper()}",
        f"[q7] {ASSETS_1}",
        f"Grid [{ASSETS_2}] [assets-1]",
        "part-two/nef-six-principles-assets-1",
    ],
)
def test_a_grid_row_or_statement_is_found(header: str) -> None:
    imported = run([["Role", header], ["staff", "Established"]])
    assert answers_of(imported) == [{"nef-six-principles": {"assets-1": 3}}]
    assert imported.problems == []


@pytest.mark.parametrize(
    "header",
    [
        "Staff",
        "Assets",
        "What do staff ask people?",
        f"{ASSETS_1} Why?",
        f"Not quite: {ASSETS_1[:-1]} and more.",
        "[assets] How true?",
        "nef-six-principles-assets-99",
        "six-principles-assets-1",
        f"co-{ASSETS_1}",
    ],
)
def test_a_shared_word_is_no_match(header: str) -> None:
    imported = run([["Role", header, "assets-2"], ["staff", "Established", "1"]])
    assert found(imported) == [(1, 2, "unmatched-column")]


@pytest.mark.parametrize(
    ("header", "why"),
    [
        ("[money-1] Money", "'money-1' is a question in more than one rubric"),
        ("[assets-1] [assets-2]", "its tags name more than one thing"),
        ("Anything to add? [note] [assets-1]", "tagged [note: question-id]"),
        ("money-1", "is a question in more than one rubric"),
    ],
)
def test_a_column_that_could_be_two_things_is_ambiguous(header: str, why: str) -> None:
    imported = run([["Role", header, "assets-2"], ["staff", "1", "1"]])
    assert found(imported) == [(1, 2, "ambiguous-column")]
    assert why in imported.problems[0].message


def test_a_grid_title_names_the_rubric_when_texts_are_shared(tmp_path: Path) -> None:
    text = (DATA / "rubrics" / "sharing-power.yaml").read_text(encoding="utf-8")
    copy = text.replace("id: sharing-power", "id: power-copy").replace(
        "title: Sharing power (test rubric)", "title: Another copy"
    )
    (tmp_path / "power-copy.yaml").write_text(copy, encoding="utf-8")
    catalog = load_catalog([DATA / "rubrics" / "sharing-power.yaml", tmp_path / "power-copy.yaml"])
    rubrics = [catalog.rubric("sharing-power"), catalog.rubric("power-copy")]
    imported = run(
        [
            ["Role", "Another copy/Decisions are made together.", "Decisions are made together."],
            ["staff", "Emerging", "Embedded"],
        ],
        rubrics=rubrics,
    )
    assert answers_of(imported) == [{"power-copy": {"decisions-1": 1}}]
    assert found(imported) == [(1, 3, "ambiguous-column")]
    assert "the same question text is in more than one rubric" in imported.problems[0].message


@pytest.mark.parametrize(
    "header",
    [
        "Name",
        "Your name",
        "Your name (optional)",
        "Name (optional)",
        "Full name",
        "What is your name?",
        "First name",
        "Participant name",
        "Respondent name",
    ],
)
def test_a_name_column_by_its_usual_words(header: str) -> None:
    imported = run([["Role", header, "assets-1"], ["staff", "Ann", "1"]])
    assert imported.data["respondents"][0]["name"] == "Ann"
    assert imported.problems == []


@pytest.mark.parametrize(
    "header",
    [
        "Anything else?",
        "Anything else you want to tell us?",
        "Any other comments",
        "Other comments",
        "Comments",
        "anything_else",
        "Your thoughts [note]",
    ],
)
def test_a_general_note_column_by_its_usual_words_or_tag(header: str) -> None:
    imported = run([["Role", "assets-1", header], ["staff", "1", "Too slow"]])
    assert imported.data["respondents"][0]["note"] == "Too slow"
    assert imported.problems == []


def test_notes_on_questions_by_tag() -> None:
    imported = run(
        [
            [
                "Role",
                "assets-1",
                "assets-2",
                "Why? [note: assets-1]",
                "[note: assets-2] Why?",
                "Say more [note:nef-six-principles/assets-3]",
                "Anything else?",
            ],
            ["staff", "2", "Don't know", "We try", "Unsure", "", ""],
            ["manager", "3", "", "", "Never asked", "Budget cuts", "Thanks"],
            ["staff", "", "", "Only note", "", "", ""],
        ]
    )
    people = imported.data["respondents"]
    assert people[0]["answers"] == {
        "nef-six-principles": {
            "assets-1": {"value": 2, "note": "We try"},
            "assets-2": {"skip": "dont-know", "note": "Unsure"},
        }
    }
    assert "note" not in people[0]
    assert people[1]["answers"] == {"nef-six-principles": {"assets-1": 3}}
    # With no answer to hold it, a note joins the general note: nothing is lost.
    assert people[1]["note"] == "Thanks\n[assets-2] Never asked\n[assets-3] Budget cuts"
    assert len(people) == 2
    assert found(imported) == [
        (3, 5, "note-without-answer"),
        (3, 6, "note-without-answer"),
        (4, 0, "no-answers"),
    ]
    assert imported.problems[0].message == (
        "this person gave no answer to assets-2, so their note on it is kept in their "
        "general note, as '[assets-2] ...'"
    )
    assert imported.problems[2].message == (
        "this row has no answers; it is left out, and its notes with it"
    )


def test_a_note_tag_naming_no_question() -> None:
    imported = run([["Role", "assets-1", "Why? [note: assets-99]"], ["staff", "1", "x"]])
    assert found(imported) == [(1, 3, "unmatched-column")]
    assert "its tag [note: assets-99] names no question" in imported.problems[0].message


def test_a_second_name_is_reported_without_the_names() -> None:
    imported = run(
        [
            ["Role", "Name", "Your name (optional)", "assets-1"],
            ["staff", "", "Ann", "1"],
            ["staff", "A. Smith", "a smith", "1"],
            ["staff", "Bo", "Robert", "1"],
        ]
    )
    assert [p.get("name") for p in imported.data["respondents"]] == ["Ann", "A. Smith", "Bo"]
    assert found(imported) == [(4, 3, "second-name")]
    assert "Robert" not in imported.problems[0].message
    assert "Bo" not in imported.problems[0].message


def test_strict_makes_every_new_warning_an_error() -> None:
    imported = run(
        [
            ["Timestamp", "Role", "assets-1", "[note: assets-2]"],
            ["soon", "staff", "1", "a note"],
        ],
        strict=True,
    )
    assert found(imported) == [(2, 1, "unreadable-date"), (2, 4, "note-without-answer")]
    assert {p.severity for p in imported.problems} == {"error"}


@pytest.mark.parametrize(
    "header",
    [
        "[" * 400_000 + "assets-1" + "]" * 400_000,
        "[../../etc]",
        "[../../etc/passwd] [note: ../../x]",
        "x" * 900_000 + f"? {ASSETS_1}",
        "-/" * 450_000,
        "[]" * 450_000,
        "[note:" * 100_000,
    ],
)
def test_hostile_headers(header: str) -> None:
    started = time.monotonic()
    imported = run([["Role", header, "assets-2"], ["staff", "1", "1"]])
    assert time.monotonic() - started < 10
    placed = imported.data["respondents"][0]["answers"]["nef-six-principles"]
    assert placed.get("assets-2") == 1
    for problem in imported.problems:
        assert len(problem.message) < 600
    if "assets-1" in placed:
        assert imported.problems == []
    else:
        assert [p.code for p in imported.problems] in (
            ["unmatched-column"],
            ["ambiguous-column"],
        )


@pytest.mark.parametrize(
    ("size", "code"), [(1_048_576, "line-too-long"), (200_000, "csv"), (60_000, "")]
)
def test_a_huge_csv_header(write: Callable[..., Path], size: int, code: str) -> None:
    path = write("export.csv", "Role,assets-2," + "[" * size + "\nstaff,1,\n")
    if not code:
        assert read_table(path).header[2] == "[" * size
        return
    with pytest.raises(CoprodError) as caught:
        read_table(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.code) == (1, code)


DIGITS = """\
id: 2-rubric
version: 1.0.0
title: T
summary: S.
source: {citation: "C (2026)."}
scale:
  - {value: 0, label: "No"}
  - {value: 1, label: "Yes"}
dimensions:
  - id: d
    title: D
    questions:
      - {id: 1-first, text: Is this the first question of the form?}
      - {id: meta, text: Is this a question about the form itself?}
"""


@pytest.mark.parametrize(
    "header", ["_2-rubric-_1-first", "_2-rubric/_1-first", "part/_2-rubric/_1-first"]
)
def test_xlsform_names_with_a_line_in_front(tmp_path: Path, header: str) -> None:
    (tmp_path / "r.yaml").write_text(DIGITS, encoding="utf-8")
    rubric = load_catalog([tmp_path / "r.yaml"]).rubric("2-rubric")
    imported = run([["Role", header, "_2-rubric-_meta"], ["staff", "Yes", "0"]], rubrics=[rubric])
    assert answers_of(imported) == [{"2-rubric": {"1-first": 1, "meta": 0}}]
    assert imported.problems == []
