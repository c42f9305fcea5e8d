"""One number per answer: a number in an export is the option's value, never its place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from coprod_assess.importing.convert import Imported, Importer
from coprod_assess.importing.mapping import load_mapping
from coprod_assess.importing.tables import read_table
from coprod_assess.rubric.catalog import load_catalog
from tests.conftest import DATA

CATALOG = load_catalog([DATA / "rubrics"])
ROLES = list(CATALOG.roles.values())
Write = Callable[..., Path]


def run(path: Path, rubric: str = "sharing-power") -> Imported:
    importer = Importer(read_table(path), [CATALOG.rubric(rubric)], ROLES)
    return importer.run({"organisation": "", "period": "", "date": ""})


def errors(imported: Imported) -> list[tuple[int, int, str, str]]:
    return [
        (p.line, p.column, p.code, p.message) for p in imported.problems if p.severity == "error"
    ]


def test_a_one_to_five_scale_is_refused_not_shifted(write: Write) -> None:
    rows = "".join(f"staff,{n},{n}\n" for n in (1, 2, 3, 4, 5))
    imported = run(write("form.csv", "Role,assets-1,assets-2\n" + rows), "nef-six-principles")
    assert errors(imported) == [
        (
            1,
            column,
            "answer-numbers",
            f"column 'assets-{column - 1}' holds the numbers 1, 2, 3, 4, 5, but "
            f"assets-{column - 1} takes only 0, 1, 2, 3, 4 (0 = Not yet; 1 = Starting; "
            "2 = Developing; 3 = Established; 4 = Embedded): a number is the option's value, "
            "not its place in the list. Change the column to these values, or map each "
            'number under `answers:` in a --mapping file (e.g. "5": 4)',
        )
        for column in (2, 3)
    ]


def test_numbers_seen_include_those_that_fit(write: Write) -> None:
    imported = run(write("form.csv", "Role,money-1,money-2\nstaff,4,Embedded\nstaff,0,-1\n"))
    assert [(line, column, code) for line, column, code, _ in errors(imported)] == [
        (1, 2, "answer-numbers"),
        (1, 3, "answer-numbers"),
    ]
    assert "holds the numbers 0, 4, but money-1 takes only 0, 1, 2, 3" in errors(imported)[0][3]
    assert "holds the numbers -1, but money-2" in errors(imported)[1][3]


def test_value_and_label_that_disagree(write: Write) -> None:
    source = "Role,money-1\nstaff,3 - Embedded\nstaff,3 - Not yet\nstaff,4 - Embedded\n"
    imported = run(write("form.csv", source))
    assert errors(imported) == [
        (
            3,
            2,
            "answer-disagrees",
            "column 'money-1' has '3 - Not yet', '4 - Embedded', whose number and words name "
            "different options of money-1; its options are 0 = Not yet; 1 = Emerging; "
            "2 = Established; 3 = Embedded",
        )
    ]


def test_labels_and_agreeing_pairs_are_their_values(write: Write) -> None:
    cells = [
        "Established",
        "established",
        "2 = Established",
        "2. Established",
        "2:Established",
        "2 \u2013 Established",
        "Established: It happens most of the time.",
        "2 - Established - It happens most of the time",
        "2.0",
        " 2 ",
    ]
    source = "Role,money-1\n" + "".join(f'staff,"{cell}"\n' for cell in cells)
    imported = run(write("form.csv", source))
    assert imported.problems == []
    values = [p["answers"]["sharing-power"]["money-1"] for p in imported.data["respondents"]]
    assert values == [2] * len(cells)


def test_only_ascii_digits_are_numbers(write: Write) -> None:
    source = "Role,money-1,money-2\nstaff,\u0661,1e0\nstaff,\uff11,\u00b2\nstaff,1,1\n"
    imported = run(write("form.csv", source))
    people = imported.data["respondents"]
    assert [p["answers"] for p in people] == [{"sharing-power": {"money-1": 1, "money-2": 1}}]
    assert [(p.line, p.column, p.code, p.severity) for p in imported.problems] == [
        (2, 0, "no-answers", "warning"),
        (2, 2, "unmatched-answer", "warning"),
        (2, 3, "unmatched-answer", "warning"),
        (3, 0, "no-answers", "warning"),
        (3, 2, "unmatched-answer", "warning"),
        (3, 3, "unmatched-answer", "warning"),
    ]
    assert imported.problems[1].message.endswith("; only the digits 0-9 are read as numbers")
    assert "digits 0-9" not in imported.problems[2].message


def test_ladder_rungs_are_their_own_numbers(write: Write) -> None:
    source = (
        "Role,[defining-problems-1] x\nstaff,1\n"
        "staff,8 - People in control\n"
        "staff,Decided together\n"
    )
    imported = run(write("form.csv", source), "arnstein-ladder")
    assert imported.problems == []
    answers = [p["answers"]["arnstein-ladder"] for p in imported.data["respondents"]]
    assert [given["defining-problems-1"] for given in answers] == [1, 8, 6]
    # The rules question has no rung 2 (no Therapy): its numbers are rungs, not places.
    refused = run(write("refused.csv", "Role,governance-2\nstaff,2\n"), "arnstein-ladder")
    assert (
        "holds the numbers 2, but governance-2 takes only 0, 1, 3, 4, 5, 6, 7, 8"
        in (errors(refused)[0][3])
    )


def test_a_mapping_can_renumber_a_scale_on_purpose(write: Write) -> None:
    rows = "".join(f"staff,{n}\n" for n in (1, 3, 5))
    mapping = write("map.yaml", 'answers: {"1": 0, "2": 1, "3": 2, "4": 3, "5": 4}\n')
    importer = Importer(
        read_table(write("form.csv", "Role,assets-1\n" + rows)),
        [CATALOG.rubric("nef-six-principles")],
        ROLES,
        load_mapping(mapping, CATALOG.roles),
    )
    imported = importer.run({})
    assert imported.problems == []
    answers = [p["answers"]["nef-six-principles"]["assets-1"] for p in imported.data["respondents"]]
    assert answers == [0, 2, 4]
