"""`coprod report --lang cy`: the whole report in Welsh, the participants' report too, and
`lang` attributes that say which language each passage is in.

The demo's answers are reported in English and in Welsh, and the text of the two pages is
compared: every run of text the same in both must be the answers' own words (a name, a
note, a finding as the room saw it, a rubric's words), a number or a citation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from coprod_assess.cli.app import app
from coprod_assess.i18n import using
from coprod_assess.rubric.describe import explain
from coprod_assess.scoring.from_file import scored_from_file
from tests.browser import axe_violations

WELSH_NOTE = "Cawson ni wybod am y toriadau ar ôl iddyn nhw gael eu penderfynu."
WELSH_COMMENT = "Rydyn ni'n cael ein holi, ond does dim byd yn newid."
PAID = "I have never been paid for a meeting. Staff are paid to be there."
BUDGET = "The budget is set by the commissioner; we explain it at the forum."


class Texts(HTMLParser):
    """Every run of text on a page (the title and hidden chart descriptions too), and the
    `lang` of the element each sits in."""

    def __init__(self) -> None:
        super().__init__()
        self.runs: list[tuple[str, str | None]] = []
        self.html_lang: str | None = None
        self._stack: list[tuple[str, str | None]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        lang = dict(attrs).get("lang")
        if tag == "html":
            self.html_lang = lang
        if tag in ("style", "script"):
            self._skip += 1
        if tag not in ("meta", "br", "img", "input", "link"):
            self._stack.append((tag, lang))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text and not self._skip:
            self.runs.append((text, self._stack[-1][1] if self._stack else None))


def texts(html: str) -> Texts:
    parser = Texts()
    parser.feed(html)
    return parser


def strings(value: Any) -> Iterator[str]:
    """Every string in a result, however deep."""
    if isinstance(value, str):
        yield " ".join(value.split())
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


def run(*args: str) -> None:
    """`coprod ARGS`, leaving the language of the tests as it was."""
    with using("en"):
        result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's answers file (`coprod demo`)."""
    folder = tmp_path_factory.mktemp("welsh")
    run("demo", str(folder / "d"))
    return folder / "d" / "coprod-answers.yaml"


@pytest.fixture(scope="module")
def pages(demo: Path) -> dict[str, str]:
    """The demo's report and participants' report, in English and in Welsh."""
    found = {}
    for lang in ("en", "cy"):
        for audience, name in (("board", "report"), ("participants", "participants")):
            path = demo.with_name(f"{name}-{lang}.html")
            run("report", str(demo), "--lang", lang, "--for", audience, "-o", str(path))
            found[f"{name}-{lang}"] = path.read_text(encoding="utf-8")
    return found


def answers_data(demo: Path) -> set[str]:
    """The words of the answers and the rubrics, in both languages: what a report shows as
    it is given (names, notes, findings as seen, the rubrics' words, citations)."""
    data: set[str] = set()
    for lang in ("en", "cy"):
        with using(lang):
            shared = scored_from_file(demo).shared
            data |= set(strings(shared.model_dump()))
            # How each rubric is scored is said by the rubric area's own words.
            data |= {explain(r.method, r.range, r.threshold) for r in shared.rubrics}
    return data


def only_data_is_alike(english: str, welsh: str, data: set[str]) -> list[str]:
    """The runs of text the same in both pages that are neither data nor numbers."""
    english_runs = {text for text, _ in texts(english).runs}
    alike = [text for text, _ in texts(welsh).runs if text in english_runs]
    return sorted(
        {
            text
            for text in alike
            if re.search(r"[^\W\d_]", text)  # has a letter
            and text not in data
            and not text.startswith("coprod-assess")
        }
    )


@pytest.mark.parametrize("name", ["report", "participants"])
def test_the_welsh_page_has_no_english_sentence_left(
    demo: Path, pages: dict[str, str], name: str
) -> None:
    left = only_data_is_alike(pages[f"{name}-en"], pages[f"{name}-cy"], answers_data(demo))
    assert left == []


def test_the_welsh_report_has_welsh_headings_and_lang_cy(pages: dict[str, str]) -> None:
    welsh, english = texts(pages["report-cy"]), texts(pages["report-en"])
    assert welsh.html_lang == "cy" and english.html_lang == "en"
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", pages["report-cy"])
    for heading in (
        "Cynnwys",
        "Crynodeb",
        "Barn pobl â phrofiad bywyd a barn gweithwyr proffesiynol",
        "Arwyddion rhybudd",
        "Cryfderau",
        "Blaenoriaethau a chamau gweithredu",
        "Ydy'r ystafell yn adnabod y canfyddiadau?",
        "Beth ddywedodd pobl",
        "Pwy atebodd",
        "Dull a ffynonellau",
    ):
        assert heading in headings
    assert "22 Tachwedd 2026" in pages["report-cy"]
    assert texts(pages["participants-cy"]).html_lang == "cy"
    assert "Fe wnaethon ni gyfarfod ar 22 Tachwedd 2026." in pages["participants-cy"]


