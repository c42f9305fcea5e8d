"""`coprod template --format csv`: a row a question to build a Google or Microsoft form
from by copy and paste, whose titles and answers `coprod import` reads back as they are."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import yaml
from typer.testing import Result

from coprod_assess.rubric.catalog import load_catalog

Run = Callable[..., Result]
HEADER = [
    "Number",
    "Rubric",
    "Question id",
    "Form question",
    "Description",
    "Type",
    "Answers",
    "Grid",
    "Grid answers",
]
NEF = ["--only", "nef-six-principles"]


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_a_row_a_question_in_sheet_order_with_its_answers(cli: Run) -> None:
    result = cli("template", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(",".join(HEADER) + "\n")
    found = rows(result.stdout)
    catalog = load_catalog()
    role, name, *questions, anything_else = found
    assert role["Form question"] == "Your role" and role["Type"] == "Multiple choice"
    assert role["Answers"].splitlines() == [r.label for r in catalog.roles.values()]
    assert (name["Form question"], name["Type"]) == ("Your name (optional)", "Short answer")
    assert name["Description"] == "We never show your name in reports."
    assert anything_else["Form question"] == "Anything else you want to tell us?"
    assert anything_else["Type"] == "Paragraph"
    every = [(r, q) for r in catalog.rubrics.values() for _, q in r.questions()]
    assert [(row["Rubric"], row["Question id"]) for row in questions] == [
        (rubric.id, question.id) for rubric, question in every
    ]
    assert [row["Number"] for row in questions] == [str(n) for n in range(1, len(every) + 1)]
    first = questions[0]
    # The two ladders ask questions with the same ids: their titles name the rubric too.
    assert first["Form question"].startswith(
        "[arnstein-ladder/defining-problems-1] When the service decides"
    )
    assert first["Grid"] == "" and first["Grid answers"] == ""
    rubric, question = every[0]
    assert first["Answers"].splitlines() == [
        *(f"{o.value:g} - {o.label}: {o.description}" for o in rubric.options_for(question)),
        "Don't know",
        "Does not apply",
    ]
    assert first["Answers"].startswith("0 - Left out: Managers choose alone. People who")


def test_questions_on_a_shared_scale_can_be_one_grid(cli: Run) -> None:
    found = rows(cli("template", "--format", "csv", *NEF, "--short").stdout)
    questions = found[2:-1]
    assert {row["Grid"] for row in questions} == {"NEF six principles of co-production"}
    assert {row["Grid answers"] for row in questions} == {
        "0 - Not yet\n1 - Starting\n2 - Developing\n3 - Established\n4 - Embedded\n"
        "Don't know\nDoes not apply"
    }
    assert questions[0]["Form question"] == (
        "[assets-1] Staff ask people what they are good at, not only what they need."
    )
    assert questions[0]["Description"].startswith("Think of a first meeting or a review")
    assert questions[0]["Answers"].splitlines()[3] == (
        "3 - Established: It happens most of the time."
    )
    core = [q.id for _, q in load_catalog().rubric("nef-six-principles").questions() if q.core]
    assert [row["Question id"] for row in questions] == core


def _export(template: list[dict[str, str]], pick: Callable[[int, list[str]], str]) -> str:
    """A Google Forms export of a form built from the template: the form's questions as
    the header, and one person's answers (`pick`: the answer a question's row gets)."""
    header = ["Timestamp"] + [row["Form question"] for row in template]
    answers = ["2026/11/20 10:00:00 GMT"]
    for place, row in enumerate(template):
        offered = row["Answers"].splitlines()
        answers.append(pick(place, offered) if offered else "")
    answers[2] = "Sam"
    answers[-1] = "More time to talk, please."
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, answers])
    return buffer.getvalue()


def test_a_form_built_from_the_template_imports_without_a_mapping(cli: Run, tmp_path: Path) -> None:
    template = rows(cli("template", "--format", "csv").stdout)
    _imports_whole(cli, tmp_path, template)


def test_grid_answers_import_too(cli: Run, tmp_path: Path) -> None:
    template = rows(cli("template", "--format", "csv", *NEF).stdout)
    grid = [{**row, "Answers": row["Grid answers"] or row["Answers"]} for row in template]
    export = _export(grid, lambda place, offered: offered[3])
    (tmp_path / "form.csv").write_text(export, encoding="utf-8")
    result = cli("import", "form.csv", *NEF, "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    (person,) = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))["respondents"]
    assert person["role"] == "staff"
    assert set(person["answers"]["nef-six-principles"].values()) == {3}


def test_welsh_words(cli: Run) -> None:
    printed = cli("template", "--format", "csv", "--lang", "cy", *NEF, "--short").stdout
    # The columns are the English ones, named in Welsh: read them by place.
    header, role, _name, first, *_ = csv.reader(io.StringIO(printed))
    assert len(header) == len(HEADER) and header != HEADER
    cymraeg = load_catalog().localised("cy").rubric("nef-six-principles")
    question = cymraeg.dimensions[0].questions[0]
    assert first[3:5] == [f"[assets-1] {question.text}", question.help]
    assert first[6].splitlines() == [
        *(f"{o.value:g} - {o.label}: {o.description}" for o in cymraeg.scale),
        "Ddim yn gwybod",
        "Ddim yn berthnasol",
    ]
    assert role[6].splitlines()[3] == "Aelod o staff"


def test_a_file_starts_with_a_bom_for_excel_and_the_terminal_gets_none(
    cli: Run, tmp_path: Path
) -> None:
    printed = cli("template", "--format", "csv", *NEF).stdout
    assert printed.startswith("Number,")
    result = cli("template", "--format", "csv", *NEF, "-o", "template.csv")
    assert result.exit_code == 0, result.output
    assert result.stderr == "Wrote template.csv\n"
    written = (tmp_path / "template.csv").read_bytes()
    assert written == b"\xef\xbb\xbf" + printed.encode("utf-8")


HOSTILE = """\
id: hostile
version: 1.0.0
title: "@SUM(A1)"
summary: S.
source: {citation: "C (2026)."}
scale:
  - {value: -1, label: "Worse", description: "It got\\nworse."}
  - {value: 0, label: "Same"}
