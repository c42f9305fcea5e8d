"""The question sheet in Welsh and in Easy Read, as a person holding it sees it.

Welsh: every word of the program's in Welsh (none of the English sheet's own words
left), the rubric's words from its Welsh translation, `<html lang="cy">`.
Easy Read: the short form only, each question's picture on the left copied into
the page with its alt text, every word at 14pt or more on a phone and on paper,
big boxes, two questions a page at most when printed. Both pass axe on a phone.
"""

from __future__ import annotations

import base64
import math
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from coprod_assess.i18n import DEFAULT, set_language, using
from coprod_assess.report.sheet import render_check_sheet, render_sheet
from coprod_assess.report.templating import Kind
from coprod_assess.rubric.catalog import load_catalog
from tests.browser import axe_violations
from tests.report.sheet_languages import (
    CORE,
    EASY_TEXT,
    NOT_CORE,
    PICTURES,
    RUBRIC_ID,
    SVG,
    WELSH_TEXT,
    easy_read_sheet,
    write_rubric,
)

PHONE = {"width": 390, "height": 844}
# 14 points in CSS pixels (a point is 4/3 of a pixel), less a rounding hair.
FOURTEEN_POINT = 14 * 4 / 3 - 0.01


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """Each test leaves the language as it found it: English."""
    yield
    set_language(DEFAULT)


class _Text(HTMLParser):
    """Every run of text a reader sees (or a screen reader reads), and every address and
    alt text, of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.runs: list[str] = []
        self.sources: list[str] = []
        self.alts: list[str | None] = []
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self._style = tag == "style"
        if tag == "img":
            self.alts.append(found.get("alt"))
        self.sources += [value or "" for name, value in attrs if name in ("src", "href")]

    def handle_endtag(self, tag: str) -> None:
        self._style = False

    def handle_data(self, data: str) -> None:
        if not self._style and data.strip():
            self.runs.append(" ".join(data.split()))


def parsed(page: str) -> _Text:
    reader = _Text()
    reader.feed(page)
    return reader


def sheet(folder: Path, lang: str, kind: Kind = "html") -> str:
    """The full-form sheet of the test rubric (written into `folder` unless it is there),
    in `lang`."""
    if not folder.is_dir():
        write_rubric(folder)
    with using(lang):
        catalog = load_catalog([folder])
        rubric = catalog.rubric(RUBRIC_ID)
        return render_sheet([rubric], list(catalog.roles.values()), kind)


def role_labels() -> set[str]:
    """The roles' English words: the roles file's Welsh is another file's to give."""
    return {role.label for role in load_catalog().roles.values()}


def the_same_words(english: list[str], welsh: list[str]) -> set[str]:
    """Runs of text the Welsh sheet shares with the English one, leaving out role labels,
    commands and what has no words (numbers, question ids)."""
    alike = set(english) & set(welsh)
    return {
        text
        for text in alike - role_labels()
        if re.search(r"[A-Za-z]{2}", text)
        and not text.startswith("coprod")
        and not re.fullmatch(r"\([a-z0-9-]+\)", text)
    }


def test_the_welsh_sheet_has_no_english_words_left(tmp_path: Path) -> None:
    english = sheet(tmp_path / "r", "en")
    welsh = sheet(tmp_path / "r", "cy")
    assert '<html lang="en">' in english and '<html lang="cy">' in welsh
    seen = parsed(welsh)
    assert the_same_words(parsed(english).runs, seen.runs) == set()
    for words in (
        "Taflen gwestiynau",
        "Asesiad cydgynhyrchu: taflen gwestiynau",
        "Amdanoch chi",
        "Ddim yn gwybod",
        "Ddim yn berthnasol",
        "(money-1)",
        "Diolch. Rhowch y daflen hon yn ôl i'r person sy'n arwain y sesiwn.",
    ):
        assert words in seen.runs, words
    assert any(run.startswith("Ticiwch un blwch ar gyfer pob cwestiwn.") for run in seen.runs)
    # The rubric's own words come from its Welsh translation, every question of it, in
    # one grid: the statements numbered down, the scale's words across and in the key.
    runs = seen.runs
    for number, text in enumerate(WELSH_TEXT.values(), start=1):
        assert runs[runs.index(text) - 1] == f"{number}."
    assert "0 = Ddim eto" in runs and "Ddim eto" in runs and "Arian" in runs
    # A rubric in Welsh on a Welsh page needs no lang of its own.
    assert 'lang="en"' not in welsh


def test_the_welsh_markdown_sheet_has_no_english_words_left(tmp_path: Path) -> None:
    english = sheet(tmp_path / "r", "en", "md").splitlines()
    welsh = sheet(tmp_path / "r", "cy", "md").splitlines()
    roles = {f"- [ ] {label}" for label in role_labels()}
    shared = {line for line in set(english) & set(welsh) if re.search(r"[A-Za-z]{2}", line)}
    assert shared - roles == set()
    assert welsh[0] == "# Taflen gwestiynau"
    assert "## Amdanoch chi" in welsh
    assert "- 0 = Ddim eto: Does dim byd fel hyn yn digwydd." in welsh
    assert (
        "| | 0 Ddim eto | 1 Weithiau | 2 Bob amser | d Ddim yn gwybod | n Ddim yn berthnasol |"
        in welsh
    )
    assert "\\`coprod assess\\`" not in "\n".join(welsh)  # the command is code, not escaped