def test_the_welsh_markdown_report_is_welsh_too(demo: Path) -> None:
    path = demo.with_name("report-cy.md")
    run("report", str(demo), "--lang", "cy", "-o", str(path))
    text = path.read_text(encoding="utf-8")
    assert "## Crynodeb" in text and "## Dull a ffynonellau" in text
    assert "## Summary" not in text and "Warning signs" not in text


def with_languages(demo: Path, tmp_path: Path, welsh: tuple[str, ...] = ("r1", "r2", "r4")) -> Path:
    """The demo with some people answering in Welsh (r1 writing its note in Welsh, and
    r1's comment in Welsh), everyone else recorded as answering in English. Each of
    them wrote a note, so with three or more a language may be marked."""
    data = yaml.safe_load(demo.read_text(encoding="utf-8"))
    for person in data["respondents"]:
        person["lang"] = "cy" if person["id"] in welsh else "en"
        if person["id"] == "r1":
            person["answers"]["arnstein-ladder"]["money-1"]["note"] = WELSH_NOTE
    for checker in data["sense_check"]["people"].values():
        if checker["respondent"] == "r1":
            for response in checker["responses"].values():
                if isinstance(response, dict) and response.get("note"):
                    response["note"] = WELSH_COMMENT
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def lang_of(page: str, text: str) -> str | None:
    """The `lang` of the element holding exactly this text."""
    found = [lang for run_text, lang in texts(page).runs if run_text == text]
    assert found, f"{text!r} is not on the page"
    return found[0]


def test_an_english_report_marks_a_welsh_note_and_comment(demo: Path, tmp_path: Path) -> None:
    answers = with_languages(demo, tmp_path)
    out = tmp_path / "report.html"
    run("report", str(answers), "-o", str(out))
    page = out.read_text(encoding="utf-8")
    assert texts(page).html_lang == "en"
    assert lang_of(page, WELSH_NOTE) == "cy"
    # One comment in Welsh among English ones is not marked: it would point at the one
    # person who answered in Welsh.
    assert lang_of(page, WELSH_COMMENT) is None
    # Notes in the report's own language, or of people whose language is not known, are
    # not marked: the page's own lang covers them.
    assert (
        lang_of(page, "I have never been paid for a meeting. Staff are paid to be there.") is None
    )
    assert (
        lang_of(page, "The budget is set by the commissioner; we explain it at the forum.") is None
    )


def test_a_note_is_not_marked_when_fewer_than_min_group_wrote_in_its_language(
    demo: Path, tmp_path: Path
) -> None:
    # The mark follows the language the person answered in, not the note's own words:
    # with two people answering in Welsh, marking would narrow a note down to them.
    answers = with_languages(demo, tmp_path, welsh=("r1", "r2"))
    out = tmp_path / "report.html"
    run("report", str(answers), "-o", str(out))
    page = out.read_text(encoding="utf-8")
    assert lang_of(page, WELSH_NOTE) is None
    assert 'lang="cy"' not in page


def test_a_welsh_report_marks_an_english_note(demo: Path, tmp_path: Path) -> None:
    answers = with_languages(demo, tmp_path)
    out = tmp_path / "report.html"
    run("report", str(answers), "--lang", "cy", "-o", str(out))
    page = out.read_text(encoding="utf-8")
    assert texts(page).html_lang == "cy"
    assert lang_of(page, WELSH_NOTE) is None
    assert (
        lang_of(page, "I have never been paid for a meeting. Staff are paid to be there.") == "en"
    )


def test_an_easy_read_report_says_en() -> None:
    from coprod_assess.report.language import passage_lang

    with using("en-easy"):
        assert passage_lang("en") == "" and passage_lang("cy-easy") == "cy"
    with using("cy"):
        assert passage_lang("cy-easy") == "" and passage_lang("en-easy") == "en"


# In a real browser.


@pytest.mark.parametrize("name", ["demo-cy.html", "participants-cy.html"])
def test_axe_passes_on_the_welsh_pages(browser: Any, reports: dict[str, Path], name: str) -> None:
    page = browser.new_page()
    page.goto(reports[name].as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.lang") == "cy"
    assert axe_violations(page) == []
    page.close()


def test_a_result_scored_in_english_keeps_its_words_under_welsh_headings(demo: Path) -> None:
    out = demo.with_name("from-result-cy.md")
    run("report", str(demo.with_name("result.json")), "--lang", "cy", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "## Crynodeb" in text and "## Dull a ffynonellau" in text
    # The rubric's words are as the result file stored them, in English.
    assert "## Arnstein's ladder of citizen participation" in text
