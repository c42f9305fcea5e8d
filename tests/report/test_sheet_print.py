"""The question sheet printed on A4 in Chromium: how many pages, and nothing split.

The four original frameworks fit on at most 8 pages in the short form and 24 in
the full one, in English and in Welsh. Where each part landed is read from the
tagged PDF Chromium writes (tests/report/printed.py): every question box is on
one page, a grid's statement on the page of its help and its dimension's heading
on the page of its first statement, and no heading ends a page (what follows a
heading is on its page). Every page is A4 and says at its foot which page of how
many it is, with a blank for the sheet's number.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from typer.testing import CliRunner

from coprod_assess.cli.app import app
from coprod_assess.i18n import _, using
from tests.report.printed import Element, Printed, print_pdf

FOUR = ["arnstein-ladder", "nef-six-principles", "hunter-ritchie-rules", "five-p-levers"]
MOST_PAGES = {"short": 8, "full": 24}
HEADINGS = {"H1", "H2", "H3", "H4"}


def first_page(element: Element) -> int:
    pages = element.all_pages()
    assert pages, f"{element.tag} has no text"
    return pages[0]


def split_parts(printed: Printed) -> list[str]:
    """Every part of the sheet that should sit on one page and does not, named."""
    found = []
    elements = printed.elements()
    for place, element in enumerate(elements):
        pages = set(element.all_pages())
        if element.tag == "Div" and len(pages) > 1:  # a question box (role="group")
            found.append(f"question box {element.children[0].tag} on pages {sorted(pages)}")
        if element.tag != "Table":
            continue
        # Rows: the header (repeated on each page), then per dimension its heading row
        # (one cell across), and per statement its row (a row header) and its help.
        rows = [row for row in element.children if row.tag == "TR"][1:]
        for row, after in pairwise(rows):
            cell = row.children[0]
            keeps = cell.tag == "TH" and (cell.col_span() > 1 or after.children[0].tag == "TD")
            if keeps and first_page(row) != first_page(after):
                found.append(f"table row at place {place} apart from the next")
        assert {row.children[0].tag for row in rows} == {"TH", "TD"}
    return found


def stranded_headings(printed: Printed) -> list[int]:
    """The pages that end with a heading: the next text after it is on a later page."""
    leaves: list[tuple[int, bool]] = []  # (page, part of a heading) for each text, in order

    def walk(element: Element, in_heading: bool) -> None:
        inside = in_heading or element.tag in HEADINGS
        leaves.extend((page, inside) for page in element.pages)
        for child in element.children:
            walk(child, inside)

    walk(printed.root, False)
    return [
        page
        for (page, heading), (after, next_heading) in pairwise(leaves)
        if heading and not next_heading and after != page
    ]


@pytest.fixture(scope="module")
def printed_sheets(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], Printed]:
    """The four frameworks' sheet, short and full, in English and Welsh, as printed by
    `coprod template --format html --only ... [--short] --lang ...`."""
    found = {}
    for lang in ("en", "cy"):
        for form in ("short", "full"):
            folder = tmp_path_factory.mktemp(f"{lang}-{form}")
            options = [item for rubric in FOUR for item in ("--only", rubric)]
            if form == "short":
                options.append("--short")
            out = folder / "sheet.html"
            with using("en"):  # the command sets the language: put it back after
                result = CliRunner().invoke(
                    app, ["template", "--format", "html", "--lang", lang, *options, "-o", str(out)]
                )
            assert result.exit_code == 0, result.output
            html = out.read_text(encoding="utf-8")
            found[(lang, form)] = Printed(print_pdf(browser, html, folder))
    return found


@pytest.mark.parametrize("form", ["short", "full"])
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_four_frameworks_fit_their_pages(
    printed_sheets: dict[tuple[str, str], Printed], lang: str, form: str
) -> None:
    printed = printed_sheets[(lang, form)]
    assert 2 <= printed.pages <= MOST_PAGES[form]
    assert printed.sizes() == {b"0 0 594.95996 841.91998"}  # A4 in points


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_page_says_which_sheet_and_page_it_is(
    printed_sheets: dict[tuple[str, str], Printed], lang: str
) -> None:
    printed = printed_sheets[(lang, "short")]
    with using(lang):
        footer = _("Sheet no. %(blank)s · page %(page)s of %(pages)s")
    for number in range(1, printed.pages + 1):
        words = footer % {"blank": "________", "page": number, "pages": printed.pages}
        assert words in printed.page_text(number)
    if lang == "en":
        assert "Sheet no. ________ · page 2 of " in printed.page_text(2)


@pytest.mark.parametrize("form", ["short", "full"])
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_no_question_crosses_a_page(
    printed_sheets: dict[tuple[str, str], Printed], lang: str, form: str
) -> None:
    printed = printed_sheets[(lang, form)]
    boxes = [element for element in printed.elements() if element.tag == "Div"]
    # Arnstein's 16 and 5P's 17 questions have their own answers (15 and 7 core).
    assert len(boxes) == {"short": 15 + 7, "full": 16 + 17}[form]
    assert split_parts(printed) == []


@pytest.mark.parametrize("form", ["short", "full"])
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_no_page_ends_with_a_heading(
    printed_sheets: dict[tuple[str, str], Printed], lang: str, form: str
) -> None:
    printed = printed_sheets[(lang, form)]
    assert sum(element.tag in HEADINGS for element in printed.elements()) > 20
    assert stranded_headings(printed) == []