def test_a_rubric_without_welsh_is_marked_english_on_a_welsh_sheet(tmp_path: Path) -> None:
    folder = write_rubric(tmp_path / "r")
    (folder / f"{RUBRIC_ID}.cy.yaml").unlink()
    welsh = sheet(folder, "cy")
    section = welsh[welsh.index('<section class="rubric"') :]
    assert section.startswith(
        f'<section class="rubric" aria-labelledby="{RUBRIC_ID}-heading" lang="en">'
    )
    # Inside it, the program's own words keep the page's language.
    assert '<th scope="col" lang="cy"><span class="value">d</span> Ddim yn gwybod</th>' in section
    assert '<caption lang="cy">' in section


def test_the_welsh_sense_check_sheet_shows_findings_as_stored() -> None:
    findings = [("f1", "Money is decided by managers alone."), ("f2", "People are listened to.")]
    roles = list(load_catalog().roles.values())
    pages = {}
    for lang in ("en", "cy"):
        with using(lang):
            pages[lang] = render_check_sheet(
                findings, roles, "html", source="answers.yaml", organisation="Forum", period="2026"
            )
    english, welsh = parsed(pages["en"]), parsed(pages["cy"])
    assert '<html lang="cy">' in pages["cy"]
    assert the_same_words(english.runs, welsh.runs) == {text for _, text in findings}
    assert '<p lang="en">Money is decided by managers alone.</p>' in pages["cy"]
    assert "<p>Money is decided by managers alone.</p>" in pages["en"]
    for words in (
        "Ydy'r canfyddiadau hyn yn cyd-fynd â'ch profiad chi?",
        "Canfyddiad 1",
        "Ydy hyn yn cyd-fynd â'ch profiad chi?",
        "1 = Ydy",
        "2 = Yn rhannol",
        "3 = Nac ydy",
        "4 = Ddim yn siŵr",
        "Sylw (dewisol):",
    ):
        assert words in welsh.runs, words
    assert any("Dyma'r prif ganfyddiadau am Forum (2026)" in run for run in welsh.runs)
    with using("cy"):
        markdown = render_check_sheet(findings, roles, "md", source="answers.yaml")
    assert markdown.startswith("# Ydy'r canfyddiadau hyn yn cyd-fynd â'ch profiad chi?\n")
    assert (
        "- [ ] 1 = Ydy\n- [ ] 2 = Yn rhannol\n- [ ] 3 = Nac ydy\n- [ ] 4 = Ddim yn siŵr" in markdown
    )
    assert "\nMoney is decided by managers alone.\n" in markdown
    assert "teipiwch: coprod sense-check answers\\.yaml (un daflen i bob person)" in markdown


def test_easy_read_has_the_core_questions_each_beside_its_picture(tmp_path: Path) -> None:
    page = easy_read_sheet(tmp_path / "r", only_ours=True)
    seen = parsed(page)
    assert '<html lang="en">' in page and '<body class="easy">' in page
    questions = [run for run in seen.runs if re.match(r"\d+\. ", run)]
    assert questions == [f"{n}. {EASY_TEXT[qid]}" for n, qid in enumerate(CORE, start=1)]
    assert "Who has power" in seen.runs
    # A picture for each question that has one, described, copied into the page.
    assert seen.alts == [alt for _, alt in PICTURES.values()]
    uri = "data:image/svg+xml;base64," + base64.b64encode(SVG.encode()).decode()
    assert [s for s in seen.sources if s.startswith("data:")] == [uri, uri]
    assert set(seen.sources) <= {uri, "#main"}
    assert "url(" not in page and "@import" not in page
    # The picture is on the left of the words: it comes first in its question.
    first = page[page.index('<div class="question with-picture">') :]
    assert first.index("<img") < first.index('<div class="words">')
    # Easy Read words for what the reader is asked.
    for words in ("Tick one box.", "I do not know", "Your questions", "Who are you? Tick one box."):
        assert words in seen.runs, words
    assert "Question sheet" not in page and "Question id" not in page


def test_easy_read_markdown_says_what_each_picture_shows(tmp_path: Path) -> None:
    text = easy_read_sheet(tmp_path / "r", "md", only_ours=True)
    assert text.startswith("# Your questions\n")
    for _, alt in PICTURES.values():
        assert f"*Picture: {alt}*" in text
    assert "### 1. You help to choose how money is spent." in text
    assert "- [ ] **Never** (0): This does not happen." in text
    assert "data:" not in text and "<img" not in text
    for qid in NOT_CORE:
        assert qid not in text


# -- In a browser ----------------------------------------------------------------

# The size of every run of text on the page, in CSS pixels.
TEXT_SIZES = """() => {
  const sizes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (!text.textContent.trim()) continue;
    const size = parseFloat(getComputedStyle(text.parentElement).fontSize);
    sizes.push([text.textContent.trim().slice(0, 40), size]);
  }
  return sizes;
}"""


