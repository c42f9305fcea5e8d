"""The report for the people who took part: plain words, two pages, nothing held back shown.

The browser tests use Debian's Chromium (see `tests/browser.py`).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import textstat
import yaml

from coprod_assess.answers.models import AnswersFile
from coprod_assess.demo import demo_answers
from coprod_assess.privacy.redact import share
from coprod_assess.report.participants import (
    MOST_FINDINGS,
    MOST_STEPS,
    clip,
    render_participants,
    said_words,
    when_words,
)
from coprod_assess.rubric.catalog import load_catalog
from coprod_assess.scoring.assessment import score_assessment
from coprod_assess.scoring.from_file import scored_from_file
from coprod_assess.scoring.result import CheckedFinding, SenseCheckResult, SharedResult, Tally
from coprod_assess.sensecheck.findings import main_findings
from tests.browser import axe_violations

CATALOG = load_catalog()
NEXT_STEPS = [
    "Pay people for their time and travel from April.",
    "Ask parents to help set the board's agenda.",
    "Share the budget with the forum before it is set.",
]
CONTACT = "Email Sam at sam@riverside.example or call 01234 567890."
LIVED_ROLES = {"person-using-services", "family-carer"}
HOSTILE = "<script>window.__pwned = 1</script> *bold* [x](javascript:alert(1))"


def _response(lived: bool, finding_id: str, n: int) -> Any:
    """How one of the demo's people responds: lived experience recognises the gaps and the
    warning signs, staff mostly do not; a few are not sure."""
    kind = finding_id.split("/")[0]
    if kind in ("gap", "flag"):
        return "yes" if lived else ("no" if n % 3 else "partly")
    if kind == "priority":
        return "not-sure" if n % 4 == 0 else "yes"
    if n == 3:
        return {"value": "partly", "note": "Only at the big meetings."}
    return "yes" if lived or n % 2 else "partly"


def checked_demo(**assessment: Any) -> dict[str, Any]:
    """The demo's answers with these next steps and contact, and a sense-check of its main
    findings by the same ten people responding as set here, so the words they get are
    known; `assessment` changes the assessment block."""
    data = demo_answers(CATALOG)
    data["assessment"].update({"next_steps": NEXT_STEPS, "contact": CONTACT, **assessment})
    answers = AnswersFile.model_validate(data)
    shared = share(score_assessment(answers, CATALOG), flags=CATALOG.flags.values())
    findings = main_findings(shared, CATALOG)
    people = {}
    for n, respondent in enumerate(data["respondents"], 1):
        lived = respondent["role"] in LIVED_ROLES
        people[f"c{n}"] = {
            "role": respondent["role"],
            "responses": {f.id: _response(lived, f.id, n) for f in findings},
        }
    data["sense_check"] = {
        "date": "2026-11-22",
        "drawn_from": len(data["respondents"]),
        "findings": {f.id: f.text for f in findings},
        "people": people,
    }
    return data


def shared_of(data: dict[str, Any], min_group: int = 3) -> SharedResult:
    full = score_assessment(AnswersFile.model_validate(data), CATALOG)
    return share(full, min_group, flags=CATALOG.flags.values())


@pytest.fixture(scope="module")
def checked() -> SharedResult:
    return shared_of(checked_demo())


@pytest.fixture(scope="module")
def demo() -> SharedResult:
    """The demo as `coprod demo` writes it: its room's sense-check, next steps and contact."""
    found = shared_of(demo_answers(CATALOG))
    assert found.sense_check and found.assessment.next_steps and found.assessment.contact
    return found


@pytest.fixture(scope="module")
def html(checked: SharedResult) -> str:
    return render_participants(checked, CATALOG, "html")


class _Text(HTMLParser):
    """The text a reader sees, one block (heading, paragraph, list item) a line."""

    BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "header", "footer", "section", "ul", "ol"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.hidden += tag in ("head", "style")
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("head", "style")
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_lines(page: str) -> list[str]:
    parser = _Text()
    parser.feed(page)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return [line for line in lines if line]


def reading_grade(page: str) -> float:
    """The Flesch-Kincaid grade of the page's text, each heading and item a sentence."""
    lines = visible_lines(page)
    return float(
        textstat.flesch_kincaid_grade(
            " ".join(line if line[-1] in ".?!:…" else f"{line}." for line in lines)
        )
    )


