"""Anything else people said, about no one question, in the report's "What people said"."""

from __future__ import annotations

from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from coprod_assess.report.render import render_report
from coprod_assess.report.view import build_view
from coprod_assess.scoring.from_file import scored_from_file
from coprod_assess.scoring.result import SharedResult
from tests.report.conftest import HOSTILE, RUBRICS

SCRIPT = "<script>window.__pwned = 3</script>"
IMAGE = '<img src=x onerror="window.__pwned=4"> **Anything** else? {{ 7*7 }}'


def test_general_notes_are_quoted_apart_and_attributed_as_anonymity_allows(
    hostile_result: SharedResult,
) -> None:
    view = build_view(hostile_result)
    quoted = {quote.text.split(" ")[0]: quote for quote in view.general_quotes}
    # A staff member's and a family carer's: two family carers are too few to name, so
    # neither note names its role (the staff one would be told apart by elimination).
    assert quoted["<img"].who == "A professional"
    assert quoted["<script>window.__pwned"].who == "Someone with lived experience"
    assert all(quote.where == "" for quote in view.general_quotes)
    assert not {quote.text for quote in view.general_quotes} & {q.text for q in view.quotes}


def test_names_only_when_asked_for() -> None:
    named = scored_from_file(HOSTILE, RUBRICS, show_names=True).shared
    whos = {quote.who for quote in build_view(named).general_quotes}
    assert whos == {"A professional", "Zebedee Secretname (someone with lived experience)"}
    assert "Zebedee" not in render_report(scored_from_file(HOSTILE, RUBRICS).shared, "md")


def test_html_escapes_them_under_their_own_heading(hostile_result: SharedResult) -> None:
    page = render_report(hostile_result, "html")
    notes = page[page.index('<section id="notes"') : page.index('<section id="coverage"')]
    assert "<h3>Anything else people said</h3>" in notes
    assert "&lt;script&gt;window.__pwned = 3&lt;/script&gt;" in notes
    assert "&lt;img src=x onerror=&#34;window.__pwned=4&#34;&gt;" in notes
    assert SCRIPT not in page and "<img" not in page
    assert '<p class="attribution">A professional</p>' in notes


def test_markdown_escapes_them_as_other_notes(hostile_result: SharedResult) -> None:
    text = render_report(hostile_result, "md")
    assert "### Anything else people said" in text
    parser = MarkdownIt("gfm-like", {"linkify": True})
    rendered = parser.render(text)
    notes = rendered[rendered.index("Anything else people said") :]
    assert "&lt;script&gt;window.__pwned = 3&lt;/script&gt; | a | b # not a heading" in notes
    assert "<img" not in rendered and "<script" not in rendered and "<a " not in notes
    assert "**Anything** else? {{ 7*7 }}" in notes  # as written, not bold
    tokens = parser.parse(text)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {"html_inline", "html_block", "link_open", "image"}


def test_no_heading_when_nobody_said_anything_else(demo_result: SharedResult) -> None:
    assert demo_result.general_notes == []
    for fmt in ("html", "md"):
        assert "Anything else people said" not in render_report(demo_result, fmt)


def test_a_welsh_general_note_is_marked_where_enough_wrote_in_welsh(tmp_path: Path) -> None:
    data = yaml.safe_load(HOSTILE.read_text(encoding="utf-8"))
    for person in data["respondents"][:3]:
        person["lang"] = "cy"
    # Three people answered in Welsh: two wrote notes on questions, one anything else.
    data["respondents"][2]["note"] = "Doedd neb yn gofyn i ni."
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    page = render_report(scored_from_file(path, RUBRICS).shared, "html")
    assert '<p lang="cy">Doedd neb yn gofyn i ni.</p>' in page
    lone = scored_from_file(path, RUBRICS, min_group=4).shared
    assert "<p>Doedd neb yn gofyn i ni.</p>" in render_report(lone, "html")
