"""The HTML reports in a real browser (Debian's Chromium): axe-core, no requests, no scripts.

Under CI=true a missing browser fails these tests; elsewhere it skips them (see
`tests/browser.py`).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser import WCAG_TAGS


def open_report(browser: Any, path: Path) -> tuple[Any, list[str]]:
    """The page with the report loaded, and every request it made beyond the file itself."""
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, [url for url in requests if url != path.as_uri()]


@pytest.mark.parametrize(
    "name",
    [
        "demo.html",
        "hostile.html",
        "diff.html",
        "trend.html",
        "sheet.html",
        "sense-check-sheet.html",
        "participants.html",
    ],
)
def test_axe_finds_no_wcag_violations(browser: Any, reports: dict[str, Path], name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page, _ = open_report(browser, reports[name])
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = results.response["violations"]
    summary = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    assert summary == []
    assert results.response["passes"], "axe ran no checks"
    page.close()


@pytest.mark.parametrize("name", ["demo.html", "hostile.html", "diff.html", "trend.html"])
def test_no_request_leaves_the_page(browser: Any, reports: dict[str, Path], name: str) -> None:
    page, requests = open_report(browser, reports[name])
    assert requests == []
    page.close()


def test_hostile_text_runs_no_script_and_shows_as_text(
    browser: Any, reports: dict[str, Path]
) -> None:
    page, _ = open_report(browser, reports["hostile.html"])
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('script, iframe, img').length") == 0
    handlers = page.evaluate(
        "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
        ".filter(a => a.name.startsWith('on')).map(a => a.name))"
    )
    assert handlers == []
    links = page.evaluate("[...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
    assert all(href.startswith("#") for href in links)
    text = page.inner_text("main")
    assert "<script>window.__pwned = 1</script>" in text
    assert "[click me](javascript:alert(1))" in text
    # Anything else people said, about no one question, likewise.
    assert "<script>window.__pwned = 3</script> | a | b" in text
    assert '<img src=x onerror="window.__pwned=4"> **Anything** else?' in text
    assert "Zebedee" not in page.content() and "Secretname" not in page.content()
    page.close()


def test_every_chart_has_a_name_a_description_and_a_table(
    browser: Any, reports: dict[str, Path]
) -> None:
    page, _ = open_report(browser, reports["demo.html"])
    charts = page.evaluate(
        "[...document.querySelectorAll('.chart')].map(chart => ({"
        " role: chart.getAttribute('role'),"
        " name: chart.getAttribute('aria-labelledby').split(' ')"
        "   .map(id => document.getElementById(id).textContent.trim()),"
        " table: !!chart.closest('figure')?.querySelector('table') }))"
    )
    assert len(charts) >= 5
    for chart in charts:
        title, description = chart["name"]
        assert chart["role"] == "img" and chart["table"]
        assert title and len(description) > len(title)
    headings = page.evaluate(
        "[...document.querySelectorAll('h1,h2,h3,h4')].map(h => Number(h.tagName[1]))"
    )
    assert headings[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(headings))
    landmarks = page.evaluate(
        "['header','nav','main','footer'].map(t => document.querySelectorAll(t).length)"
    )
    assert landmarks == [1, 1, 1, 1]
    page.close()


def test_prints_on_a4(browser: Any, reports: dict[str, Path], tmp_path: Path) -> None:
    page, _ = open_report(browser, reports["demo.html"])
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert len(boxes) > 1, "the report spans several pages"
    # A4 is 595 x 842 points.
    assert {(round(float(w)), round(float(h))) for w, h in boxes} == {(595, 842)}
    page.close()