@pytest.mark.parametrize("which", ["demo", "checked"])
def test_reads_at_about_age_nine(which: str, request: pytest.FixtureRequest) -> None:
    # Grade 5 is a reading age of 10.
    page = render_participants(request.getfixturevalue(which), CATALOG, "html")
    assert reading_grade(page) <= 5.0


def test_says_in_order_what_was_asked_found_and_agreed(html: str) -> None:
    lines = visible_lines(html)
    assert lines[:2] == [
        "For everyone who took part",
        "What we said about Riverside Parent Carer Forum (sample)",
    ]
    sections = ["Who took part", "What we asked", "What we found", "What happens next"]
    sections.append("How to say more")
    assert [line for line in lines if line in sections] == sections
    text = "\n".join(lines)
    assert "We met on 22 November 2026." in text
    assert "Co-production means working together as equals." in text
    assert (
        "10 people took part. 5 of them use the service, or care for someone who does. "
        "5 of them are staff, or work with the service." in lines
    )
    assert (
        "Who makes the decisions? How much say do people who use the service have? "
        "(Arnstein's ladder of citizen participation)" in lines
    )
    assert "does this match your experience? 10 people answered." in text
    for step in NEXT_STEPS:
        assert step in lines
    assert CONTACT in lines


def test_how_the_room_responded_is_in_words_never_figures(html: str) -> None:
    text = "\n".join(visible_lines(html))
    assert "Most people said this is true." in text
    assert "But most staff said it is not true." in text
    assert not re.search(r"\d\s*%|percent|\brung\b|out of \d|\d\.\d", text)


def test_said_words() -> None:
    def said(everyone: Tally | None, **perspectives: Tally) -> list[str]:
        return said_words(
            CheckedFinding(id="ladder/x", text="", everyone=everyone, perspectives=perspectives)
        )

    assert said(Tally(yes=5)) == ["Everyone said this is true."]
    assert said(Tally(yes=4, no=1)) == ["Most people said this is true."]
    assert said(Tally(no=3, yes=2, partly=1)) == [
        "Half of the people said this is not true.",
        "Many people said this is true.",
    ]
    assert said(Tally(not_sure=2, partly=1, no=1, yes=1)) == [
        "Many people were not sure.",
        "Some people said this is not true.",  # in a tie, what questions it is said first
    ]
    assert said(Tally(yes=4, no=3), lived=Tally(yes=4), professional=Tally(no=3)) == [
        "Most people said this is true.",
        "But all the staff said it is not true.",
    ]
    assert said(Tally(yes=4, no=3), lived=Tally(yes=4)) == ["Most people said this is true."]
    assert said(None) == ["Too few people answered this for us to show what they said."]


def test_a_small_lived_group_is_not_shown_apart() -> None:
    data = checked_demo()
    # Two people with lived experience and five staff checked the findings.
    people = data["sense_check"]["people"]
    for key in ("c3", "c4", "c5"):
        del people[key]
    page = render_participants(shared_of(data), CATALOG, "md")
    assert "lived experience said" not in page
    assert "staff said" not in page
    assert "7 people answered" in page


def test_too_few_responses_are_not_shown() -> None:
    data = checked_demo()
    for key in ("c8", "c9", "c10"):
        del data["sense_check"]["people"][key]  # 7 people checked, 10 answered
    page = render_participants(shared_of(data, min_group=8), CATALOG, "md")
    assert page.count("Too few people answered this for us to show what they said.") >= 3
    assert "said this is" not in page
    assert "only when 8 or more of them answered" in page


def test_too_few_people_for_any_finding_says_so_plainly() -> None:
    page = render_participants(shared_of(checked_demo(), min_group=11), CATALOG, "md")
    assert "Too few people answered for us to say more without showing what one person" in page
    assert "said this is" not in page


def test_a_tie_never_reads_as_agreement() -> None:
    from coprod_assess.scoring.result import CheckedFinding, Tally

    finding = CheckedFinding(id="flag/x", text="x", everyone=Tally(yes=4, no=4))
    assert said_words(finding)[0] == "Half of the people said this is not true."
    partly = CheckedFinding(id="flag/x", text="x", everyone=Tally(partly=2, no=2, not_sure=1))
    assert said_words(partly)[0].endswith("said this is not true.")


