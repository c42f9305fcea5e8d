"""The sense-check's findings are shown in the words people checked, marked with the
language they were written in where the page is in another."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import yaml
from typer.testing import Result

from tests.conftest import unchecked_demo


def _finding_langs(page: str) -> set[str | None]:
    found = re.findall(r'<p class="finding-text"(?: lang="([a-z]+)")?>', page)
    return {lang or None for lang in found}


def test_findings_drawn_in_welsh_are_saved_as_welsh_and_marked_in_english(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    answers = unchecked_demo(cli, tmp_path)
    sheet = cli("template", "--sense-check", str(answers), "--format", "html", "--lang", "cy")
    assert sheet.exit_code == 0, sheet.stderr
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    assert data["sense_check"]["lang"] == "cy"
    welsh_words = next(iter(data["sense_check"]["findings"].values()))
    assert welsh_words in html.unescape(sheet.stdout)
    data["sense_check"]["people"] = {
        f"c{n}": {
            "role": "staff",
            "responses": dict.fromkeys(data["sense_check"]["findings"], "yes"),
        }
        for n in range(1, 4)
    }
    answers.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    english = tmp_path / "en.html"
    assert cli("report", str(answers), "-o", str(english)).exit_code == 0
    page = english.read_text(encoding="utf-8")
    assert welsh_words in html.unescape(page)
    assert _finding_langs(page) == {"cy"}

    welsh = tmp_path / "cy.html"
    assert cli("report", str(answers), "--lang", "cy", "-o", str(welsh)).exit_code == 0
    assert _finding_langs(welsh.read_text(encoding="utf-8")) == {None}


def test_findings_in_a_file_that_does_not_say_are_english(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    assert cli("demo", "d").exit_code == 0
    answers = tmp_path / "d" / "coprod-answers.yaml"
    assert "lang" not in yaml.safe_load(answers.read_text(encoding="utf-8"))["sense_check"]
    welsh = tmp_path / "cy.html"
    assert cli("report", str(answers), "--lang", "cy", "-o", str(welsh)).exit_code == 0
    assert _finding_langs(welsh.read_text(encoding="utf-8")) == {"en"}
    participants = tmp_path / "p.html"
    result = cli(
        "report", str(answers), "--for", "participants", "--lang", "cy", "-o", str(participants)
    )
    assert result.exit_code == 0
    assert '<span lang="en">' in participants.read_text(encoding="utf-8")
