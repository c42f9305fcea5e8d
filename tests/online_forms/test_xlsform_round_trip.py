"""The XLSForm out and its answers back in: exports laid out as ODK Central and
KoboToolbox write them for the form `coprod template --format xlsform` wrote, imported
with `coprod import` and no mapping."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import yaml
from typer.testing import Result

Run = Callable[..., Result]
ODK_BEFORE = ["SubmissionDate", "start", "end"]
ODK_AFTER = ["meta-instanceID", "KEY", "SubmitterID", "SubmitterName", "ReviewState"]
KOBO_AFTER = ["_id", "_uuid", "_submission_time", "_validation_status", "_index"]


def fields(path: Path) -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
    """The form's answer fields as (group path, choice list), and each list's choice names."""
    book = openpyxl.load_workbook(path)
    survey = list(book["survey"].iter_rows(values_only=True))[1:]
    found, groups = [], []
    for kind, name, *_ in survey:
        if kind == "begin_group":
            groups.append(name)
        elif kind == "end_group":
            groups.pop()
        elif kind not in ("start", "end"):
            choice_list = kind.split(" ")[1] if kind.startswith("select_one") else ""
            found.append(("/".join([*groups, name]), choice_list))
    choices: dict[str, list[str]] = {}
    for list_name, name, *_ in list(book["choices"].iter_rows(values_only=True))[1:]:
        choices.setdefault(list_name, []).append(name)
    return found, choices


def answers(path: Path) -> tuple[list[str], list[str]]:
    """A header of the form's field paths, and one submission: each question a different
    one of its choices in turn (don't know and does not apply among them)."""
    found, choices = fields(path)
    row = []
    for place, (field, choice_list) in enumerate(found):
        if field == "role":
            row.append("staff")
        elif field == "name":
            row.append("Ann")
        elif field == "anything_else":
            row.append("Thank you for asking.")
        else:
            names = choices[choice_list]
            row.append(names[place % len(names)])
    return [field for field, _ in found], row


def expected(path: Path) -> dict[str, dict[str, object]]:
    header, row = answers(path)
    said: dict[str, dict[str, object]] = {}
    for field, name in zip(header, row, strict=True):
        if "/" not in field:
            continue
        rubric_id, question_id = field.split("/")
        answer = {"skip": name} if name in ("dont-know", "not-applicable") else float(name)
        said.setdefault(rubric_id, {})[question_id] = answer
    return said


@pytest.mark.parametrize("service", ["odk", "kobo"])
def test_answers_from_odk_and_kobo_import_without_a_mapping(
    cli: Run, tmp_path: Path, service: str
) -> None:
    assert cli("template", "--format", "xlsform", "--short", "-o", "form.xlsx").exit_code == 0
    header, row = answers(tmp_path / "form.xlsx")
    when = "2026-11-20T10:15:00.000+00:00"
    if service == "odk":
        header = ODK_BEFORE + [field.replace("/", "-") for field in header] + ODK_AFTER
        row = [when, when, when, *row, "uuid:1", "uuid:1", "5", "Tablet 1", ""]
        delimiter = ","
    else:
        header = ["start", "end", *header, *KOBO_AFTER]
        row = [when, when, *row, "1", "abc", when, "", "1"]
        delimiter = ";"
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([header, row])
    (tmp_path / "export.csv").write_text(buffer.getvalue(), encoding="utf-8")
    result = cli("import", "export.csv", "--short", "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    data = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))
    (person,) = data["respondents"]
    assert (person["role"], person["name"], person["note"]) == (
        "staff",
        "Ann",
        "Thank you for asking.",
    )
    assert person["answers"] == expected(tmp_path / "form.xlsx")
    assert data["assessment"]["form"] == "short"


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
      - {id: 1-first, text: First?}
      - {id: meta, text: Meta?}
      - {id: third, text: Third?}
"""


def test_names_given_a_line_in_front_import_as_their_ids(
    cli: Run, tmp_path: Path, write: Callable[..., Path]
) -> None:
    write("own/r.yaml", DIGITS)
    own = ["--rubric", "own", "--only", "2-rubric"]
    assert cli("template", "--format", "xlsform", *own, "-o", "form.xlsx").exit_code == 0
    header, row = answers(tmp_path / "form.xlsx")
    assert header[2:5] == ["_2-rubric/_1-first", "_2-rubric/_meta", "_2-rubric/third"]
    buffer = io.StringIO()
    csv.writer(buffer).writerows([[field.replace("/", "-") for field in header], row])
    (tmp_path / "export.csv").write_text(buffer.getvalue(), encoding="utf-8")
    result = cli("import", "export.csv", *own, "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    (person,) = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))["respondents"]
    # Each question takes a different choice in turn: don't know, does not apply, No.
    assert person["answers"] == {
        "2-rubric": {
            "1-first": {"skip": "dont-know"},
            "meta": {"skip": "not-applicable"},
            "third": 0,
        }
    }
