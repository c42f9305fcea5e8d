"""One of anything is singular in every output: 1 person, 1 respondent, 1 point, 1 file."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Run = Callable[..., Result]
Write = Callable[..., Path]

# A count of one before a plural noun, as any output could write it.
ONE_PLURAL = re.compile(
    r"(?<![\d.,])[+-]?1 (people|persons|respondents|points|answers|questions|professionals"
    r"|files|rungs|groups|warning signs|flags)\b"
)

# Two people, one on each side, so that every count of people below is one.
TWO = """\
assessment: {{organisation: Forum, period: "{period}", date: "{period}-01-01"}}
respondents:
  - id: r1
    role: staff
    answers:
      nef-six-principles:
        assets-1: 2
        assets-2: {staff}
        mutuality-1: {{value: 1, note: "Only staff are paid"}}
      arnstein-ladder: {{money-1: 3}}
  - id: r2
    role: family-carer
    answers:
      nef-six-principles: {{assets-1: 1, assets-2: 2, mutuality-1: 1}}
      arnstein-ladder: {{money-1: 2}}
"""


def _plain(text: str) -> str:
    """What a reader sees of any output: tags and table rules gone, one space between words."""
    text = html.unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", text, flags=re.S))
    return " ".join(re.sub(r"[|│┃]", " ", text).split())


def test_one_is_singular_in_every_output(
    cli: Run, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # wide enough that no cell wraps
    write("2025.yaml", TWO.format(period="2025", staff=3))
    write("2026.yaml", TWO.format(period="2026", staff=4))
    one = ["--min-group", "1"]
    seen = {
        "score table": cli("score", "2026.yaml", *one).stdout,
        "score json": cli("score", "2026.yaml", *one, "--format", "json").stdout,
        "diff table": cli("diff", "2025.yaml", "2026.yaml", *one).stdout,
        "diff json": cli("diff", "2025.yaml", "2026.yaml", *one, "--format", "json").stdout,
        "trend table": cli("trend", "2025.yaml", "2026.yaml", *one).stdout,
    }
    for name in ("report.md", "report.html"):
        assert cli("report", "2026.yaml", *one, "-o", name).exit_code == 0
        seen[name] = (tmp_path / name).read_text(encoding="utf-8")
    for name in ("diff.md", "diff.html", "trend.md", "trend.html"):
        command = name.split(".")[0]
        assert cli(command, "2025.yaml", "2026.yaml", *one, "-o", name).exit_code == 0
        seen[name] = (tmp_path / name).read_text(encoding="utf-8")
    found = {name: ONE_PLURAL.findall(_plain(text)) for name, text in seen.items()}
    assert {name: words for name, words in found.items() if words} == {}
    # The counts of one are there to be read, each in the singular.
    assert "1 person with lived experience, 1 professional" in _plain(seen["score table"])
    assert "fewer than 1 person" in _plain(seen["report.md"])
    assert "from 1 person and 1 person" in seen["score json"]
    assert "Assets 2 (50%), Developing 2.25 (56%), Developing ▲ up 6 points" in _plain(
        seen["diff.md"]
    )
    assert "Who answered: 2025, 2 people; 2026, 2 people." in _plain(seen["trend.html"])


def test_import_and_merge_count_one_in_the_singular(cli: Run, write: Write, tmp_path: Path) -> None:
    write("form.csv", "Role,[assets-1]\nStaff member,2\n")
    imported = cli("import", "form.csv", "--only", "nef-six-principles", "-o", "a.yaml")
    assert imported.stdout.startswith("Imported 1 respondent (1 answer) into a.yaml.")
    write("b.yaml", (tmp_path / "a.yaml").read_text(encoding="utf-8"))
    merged = cli("merge", "a.yaml", "b.yaml", "-o", "both.yaml")
    assert merged.stdout.startswith("Merged 2 respondents from 2 files into both.yaml.")
    added = cli("import", "form.csv", "--only", "nef-six-principles", "--append", "-o", "a.yaml")
    assert added.stdout.startswith("Added 1 respondent (1 answer) to a.yaml, which now holds 2.")
