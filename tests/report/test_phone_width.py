"""Every HTML page the tool writes, on a phone and at 200% zoom, in a real browser.

WCAG's reflow asks for no sideways scrolling at 320 CSS pixels; 200% zoom of a
1280-pixel window leaves 640. Chart text must stay about as large as the text
around it, and axe must still pass at phone width.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser import axe_violations

# (name, width, height, device pixels per CSS pixel)
SCREENS = [
    ("phone-320", 320, 640, 1),
    ("phone-390", 390, 844, 1),
    ("zoom-200", 640, 800, 2),
]
KINDS = {
    "demo.html",
    "diff.html",
    "trend.html",
    "sheet.html",
    "sheet-easy-read.html",
    "sense-check-sheet.html",
    "participants.html",
    "demo-cy.html",
    "participants-cy.html",
}
CHART_TEXT_SHARE = 0.85

# What pokes out past the right edge of the window: elements and runs of text, leaving
# out what is hidden on purpose (display: none, or clipped to a pixel for screen readers).
OVERFLOW = """() => {
  const edge = window.innerWidth + 0.5;
  const hidden = node => {
    for (let el = node; el; el = el.parentElement) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (style.overflow === 'hidden' && box.width <= 1 && box.height <= 1) return true;
    }
    return false;
  };
  const name = el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
    + ': ' + (el.textContent || '').trim().slice(0, 60);
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width && box.height && box.right > edge && !hidden(el)) found.push(name(el));
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (!text.textContent.trim() || hidden(text.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(text);
    if ([...range.getClientRects()].some(r => r.width && r.right > edge)) {
      found.push('text: ' + text.textContent.trim().slice(0, 60));
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth, found};
}"""

# The rendered size of every run of text in a chart, in CSS pixels on screen: an HTML
# chart's font size, or an SVG text's font size times the drawing's scale.
CHART_TEXT = """() => {
  const sizes = [];
  for (const chart of document.querySelectorAll('.chart, figure svg')) {
    const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const el = text.parentElement;
      if (!text.textContent.trim() || el.closest('[hidden], title, desc')) continue;
      let size = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGElement) size *= el.getScreenCTM().a;
      sizes.push([text.textContent.trim().slice(0, 40), size]);
    }
  }
  return {body: parseFloat(getComputedStyle(document.body).fontSize), sizes};
}"""


def html_pages(reports: dict[str, Path]) -> dict[str, Path]:
    """Every HTML page of the `reports` fixture: another kind of page (a participant
    report, say) is checked here once it is one more line there."""
    return {name: path for name, path in reports.items() if name.endswith(".html")}


def open_page(browser: Any, path: Path, screen: tuple[str, int, int, int]) -> Any:
    _, width, height, scale = screen
    page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=scale)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page


@pytest.mark.parametrize("screen", SCREENS, ids=[s[0] for s in SCREENS])
def test_no_page_scrolls_sideways(
    browser: Any, reports: dict[str, Path], screen: tuple[str, int, int, int]
) -> None:
    pages = html_pages(reports)
    assert set(pages) >= KINDS
    problems = {}
    for name, path in pages.items():
        page = open_page(browser, path, screen)
        seen = page.evaluate(OVERFLOW)
        page.close()
        if seen["scrollWidth"] > seen["width"] or seen["found"]:
            problems[name] = seen
    assert problems == {}


@pytest.mark.parametrize("screen", SCREENS, ids=[s[0] for s in SCREENS])
def test_chart_text_is_as_large_as_body_text(
    browser: Any, reports: dict[str, Path], screen: tuple[str, int, int, int]
) -> None:
    measured = {}
    small = {}
    for name, path in html_pages(reports).items():
        page = open_page(browser, path, screen)
        seen = page.evaluate(CHART_TEXT)
        page.close()
        measured[name] = len(seen["sizes"])
        floor = seen["body"] * CHART_TEXT_SHARE
        small[name] = [(text, size) for text, size in seen["sizes"] if size < floor]
    # The report draws a chart a framework and the trend one a framework: both are measured.
    assert measured["demo.html"] > 40 and measured["trend.html"] > 5
    assert {name: found for name, found in small.items() if found} == {}


# Where the contents list runs in columns, the room between them is narrowest: it must
# hold the next column's numbers ("10."), which sit to the left of its entries.
CONTENTS_GAP = """() => {
  const items = [...document.querySelectorAll('nav li')].map(li => li.getBoundingClientRect());
  const em = parseFloat(getComputedStyle(document.querySelector('nav li')).fontSize);
  const gaps = items.flatMap(b => items.filter(a => a.left < b.left).map(a => b.left - a.right));
  return {em, items: items.length, gaps};
}"""


@pytest.mark.parametrize("screen", [*SCREENS, ("desktop", 1280, 800, 1)], ids=lambda s: s[0])
def test_the_contents_list_does_not_overlap_itself(
    browser: Any, reports: dict[str, Path], screen: tuple[str, int, int, int]
) -> None:
    page = open_page(browser, reports["demo.html"], screen)
    seen = page.evaluate(CONTENTS_GAP)
    page.close()
    assert seen["items"] > 10
    assert all(gap >= 2 * seen["em"] for gap in seen["gaps"]), seen["gaps"]


@pytest.mark.parametrize("screen", SCREENS[:1], ids=[SCREENS[0][0]])
def test_axe_passes_at_phone_width(
    browser: Any, reports: dict[str, Path], screen: tuple[str, int, int, int]
) -> None:
    found = {}
    for name, path in html_pages(reports).items():
        page = open_page(browser, path, screen)
        found[name] = axe_violations(page)
        page.close()
    assert {name: violations for name, violations in found.items() if violations} == {}