def test_findings_people_with_lived_experience_disputed_come_first() -> None:
    """The last finding would be cut to fit two pages, but lived experience disputed it."""
    data = checked_demo()
    last = list(data["sense_check"]["findings"])[-1]
    for person in data["sense_check"]["people"].values():
        if person["role"] in LIVED_ROLES:
            person["responses"][last] = "no"
    shared = shared_of(data)
    assert shared.sense_check is not None
    disputed = [f.text for f in shared.sense_check.findings if "lived" in f.disputed_by]
    assert disputed == [data["sense_check"]["findings"][last]]
    page = render_participants(shared, CATALOG, "md")
    found = page.split("## What we found", 1)[1].split("## What happens next")[0]
    assert found.index(clip(disputed[0], 400)[:40]) < found.index("2.")


def test_never_shows_a_name(tmp_path: Path) -> None:
    data = checked_demo()
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    # Even a shared result that carries names (--show-names) shows none here.
    named = scored_from_file(path, show_names=True).shared
    assert any(note.name for note in named.notes)
    for kind in ("html", "md"):
        page = render_participants(named, CATALOG, kind)
        for respondent in data["respondents"]:
            assert not re.search(rf"\b{respondent['name']}\b", page)


@pytest.fixture(scope="module")
def hostile() -> SharedResult:
    data = checked_demo(organisation=HOSTILE, next_steps=[HOSTILE], contact=HOSTILE)
    check = data["sense_check"]
    first = next(iter(check["findings"]))
    check["findings"][first] = HOSTILE
    check["people"]["c1"]["responses"][first] = {"value": "no", "note": HOSTILE}
    return shared_of(data)


def test_hostile_text_is_escaped(hostile: SharedResult) -> None:
    page = render_participants(hostile, CATALOG, "html")
    assert "<script>" not in page
    assert page.count("&lt;script&gt;window.__pwned = 1&lt;/script&gt;") >= 4
    assert "<a " not in page
    markdown = render_participants(hostile, CATALOG, "md")
    assert "<script>" not in markdown
    assert markdown.count(r"\<script\>window.\_\_pwned = 1\</script\>") >= 4
    assert r"\*bold\* \[x\](javascript\:alert(1))" in markdown


def test_missing_next_steps_and_contact() -> None:
    page = render_participants(shared_of(checked_demo(next_steps=[], contact="")), CATALOG, "md")
    assert (
        "The service has not said yet what it will do next. You can ask the person who ran "
        "the session." in page
    )
    assert "**Ask the person who ran the session.**" in page
    with_contact = render_participants(shared_of(checked_demo(next_steps=[])), CATALOG, "md")
    assert "You can ask them: see below." in with_contact


def test_without_a_sense_check_the_main_findings_are_drawn(checked: SharedResult) -> None:
    unchecked = checked.model_copy(update={"sense_check": None})
    lines = visible_lines(render_participants(unchecked, CATALOG, "html"))
    assert "These are the main things the answers said. The room has not checked them yet." in lines
    assert lines[lines.index("What we found") + 2] == main_findings(unchecked, CATALOG)[0].text
    assert not any("said this is" in line for line in lines)


def test_what_is_shown_is_capped(checked: SharedResult) -> None:
    long = "Wonderful " * 100
    many = checked.model_copy(
        update={
            "assessment": checked.assessment.model_copy(update={"next_steps": [long] * 9}),
            "sense_check": SenseCheckResult(
                people=10,
                findings=[
                    CheckedFinding(id=f"flag/f{n}", text=long, everyone=Tally(yes=5))
                    for n in range(12)
                ],
            ),
        }
    )
    lines = visible_lines(render_participants(many, CATALOG, "html"))
    long_lines = [line for line in lines if line.startswith("Wonderful")]
    shown_findings = sum(1 for line in long_lines if line.endswith("Everyone said this is true."))
    shown_steps = len(long_lines) - shown_findings
    assert 1 <= shown_findings <= MOST_FINDINGS and 1 <= shown_steps <= MOST_STEPS
    assert f"There are {12 - shown_findings} more. Ask for the full report to read them." in lines
    assert f"And {9 - shown_steps} more. You can ask about them: see below." in lines
    assert all(len(line) < 400 for line in lines)


def test_clip_and_when() -> None:
    assert clip("a short line", 20) == "a short line"
    assert clip("one two three four", 12) == "one two…"
    assert clip("x" * 30, 10) == "x" * 9 + "…"
    assert when_words("2026-11-22", "2026") == "on 22 November 2026"
    assert when_words("late November", "2026") == "on late November"
    assert when_words("", "Autumn 2026") == "in Autumn 2026"
    assert when_words("", "") == ""


