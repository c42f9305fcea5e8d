"""CSV exports: every row kept or one located error; hostile sizes refused before they are split."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from coprod_assess.errors import CoprodError, Problem
from coprod_assess.importing.tables import read_table


def refused(path: Path) -> Problem:
    with pytest.raises(CoprodError) as caught:
        read_table(path)
    (problem,) = caught.value.problems
    return problem


EXPORT = (
    "Role,money-1,Note\n"
    "staff,1,fine\n"
    'manager,2,"she said ""hi"", then\n'
    'left"\n'
    'family-carer,3,"forgot to close\n'
    "staff,1,x\n"
    "manager,2,y\n"
)


def test_a_quote_left_open_is_an_error_at_the_quote(write: Callable[..., Path]) -> None:
    problem = refused(write("export.csv", EXPORT.encode()))
    assert (problem.code, problem.line, problem.column) == ("csv-quote", 5, 16)
    assert problem.message.startswith("this quote opens a field that is never closed")


def test_a_quote_left_open_after_a_closed_multiline_field(write: Callable[..., Path]) -> None:
    text = 'Role;Note;Other\r\nstaff;"two\r\nlines";"open\r\nstaff;1;2\r\n'
    problem = refused(write("export.csv", text.encode()))
    assert (problem.code, problem.line, problem.column) == ("csv-quote", 3, 8)


def test_import_of_a_quote_left_open_stops_with_one_message(
    write: Callable[..., Path], cli: Callable[..., Result]
) -> None:
    path = write("export.csv", EXPORT.encode())
    result = cli("import", str(path), "-o", "answers.yaml")
    assert result.exit_code == 1
    assert "export.csv:5:16: error[csv-quote] this quote opens a field" in result.stderr
    assert "Traceback" not in result.output
    assert not (path.parent / "answers.yaml").exists()


def test_rows_after_closed_quotes_are_all_kept(write: Callable[..., Path]) -> None:
    lines = EXPORT.splitlines(keepends=True)
    table = read_table(write("export.csv", "".join(lines[:4] + lines[5:]).encode()))
    assert [row.line for row in table.rows] == [2, 3, 5, 6]
    assert table.rows[1].cells[2] == 'she said "hi", then\nleft'


def test_text_after_a_closing_quote_is_an_error_on_its_line(write: Callable[..., Path]) -> None:
    problem = refused(write("export.csv", b'Role,Note\nstaff,"a"b\n'))
    assert (problem.code, problem.line) == ("csv", 2)
    assert "text follows the closing quote of a field" in problem.message


# 16,129 cells of 61 characters, with their commas and 3 more characters: 1,000,000 in all.
LONGEST = ",".join(["x" * 61] * 16_129) + "abc"


def test_a_line_over_the_limit_is_refused_before_it_is_split(write: Callable[..., Path]) -> None:
    text = f"Role\r\n{LONGEST}\r\n{LONGEST}x\r\n" + "," * 50_000_000
    problem = refused(write("export.csv", text.encode()))
    assert (problem.code, problem.line) == ("line-too-long", 3)
    assert problem.message == "has a line longer than 1,000,000 characters: not a form export"


def test_a_line_at_the_limit_is_read(write: Callable[..., Path]) -> None:
    assert len(LONGEST) == 1_000_000
    table = read_table(write("export.csv", f"Role\r\n{LONGEST}\r\nstaff\r\n".encode()))
    assert [(row.line, len(row.cells)) for row in table.rows] == [(2, 16_129), (3, 1)]


def test_a_field_over_the_csv_limit_is_refused(write: Callable[..., Path]) -> None:
    text = 'Role,Note\nstaff,"' + "x\n" * 100_000 + '"\n'
    problem = refused(write("export.csv", text.encode()))
    assert problem.code == "csv"
    assert "a field is longer than 131,072 characters" in problem.message


def test_too_many_columns_in_a_row(write: Callable[..., Path]) -> None:
    problem = refused(write("export.csv", ("Role\n" + "," * 20_000 + "x\n").encode()))
    assert (problem.code, problem.line) == ("table-too-large", 2)
    assert problem.message == "has 20,001 columns in one row; the limit is 16,384"


def test_too_many_cells(write: Callable[..., Path]) -> None:
    row = ",".join(["1"] * 16_000) + "\n"
    problem = refused(write("export.csv", (row * 400).encode()))
    assert (problem.code, problem.line) == ("table-too-large", 313)
    assert problem.message == "has more than 5,000,000 cells"


def test_too_many_blank_lines(write: Callable[..., Path]) -> None:
    problem = refused(write("export.csv", ("Role\n" + "\n" * 1_100_000).encode()))
    assert (problem.code, problem.line) == ("table-too-large", 1_048_577)
    assert problem.message == "has more than 1,048,576 rows"


def test_header_found_after_blank_lines(write: Callable[..., Path]) -> None:
    table = read_table(write("export.csv", b"\n\r\n\nRole;money-1\nstaff;2\n"))
    assert (table.header, table.header_line) == (["Role", "money-1"], 4)
    assert [(row.line, row.cells) for row in table.rows] == [(5, ["staff", "2"])]


def test_a_semicolon_file_whose_questions_hold_commas(tmp_path: Path) -> None:
    """Excel in much of Europe writes `;` and quotes nothing: the commas in a question
    do not make it a comma file when the rows say otherwise."""
    path = tmp_path / "export.csv"
    path.write_text(
        "Role;Staff ask people what they are good at, not only what they need.;Other\n"
        "staff;3;x\nmanager;2;y\n",
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.header == [
        "Role",
        "Staff ask people what they are good at, not only what they need.",
        "Other",
    ]
    assert [row.cells for row in table.rows] == [["staff", "3", "x"], ["manager", "2", "y"]]
