"""`coprod score` through the CLI: the summary, result files, and every answers error."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import DATA

Run = Callable[..., Result]
Years = Callable[[], dict[str, Path]]
ANSWERS = str(DATA / "answers" / "workshop.yaml")
RUBRICS = str(DATA / "rubrics")

HEAD = """\
assessment: {organisation: Forum, period: "2026"}
respondents:
"""


def test_summary_table(cli: Run) -> None:
    result = cli("score", ANSWERS, "--rubric", RUBRICS)
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "Riverside Parent Carer Forum · 2026 · 2026-11-22" in out
    assert "6 respondents: 3 people with lived experience, 3 professionals" in out
    assert "1.67 of 0-3 (56%)" in out
    assert "Emerging" in out
    assert "92% by 6" in out
    # Two of the three people with lived experience skipped a decisions question each:
    # that figure comes from two people, so the comparison waits for a threshold of 2.
    assert "Lived and professional views are not compared" in out
    assert "Not checked: Staff see more co-production" in out
    two = " ".join(cli("score", ANSWERS, "--rubric", RUBRICS, "--min-group", "2").stdout.split())
    assert "+67 points" in two and "professionals" in two
    assert "Flag: Staff see more co-production than people with lived experience do" in two


def test_small_groups_are_not_compared(cli: Run) -> None:
    result = cli("score", ANSWERS, "--rubric", RUBRICS, "--min-group", "4")
    out = " ".join(result.stdout.split())
    assert "Lived and professional views are not compared" in out
    assert "+67 points" not in out


@pytest.mark.parametrize(("name", "first"), [("out.json", "{"), ("out.yaml", "format: 2")])
def test_output_file_format_from_suffix(cli: Run, tmp_path: Path, name: str, first: str) -> None:
    result = cli("score", ANSWERS, "--rubric", RUBRICS, "-o", name)
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(first)
    assert f"Wrote {name}" in result.stderr


def test_json_to_stdout(cli: Run) -> None:
    result = cli("score", ANSWERS, "--rubric", RUBRICS, "--format", "json")
    data = json.loads(result.stdout)
    assert data["rubrics"][0]["scores"]["everyone"]["band"] == "Emerging"


def test_version_mismatch_is_a_warning(cli: Run, write: Callable[..., Path]) -> None:
    text = (DATA / "answers" / "workshop.yaml").read_text(encoding="utf-8")
    path = write("a.yaml", text.replace("sharing-power: 1.0.0", "sharing-power: 0.9.0"))
    result = cli("score", str(path), "--rubric", RUBRICS)
    assert result.exit_code == 0
    assert (
        "a.yaml:5:28: warning[rubric-version] answers were given against sharing-power 0.9.0"
        in (result.stderr)
    )


@pytest.mark.parametrize(
    ("body", "where", "code"),
    [
        ("  - {id: r1, role: chief, answers: {}}\n", "3:20", "unknown-role"),
        ("  - {id: r1, role: staff, answers: {nope: {q: 1}}}\n", "3:37", "unknown-rubric"),
        (
            "  - {id: r1, role: staff, answers: {sharing-power: {money-9: 1}}}\n",
            "3:53",
            "unknown-question",
        ),
        (
            "  - {id: r1, role: staff, answers: {sharing-power: {money-1: 7}}}\n",
            "3:62",
            "invalid-answer",
        ),
        (
            "  - {id: r1, role: staff, answers: {sharing-power: {money-1: {value: 9}}}}\n",
            "3:70",
            "invalid-answer",
        ),
        ("  - {id: r1, role: staff}\n  - {id: r1, role: staff}\n", "4:10", "duplicate-id"),
        (
            "  - {id: r1, role: staff, answers: {sharing-power: {money-1: {note: x}}}}\n",
            "3:62",
            "invalid",
        ),
        ("  - {id: r1, role: staff, colour: blue}\n", "3:27", "unknown-key"),
    ],
)
def test_answers_errors_name_line_and_column(
    cli: Run, write: Callable[..., Path], body: str, where: str, code: str
) -> None:
    path = write("answers.yaml", HEAD + body)
    result = cli("score", str(path), "--rubric", RUBRICS)
    assert result.exit_code == 1
    assert f"answers.yaml:{where}: error[{code}]" in result.stderr, result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("content", "code"),
    [("", "file-empty"), ("- a\n", "not-mapping"), (b"period: \xff\n", "not-utf8")],
)
def test_broken_answers_files(
    cli: Run, write: Callable[..., Path], content: str | bytes, code: str
) -> None:
    path = write("answers.yaml", content)
    result = cli("score", str(path))
    assert result.exit_code == 1
    assert f"error[{code}]" in result.stderr


def test_missing_answers_file(cli: Run) -> None:
    result = cli("score", "nowhere.yaml")
    assert result.exit_code == 1
    assert "nowhere.yaml: error[file-missing] no such file" in result.stderr


def test_a_ladder_score_between_rungs_names_both_rungs(
    cli: Run, years: Years, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # wide enough that no cell wraps
    out = " ".join(cli("score", str(years()["2026"])).stdout.split())
    assert "3.5, between rung 3, Informing, and rung 4, Consultation (Tokenism)" in out
    assert "rung 4, Consultation (Doing for)" in out
    assert "rung 3.5" not in out


def test_each_ladder_names_its_weakest_and_its_strongest_area(
    cli: Run, years: Years, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # wide enough that no line wraps
    lines = cli("score", str(years()["2026"])).stdout.splitlines()
    assert (
        "Arnstein's ladder of citizen participation: weakest decision area: Money and budgets, "
        "at rung 2, Therapy; strongest decision area: Delivering the service, at 4.5, between "
        "rung 4, Consultation, and rung 5, Placation."
    ) in lines
    assert (
        "Think Local Act Personal's ladder of co-production: weakest decision area: Money and "
        "budgets, at rung 2, Educating; strongest decision area: Delivering the service, at "
        "rung 5, Engagement."
    ) in lines


NO_ANSWERS = {
    "nobody.yaml": HEAD + "  []\n",
    "unanswered.yaml": HEAD + "  - {id: r1, role: staff}\n  - {id: r2, role: family-carer}\n",
    "blanks.yaml": HEAD
    + "  - id: r1\n    role: staff\n    answers: {nef-six-principles: {assets-1: }}\n",
}


@pytest.mark.parametrize("name", list(NO_ANSWERS))
def test_a_file_without_answers_says_how_to_add_them(
    cli: Run, write: Callable[..., Path], name: str
) -> None:
    write(name, NO_ANSWERS[name])
    for args in (("score", name), ("report", name), ("diff", name, name), ("trend", name)):
        result = cli(*args)
        assert result.exit_code == 1, args
        assert result.stdout == "", args
        assert result.stderr == (
            f"{name}: error[no-answers] has no answers yet, so nothing to score: add them with "
            f"`coprod assess {name}` (one person after another), `coprod workshop {name}` "
            f"(everyone on their own phone) or `coprod import EXPORT.csv --append -o {name}` "
            "(from an online form)\n"
        ), args
