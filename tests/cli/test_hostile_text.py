"""Hostile text in rubrics, roles and answers: every command shows it as written, inert.

Rich markup, escape sequences (colour, OSC-8 hyperlinks), carriage returns, bells,
bidi overrides and line breaks that forge a `file:line:col: error` line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import Result

from tests.conftest import DATA

Run = Callable[..., Result]

# As written in a YAML double-quoted string: \e is ESC, \a is BEL.
HOSTILE = (
    r"[/x] [bold]B[/bold] \e[31mRED\e[0m \e]8;;https://evil.example\e\\link\e]8;;\e\\ "
    r"\rCR \a \u202eRLO\nother.yaml:1:1: error[x] fake"
)
SEEN = "[/x] [bold]B[/bold] \\x1b[31mRED\\x1b[0m \\x1b]8;;https://evil.example\\x1b\\link"
FORGED = "other.yaml:1:1: error[x] fake"
# On one line (a title, a table cell): CR and LF are spaces.
ONE_LINE = f"{SEEN}\\x1b]8;;\\x1b\\  CR \\x07 \\u202eRLO {FORGED}"

RUBRIC = f"""\
id: hostile
version: 1.0.0
title: "{HOSTILE}"
summary: "{HOSTILE}"
source:
  citation: "{HOSTILE}"
  notes: "{HOSTILE}"
scale:
  - {{value: 0, label: "{HOSTILE}", description: "{HOSTILE}", group: "{HOSTILE}"}}
  - {{value: 4, label: Four}}
scoring:
  bands:
    - {{from: 0, label: "{HOSTILE}"}}
    - {{from: 2, label: High}}
dimensions:
  - id: power
    title: "{HOSTILE}"
    description: "{HOSTILE}"
    questions:
      - {{id: power-1, text: "{HOSTILE}", help: "{HOSTILE}"}}
      - id: power-2
        text: Second
        options:
          - {{value: 1, label: "{HOSTILE}", description: "{HOSTILE}"}}
          - {{value: 3, label: Three}}
    actions:
      - text: "{HOSTILE}"
"""
ROLES = f"""\
roles:
  - {{id: visitor, label: "{HOSTILE}", perspective: lived}}
"""


def period(label: str, organisation: str, first: int) -> str:
    people = [("r1", "visitor"), ("r2", "staff"), ("r3", "staff"), ("r4", "staff")]
    lines = [
        "assessment:",
        f'  organisation: "{organisation}"',
        f'  period: "{label}"',
        "  rubrics: {hostile: 1.0.0}",
        "respondents:",
    ]
    for number, (person, role) in enumerate(people):
        value = 4 if (first + number) % 2 else 0
        lines += [
            f"  - id: {person}",
            f"    role: {role}",
            "    answers:",
            "      hostile:",
            f'        power-1: {{value: {value}, note: "{HOSTILE}"}}',
            "        power-2: 3",
        ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def hostile(write: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """A rubric and roles folder, and two periods of answers, all full of hostile text."""
    monkeypatch.setenv("COLUMNS", "400")  # no wrapping: a line break here is one we printed
    folder = write("rubrics/hostile.yaml", RUBRIC).parent
    write("rubrics/roles.yaml", ROLES)
    return {
        "rubrics": folder,
        "old": write("old.yaml", period(f"2025 {HOSTILE}", HOSTILE, 0)),
        "new": write("new.yaml", period(f"2026 {HOSTILE}", HOSTILE, 1)),
    }


def assert_inert(result: Result) -> None:
    assert result.exit_code == 0, result.output
    for stream in (result.stdout, result.stderr):
        for raw in ("\x1b", "\x07", "\r", "\u202e"):
            assert raw not in stream
        assert not [line for line in stream.splitlines() if line.startswith(FORGED)]


def test_hostile_text_parses_as_itself() -> None:
    """The files really hold raw escapes and line breaks, so the tests below test something."""
    title = yaml.safe_load(RUBRIC)["title"]
    assert title.startswith("[/x] [bold]B[/bold] \x1b[31mRED")
    assert "\x1b]8;;https://evil.example\x1b\\link" in title
    assert "\nother.yaml:1:1: error[x] fake" in title


def test_rubric_list(cli: Run, hostile: dict[str, Path]) -> None:
    result = cli("rubric", "list", "--rubric", str(hostile["rubrics"]))
    assert_inert(result)
    assert f"│ hostile              │ 1.0.0   │ {ONE_LINE} │" in result.stdout


def test_rubric_show(cli: Run, hostile: dict[str, Path]) -> None:
    result = cli("rubric", "show", "hostile", "--rubric", str(hostile["rubrics"]))
    assert_inert(result)
    out = result.stdout
    assert f"  0. {SEEN}" in out
    assert f"     1. {SEEN}" in out
    assert f"\n     {FORGED}" in out, "a description's own line break, indented"
    assert f"  from 0: {SEEN}" in out


def test_score(cli: Run, hostile: dict[str, Path]) -> None:
    result = cli("score", str(hostile["new"]), "--rubric", str(hostile["rubrics"]))
    assert_inert(result)
    assert ONE_LINE in result.stdout
    assert "Privacy" in result.stdout


def test_diff(cli: Run, hostile: dict[str, Path]) -> None:
    old, new = str(hostile["old"]), str(hostile["new"])
    result = cli("diff", old, new, "--rubric", str(hostile["rubrics"]))
    assert_inert(result)
    assert f"changes from 2025 {SEEN}" in result.stdout


def test_trend(cli: Run, hostile: dict[str, Path]) -> None:
    old, new = str(hostile["old"]), str(hostile["new"])
    result = cli("trend", old, new, "--rubric", str(hostile["rubrics"]))
    assert_inert(result)
    assert SEEN in result.stdout


def test_diff_markdown_on_the_screen(cli: Run, hostile: dict[str, Path]) -> None:
    old, new = str(hostile["old"]), str(hostile["new"])
    result = cli("diff", old, new, "--format", "md", "--rubric", str(hostile["rubrics"]))
    assert_inert(result)


BROKEN = """\
id: broken
version: 1.0.0
title: Broken
summary: A broken rubric.
source: {citation: "Test (2026)."}
scale: [{value: 0, label: No}, {value: 1, label: Yes}]
dimensions:
  - id: d
    title: D
    questions: [{id: q, text: Q}]
    "key\\nother.yaml:1:1: error[x] fake\\e]8;;https://evil.example\\e\\\\": 1