def test_min_group_one_is_said_on_the_page() -> None:
    page = render_participants(shared_of(checked_demo(), min_group=1), CATALOG, "md")
    assert "This page may show what one person said. Do not hand it out." in page


# In a real browser.


def _worst(checked: SharedResult) -> SharedResult:
    """As much as the page can be given: long names and words everywhere, many of each."""
    long = "Wonderfully extraordinary considerations " * 40
    rubrics = [
        rubric.model_copy(update={"id": f"x{n}", "title": long, "summary": long})
        for n, rubric in enumerate(checked.rubrics * 2)
    ]
    split = {"lived": Tally(no=5), "professional": Tally(yes=4, partly=1)}
    findings = [
        CheckedFinding(
            id=f"flag/f{n}",
            text=long,
            everyone=Tally(yes=4, partly=1, no=4, not_sure=1),
            perspectives=split,
        )
        for n in range(12)
    ]
    info = checked.assessment.model_copy(
        update={"organisation": long, "date": long, "next_steps": [long] * 9, "contact": long}
    )
    return checked.model_copy(
        update={
            "rubrics": rubrics,
            "assessment": info,
            "sense_check": SenseCheckResult(people=10, findings=findings),
        }
    )


@pytest.fixture(scope="module")
def pages(
    demo: SharedResult,
    checked: SharedResult,
    hostile: SharedResult,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("participants")
    found = {}
    for name, shared in (
        ("demo", demo),
        ("checked", checked),
        ("unchecked", checked.model_copy(update={"sense_check": None})),
        ("hostile", hostile),
        ("worst", _worst(checked)),
    ):
        found[name] = folder / f"{name}.html"
        found[name].write_text(render_participants(shared, CATALOG, "html"), encoding="utf-8")
    return found


def _open(browser: Any, path: Path, width: int = 800, scale: int = 1) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": width, "height": 800}, device_scale_factor=scale)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, [url for url in requests if url != path.as_uri()]


@pytest.mark.parametrize("name", ["demo", "checked", "unchecked", "hostile", "worst"])
def test_axe_finds_no_wcag_violations(browser: Any, pages: dict[str, Path], name: str) -> None:
    page, requests = _open(browser, pages[name])
    assert axe_violations(page) == []
    assert requests == []
    page.close()


def pdf_pages(data: bytes) -> int:
    """How many pages a PDF has: its page objects."""
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))


@pytest.mark.parametrize("name", ["demo", "checked", "unchecked", "worst"])
def test_prints_on_two_sides_of_a4_at_most(browser: Any, pages: dict[str, Path], name: str) -> None:
    page, _ = _open(browser, pages[name])
    data = page.pdf(format="A4")
    assert data.startswith(b"%PDF")
    assert 1 <= pdf_pages(data) <= 2
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    # A4 is 595 x 842 points (Chromium's A4 is 8.27 x 11.7 inches, a point larger).
    assert all(abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2 for w, h in boxes)
    page.close()


def test_large_type(browser: Any, pages: dict[str, Path]) -> None:
    page, _ = _open(browser, pages["demo"])
    size = "parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)"
    assert page.evaluate(size) >= 20  # 1.25rem
    page.emulate_media(media="print")
    assert page.evaluate(size) >= 18.6  # 14pt
    page.close()


# Phones, and 200% zoom of a 1280-pixel window.
@pytest.mark.parametrize(("width", "scale"), [(320, 1), (390, 1), (640, 2)])
@pytest.mark.parametrize("name", ["demo", "worst"])
def test_fits_a_phone_without_scrolling_sideways(
    browser: Any, pages: dict[str, Path], name: str, width: int, scale: int
) -> None:
    page, _ = _open(browser, pages[name], width, scale)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    past_the_edge = page.evaluate(
        "[...document.body.querySelectorAll('*')]"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)"
        ".map(e => e.tagName)"
    )
    assert past_the_edge == []
    page.close()


def test_hostile_text_runs_no_script(browser: Any, pages: dict[str, Path]) -> None:
    page, _ = _open(browser, pages["hostile"])
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('script, a, img, iframe').length") == 0
    assert "<script>window.__pwned = 1</script>" in page.inner_text("main")
    page.close()