dimensions:
  - id: d
    title: D
    questions:
      - id: q
        text: "Two\\nlines\\u202e\\e[31m"
        help: "=HYPERLINK(\\"http://evil.example\\")"
"""


def test_no_cell_is_a_formula_and_no_control_is_sent(
    cli: Run, tmp_path: Path, write: Callable[..., Path]
) -> None:
    write("own/hostile.yaml", HOSTILE)
    result = cli("template", "--format", "csv", "--rubric", "own", "--only", "hostile")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    (row,) = rows(result.stdout)[2:-1]
    assert row["Form question"] == "[q] Two lines\\u202e\\x1b[31m"
    assert row["Description"] == ' =HYPERLINK("http://evil.example")'
    assert row["Answers"] == " -1 - Worse: It got worse.\n0 - Same\nDon't know\nDoes not apply"
    assert row["Grid"] == " @SUM(A1)"
    assert row["Grid answers"].startswith(" -1 - Worse\n0 - Same\n")
    export = _export(rows(result.stdout), lambda place, offered: offered[0])
    (tmp_path / "form.csv").write_text(export, encoding="utf-8")
    imported = cli("import", "form.csv", "--rubric", "own", "--only", "hostile", "-o", "a.yaml")
    assert imported.exit_code == 0, imported.output
    (person,) = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))["respondents"]
    assert person["answers"] == {"hostile": {"q": -1}}


def test_a_form_built_in_welsh_imports_without_a_mapping(cli: Run, tmp_path: Path) -> None:
    """A Welsh form: role, name and "anything else" titles and every answer in Welsh,
    read back by an import run in English, with no mapping."""
    printed = cli("template", "--format", "csv", "--lang", "cy").stdout
    _header, *cells = csv.reader(io.StringIO(printed))
    template = [dict(zip(HEADER, row, strict=True)) for row in cells]
    assert template[0]["Form question"] == "Eich rôl"
    _imports_whole(cli, tmp_path, template)


def _imports_whole(cli: Run, tmp_path: Path, template: list[dict[str, str]]) -> None:
    """A form built from the template, each question given a different one of its answers
    (don't know and does not apply too), imports with no mapping and nothing lost."""
    export = _export(template, lambda place, offered: offered[place % len(offered)])
    (tmp_path / "form.csv").write_text(export, encoding="utf-8")
    result = cli("import", "form.csv", "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    (person,) = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))["respondents"]
    assert (person["role"], person["name"]) == ("person-using-services", "Sam")
    assert person["note"] == "More time to talk, please."
    catalog = load_catalog()
    expected: dict[str, dict[str, object]] = {}
    for place, row in enumerate(template[2:-1], start=2):
        rubric = catalog.rubric(row["Rubric"])
        (question,) = [q for _, q in rubric.questions() if q.id == row["Question id"]]
        options = rubric.options_for(question)
        chosen = place % (len(options) + 2)
        answer: object = (
            options[chosen].value
            if chosen < len(options)
            else {"skip": ["dont-know", "not-applicable"][chosen - len(options)]}
        )
        expected.setdefault(rubric.id, {})[question.id] = answer
    assert person["answers"] == expected
    assert sum(map(len, expected.values())) == sum(
        len(r.questions()) for r in catalog.rubrics.values()
    )