"""


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_rubric_check(cli: Run, write: Callable[..., Path], fmt: str) -> None:
    path = write("odd\x1b[2Jname\nother.yaml:1:1: error[x] fake.yaml", BROKEN)
    result = cli("rubric", "check", str(path), "--format", fmt)
    assert result.exit_code == 1
    for raw in ("\x1b", "\r"):
        assert raw not in result.stdout
    lines = result.stdout.splitlines()
    assert len(lines) == 2, "one problem line and the summary"
    assert not [line for line in lines if line.startswith(FORGED)]
    if fmt == "text":
        assert lines[0].startswith("odd\\x1b[2Jname other.yaml:1:1: error[x] fake.yaml:11:5: ")
        assert "key other.yaml:1:1: error[x] fake\\x1b]8;;https://evil.example\\x1b\\" in lines[0]
    else:
        assert lines[0].startswith("::error file=odd\\x1b[2Jname%0Aother.yaml%3A1%3A1%3A ")
        assert "key%0Aother.yaml:1:1: error[x] fake\\x1b]8;;" in lines[0]


def test_error_lines_are_one_line_each(cli: Run, write: Callable[..., Path]) -> None:
    path = write("odd\nother.yaml:1:1: error[x] fake.yaml", BROKEN)
    result = cli("rubric", "list", "--rubric", str(path))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("odd other.yaml:1:1: error[x] fake.yaml:11:5: error[unknown-key]")


def test_hostile_report_template(cli: Run, write: Callable[..., Path], tmp_path: Path) -> None:
    mine = write("mine/report.md.j2", "# Mine\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n")
    answers, rubrics = DATA / "answers" / "workshop.yaml", DATA / "rubrics"
    options = ["--rubric", str(rubrics), "-o", "r.md", "--template-dir", str(mine.parent)]
    result = cli("report", str(answers), *options)
    assert result.exit_code == 1
    assert result.stderr == (
        "mine/report.md.j2:2: error[template] "
        "access to attribute '__class__' of 'str' object is unsafe.\n"
    )
    assert not (tmp_path / "r.md").exists()


@pytest.mark.parametrize("fmt", ["yaml", "md", "html", "csv"])
def test_template(cli: Run, hostile: dict[str, Path], fmt: str) -> None:
    rubrics = str(hostile["rubrics"])
    result = cli("template", "--rubric", rubrics, "--only", "hostile", "--format", fmt)
    assert result.exit_code == 0, result.output
    for raw in ("\x1b", "\x07", "\r", "\u202e"):
        assert raw not in result.stdout
    shown = "\\\\x1b\\]8;;https\\:\\//" if fmt == "md" else "\\x1b]8;;https://"
    assert shown in result.stdout
