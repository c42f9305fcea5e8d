"""`coprod template --lang`: question sheets and the sense-check sheet in Welsh and Easy Read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import Result

from coprod_assess.i18n import DEFAULT, set_language
from tests.conftest import unchecked_demo
from tests.report.sheet_languages import CORE, EASY_TEXT, NOT_CORE, PICTURES, write_rubric

Run = Callable[..., Result]
EASY_NOTE = "Easy Read asks the short form: only the core questions (as with --short)."


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """`--lang` sets the language for the rest of the process: put English back."""
    yield
    set_language(DEFAULT)


@pytest.fixture
def ours(tmp_path: Path) -> list[str]:
    """Options for the test rubric (with Welsh and Easy Read words) alone."""
    return ["--rubric", str(write_rubric(tmp_path / "rubrics")), "--only", "sheet-test"]


def test_easy_read_is_the_short_form_and_says_so(cli: Run, ours: list[str]) -> None:
    result = cli("template", *ours, "--lang", "en-easy", "--format", "html")
    assert result.exit_code == 0, result.output
    assert EASY_NOTE in result.stderr
    page = result.stdout
    assert '<html lang="en">' in page and '<body class="easy">' in page
    assert page.count('class="question') == len(CORE)
    assert page.count("<img ") == len(PICTURES)
    for _, alt in PICTURES.values():
        assert f'alt="{alt}"' in page
    assert all(f"{n}. {EASY_TEXT[q]}" in page for n, q in enumerate(CORE, start=1))
    # Asked for with --short, nothing needs saying.
    short = cli("template", *ours, "--lang", "en-easy", "--short", "--format", "md")
    assert short.exit_code == 0 and EASY_NOTE not in short.stderr
    assert "*Picture: Two people count coins at a table.*" in short.stdout
    assert not any(f"({qid})" in short.stdout for qid in NOT_CORE)


def test_easy_read_blank_answers_are_the_short_form_too(cli: Run, ours: list[str]) -> None:
    result = cli("template", *ours, "--lang", "en-easy")
    assert result.exit_code == 0 and EASY_NOTE in result.stderr
    data = yaml.safe_load(result.stdout)
    assert data["assessment"]["form"] == "short"
    assert list(data["respondents"][0]["answers"]["sheet-test"]) == CORE


def test_welsh_sheet(cli: Run, ours: list[str], tmp_path: Path) -> None:
    result = cli("template", *ours, "--lang", "cy", "--format", "html", "-o", "taflen.html")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "taflen.html").read_text(encoding="utf-8")
    assert '<html lang="cy">' in page and "<h1>Taflen gwestiynau</h1>" in page
    assert '<h2 id="about-heading">Amdanoch chi</h2>' in page
    assert "Rhannu pŵer (fframwaith prawf ar gyfer taflenni)</h2>" in page
    assert page.count('<tr class="statement">') == 5  # the full form, in one grid
    assert "has no words" not in result.stderr
    markdown = cli("template", *ours, "--lang", "cy", "--short", "--format", "md").stdout
    assert markdown.startswith("# Taflen gwestiynau (y ffurflen fer)\n")


def test_a_rubric_with_no_words_in_the_language_is_named(cli: Run, ours: list[str]) -> None:
    (Path(ours[1]) / "sheet-test.cy.yaml").unlink()
    result = cli("template", *ours, "--lang", "cy", "--format", "md")
    assert result.exit_code == 0, result.output
    assert "sheet-test.yaml: does dim geiriau yn yr iaith hon (Cymraeg)" in result.stderr
    assert "Sharing power (a test rubric for sheets)" in result.stdout
    # English needs no such line, nor does a blank answers file.
    assert "has no words" not in cli("template", *ours, "--format", "md").stderr
    assert "geiriau" not in cli("template", *ours, "--lang", "cy").stderr


def test_welsh_sense_check_sheet(cli: Run, tmp_path: Path) -> None:
    demo = unchecked_demo(cli, tmp_path)
    result = cli("template", "--sense-check", str(demo), "--lang", "cy", "--format", "html")
    assert result.exit_code == 0, result.output
    findings = yaml.safe_load(demo.read_text(encoding="utf-8"))["sense_check"]["findings"]
    assert f"Wedi cadw {len(findings)} o ganfyddiadau yn {demo}." in result.stderr
    page = result.stdout
    assert '<html lang="cy">' in page
    assert "<h1>Ydy'r canfyddiadau hyn yn cyd-fynd â'ch profiad chi?</h1>" in page
    assert page.count("<strong>1 = Ydy</strong>") == len(findings)
    # Drawn for a Welsh sheet, the findings are saved in Welsh and need no mark; the
    # same sheet in English marks them as Welsh.
    assert '<p lang="en">' not in page
    assert yaml.safe_load(demo.read_text(encoding="utf-8"))["sense_check"]["lang"] == "cy"
    english = cli("template", "--sense-check", str(demo), "--format", "html").stdout
    assert english.count('<p lang="cy">') == len(findings)
    wrong = cli("template", "--sense-check", str(demo), "--lang", "cy", "--format", "csv")
    assert wrong.exit_code == 2 and "naill ai'n md neu'n html" in wrong.stderr
