"""`coprod rubric check` via the CLI: output formats, exit codes, a folder of broken files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import DATA

Run = Callable[..., Result]

BROKEN = [
    ("01-not-utf8.yaml", 2, 11, "not-utf8"),
    ("02-empty.yaml", 1, 1, "file-empty"),
    ("03-list.yaml", 1, 1, "not-mapping"),
    ("04-syntax.yaml", 12, 4, "yaml-syntax"),
    ("05-duplicate-key.yaml", 10, 1, "duplicate-key"),
    ("06-python-tag.yaml", 10, 8, "yaml-tag"),
    ("07-unknown-key.yaml", 15, 5, "unknown-key"),
    ("08-missing-key.yaml", 1, 1, "missing-key"),
    ("09-bad-version.yaml", 2, 10, "invalid"),
    ("10-bad-weight.yaml", 15, 37, "invalid"),
    ("11-duplicate-question.yaml", 15, 14, "duplicate-id"),
    ("12-bands.yaml", 13, 14, "bands-order"),
    ("13-ladder-groups.yaml", 8, 5, "ladder-groups"),
    ("13-ladder-groups.yaml", 9, 5, "ladder-groups"),
    ("14-flags.yaml", 7, 37, "unknown-reference"),
    ("14-flags.yaml", 8, 53, "unknown-reference"),
    ("15-roles.yaml", 2, 44, "invalid"),
]


def test_builtin_set_checks_clean(cli: Run) -> None:
    result = cli("rubric", "check")
    assert result.exit_code == 0, result.output
    assert "no problems found" in result.stdout


def test_test_rubrics_check_clean(cli: Run) -> None:
    result = cli("rubric", "check", str(DATA / "rubrics"))
    assert result.exit_code == 0, result.output


def test_folder_of_broken_files_reports_each_at_its_position(cli: Run) -> None:
    result = cli("rubric", "check", "--format", "json", str(DATA / "broken"))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    found = [(Path(p["file"]).name, p["line"], p["column"], p["code"]) for p in report["problems"]]
    assert found == BROKEN
    assert len(report["files"]) == 15


def test_text_format_lines_and_summary(cli: Run) -> None:
    result = cli("rubric", "check", str(DATA / "broken" / "10-bad-weight.yaml"))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].endswith(
        "10-bad-weight.yaml:15:37: error[invalid] "
        "dimensions[0].questions[1].weight: must be greater than 0, got 0"
    )
    assert lines[-1] == "1 file checked: 1 problem in 1 file."


def test_github_format(cli: Run) -> None:
    result = cli("rubric", "check", "--format", "github", str(DATA / "broken" / "12-bands.yaml"))
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("::error file=")
    assert "12-bands.yaml,line=13,col=14,title=bands-order::band 'Also low' starts at 0" in first


def test_github_format_is_chosen_under_github_actions(
    cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = cli("rubric", "check", str(DATA / "broken" / "02-empty.yaml"))
    assert result.stdout.startswith("::error file=")


def test_missing_path_is_a_problem_not_a_traceback(cli: Run) -> None:
    result = cli("rubric", "check", "nowhere.yaml")
    assert result.exit_code == 1
    assert "nowhere.yaml: error[file-missing] no such file or folder" in result.stdout


def test_unknown_format_is_a_usage_error(cli: Run) -> None:
    result = cli("rubric", "check", "--format", "xml")
    assert result.exit_code == 2


def test_python_tag_message_is_short(cli: Run) -> None:
    result = cli("rubric", "check", str(DATA / "broken" / "06-python-tag.yaml"))
    assert "tag !!python/object/apply:os.system is not allowed" in result.stdout


CORE_MISSING = """\
id: half-core
version: 1.0.0
title: Half core
summary: A rubric whose second rule has no core belief question.
source: {citation: "Test (2026)."}
scale: [{value: 0, label: No}, {value: 1, label: Yes}]
dimensions:
  - id: first
    title: First
    questions:
      - {id: first-1, text: We do it., side: practice, core: true}
      - {id: first-2, text: We believe it., side: belief, core: true}
  - id: second
    title: Second
    questions:
      - {id: second-1, text: We do it., side: practice, core: true}
      - {id: second-2, text: We believe it., side: belief}
"""


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (
            "text",
            "half-core.yaml:13:9: error[core-missing] the belief side of dimension 'second' "
            "has no core question: the short form asks one question per dimension and side; "
            "mark one `core: true`",
        ),
        (
            "github",
            "::error file=half-core.yaml,line=13,col=9,title=core-missing::the belief side of "
            "dimension 'second' has no core question",
        ),
    ],
)
def test_missing_core_question_in_each_format(
    cli: Run, write: Callable[..., Path], fmt: str, expected: str
) -> None:
    write("half-core.yaml", CORE_MISSING)
    result = cli("rubric", "check", "--format", fmt, "half-core.yaml")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith(expected)


def test_missing_core_question_as_json(cli: Run, write: Callable[..., Path]) -> None:
    write("half-core.yaml", CORE_MISSING)
    result = cli("rubric", "check", "--format", "json", "half-core.yaml")
    assert result.exit_code == 1
    [problem] = json.loads(result.stdout)["problems"]
    assert (problem["line"], problem["column"], problem["code"]) == (13, 9, "core-missing")


def test_rubric_with_a_short_form_checks_clean(cli: Run) -> None:
    result = cli("rubric", "check", str(DATA / "short"))
    assert result.exit_code == 0, result.output