def open_sheet(browser: Any, path: Path) -> Any:
    page = browser.new_page(viewport=PHONE)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page


@pytest.fixture
def pages(tmp_path: Path) -> dict[str, Path]:
    """The Welsh and the Easy Read sheet, as files."""
    found = {
        "welsh.html": sheet(tmp_path / "r", "cy"),
        "easy-read.html": easy_read_sheet(tmp_path / "r", only_ours=True),
    }
    paths = {}
    for name, text in found.items():
        paths[name] = tmp_path / name
        paths[name].write_text(text, encoding="utf-8")
    return paths


@pytest.mark.parametrize("name", ["welsh.html", "easy-read.html"])
def test_axe_passes_on_a_phone(browser: Any, pages: dict[str, Path], name: str) -> None:
    page = open_sheet(browser, pages[name])
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.reload()
    assert axe_violations(page) == []
    assert [url for url in requests if url != pages[name].as_uri()] == []
    page.close()


@pytest.mark.parametrize("media", ["screen", "print"])
def test_easy_read_words_are_14pt_or_more(browser: Any, pages: dict[str, Path], media: str) -> None:
    page = open_sheet(browser, pages["easy-read.html"])
    page.emulate_media(media=media)
    sizes = page.evaluate(TEXT_SIZES)
    assert len(sizes) > 50
    assert [(text, size) for text, size in sizes if size < FOURTEEN_POINT] == []
    pictures = page.evaluate(
        "[...document.querySelectorAll('img')].map(i => [i.naturalWidth > 0, "
        "i.getBoundingClientRect().right <= i.closest('.question').querySelector('.words')"
        ".getBoundingClientRect().left])"
    )
    assert pictures == [[True, True], [True, True]]  # shown, and left of the words
    boxes = page.evaluate(
        "[...document.querySelectorAll('.box')].map(b => b.getBoundingClientRect().width)"
    )
    assert min(boxes) >= 1.5 * FOURTEEN_POINT
    page.close()


def test_easy_read_prints_two_questions_a_page_at_most(
    browser: Any, pages: dict[str, Path], tmp_path: Path
) -> None:
    page = open_sheet(browser, pages["easy-read.html"])
    page.emulate_media(media="print")
    rules = page.evaluate(
        "[...document.querySelectorAll('section.rubric')].map(s => ["
        " getComputedStyle(s).breakBefore,"
        " [...s.querySelectorAll('.question')].map(q => [getComputedStyle(q).breakBefore,"
        " getComputedStyle(q).breakInside])])"
    )
    # Each rubric starts a page; then each question after the first two starts one too.
    assert rules == [["page", [["auto", "avoid"], ["auto", "avoid"], ["page", "avoid"]]]]
    pdf = tmp_path / "easy-read.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    page.close()
    pages_printed = len(re.findall(rb"/MediaBox \[", pdf.read_bytes()))
    assert pages_printed >= 1 + math.ceil(len(CORE) / 2)


def test_an_ordinary_sheet_shows_a_picture_the_rubric_gives(tmp_path: Path) -> None:
    folder = write_rubric(tmp_path / "r")
    rubric = folder / f"{RUBRIC_ID}.yaml"
    text = rubric.read_text(encoding="utf-8").replace(
        "        text: People are paid for their time.\n",
        "        text: People are paid for their time.\n"
        "        image: pictures/money.svg\n"
        "        image-alt: A hand holds out a coin.\n",
    )
    rubric.write_text(text, encoding="utf-8")
    page = sheet(folder, "en")
    seen = parsed(page)
    assert seen.alts == ["A hand holds out a coin."]
    assert [s for s in seen.sources if s != "#main"] == [
        "data:image/svg+xml;base64," + base64.b64encode(SVG.encode()).decode()
    ]
    # The question with a picture leaves the grid for a box of its own, with its scale
    # listed; the questions either side of it are grids.
    assert page.count('<div class="question ladder-question with-picture"') == 1
    assert page.count('<table class="grid">') == 2
    assert page.count('<tr class="statement">') == 4
    markdown = sheet(folder, "en", "md")
    assert (
        "**2. People are paid for their time.** (money-2)\n\n*Picture: A hand holds out a coin.*"
        in (markdown)
    )


def test_the_easy_read_sense_check_sheet_is_large_and_plain(browser: Any, tmp_path: Path) -> None:
    findings = [("f1", "Money is decided by managers alone.")]
    with using("en-easy"):
        text = render_check_sheet(
            findings, list(load_catalog().roles.values()), "html", source="answers.yaml"
        )
    assert '<html lang="en">' in text and '<body class="easy">' in text
    seen = parsed(text)
    for words in ("What we found", "Is this true for you?", "1 = Yes", "2 = A bit"):
        assert words in seen.runs, words
    path = tmp_path / "check.html"
    path.write_text(text, encoding="utf-8")
    page = open_sheet(browser, path)
    sizes = page.evaluate(TEXT_SIZES)
    assert [(text, size) for text, size in sizes if size < FOURTEEN_POINT] == []
    assert axe_violations(page) == []
    page.close()
