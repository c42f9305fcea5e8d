"""Rendering: escaping, Markdown tables, templates that can be replaced, clear template errors."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from coprod_assess.errors import CoprodError
from coprod_assess.report.render import render_report
from coprod_assess.scoring.from_file import scored_from_file
from coprod_assess.scoring.result import SharedResult
from tests.report.conftest import HOSTILE, RUBRICS


def test_html_is_self_contained_and_escaped(hostile_result: SharedResult) -> None:
    html = render_report(hostile_result, "html")
    assert "<script>window.__pwned" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&lt;b&gt;Bold&lt;/b&gt; | Org {{ 7*7 }}" in html
    assert "<link" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "Zebedee" not in html and "Hiddenname" not in html
    assert "Content-Security-Policy" in html


def test_markdown_has_tables_and_no_raw_html_from_user_text(hostile_result: SharedResult) -> None:
    text = render_report(hostile_result, "md")
    parser = MarkdownIt("gfm-like", {"linkify": True})
    parsed = parser.parse(text)
    kinds = {t.type for t in parsed} | {c.type for t in parsed for c in t.children or []}
    assert "table_open" in kinds
    assert not kinds & {"html_inline", "html_block", "link_open", "image"}
    assert "Zebedee" not in text
    rendered = parser.render(text)
    assert "<script" not in rendered and "<img" not in rendered and "<iframe" not in rendered
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in rendered


def test_output_is_deterministic(demo_result: SharedResult) -> None:
    assert render_report(demo_result, "html") == render_report(demo_result, "html")
    assert render_report(demo_result, "md") == render_report(demo_result, "md")


def test_both_formats_carry_every_section(demo_result: SharedResult) -> None:
    for fmt in ("html", "md"):
        text = html.unescape(render_report(demo_result, fmt))
        for heading in (
            "Summary",
            "Arnstein's ladder of citizen participation",
            "Lived experience and professional views",
            "Warning sign",
            "Strengths",
            "Priorities and actions",
            "What people said",
            "Who answered",
            "Method and sources",
            "Boyle, D., Slay, J. & Stephens, L. (2010)",
        ):
            assert heading in text, (fmt, heading)
        assert "(typical rung)" in text


def test_names_only_when_asked(hostile_result: SharedResult) -> None:
    assert "Zebedee Secretname" not in render_report(hostile_result, "md")
    named = scored_from_file(HOSTILE, RUBRICS, show_names=True).shared
    shown = render_report(named, "md")
    assert "Zebedee Secretname (someone with lived experience)" in shown


def test_template_dir_replaces_one_partial(
    write: Callable[..., Path], demo_result: SharedResult
) -> None:
    folder = write("mine/html/style.css", "body { color: #000000; } /* my style */").parent.parent
    html = render_report(demo_result, "html", template_dir=folder)
    assert "/* my style */" in html
    assert "Priorities and actions" in html


def test_broken_template_names_file_and_line(
    write: Callable[..., Path], demo_result: SharedResult
) -> None:
    folder = write("mine/report.md.j2", "# Title\n\n{% for x in %}\n").parent
    with pytest.raises(CoprodError) as caught:
        render_report(demo_result, "md", template_dir=folder)
    (problem,) = caught.value.problems
    assert problem.code == "template" and problem.line == 3
    assert problem.file.endswith("report.md.j2")


def test_unknown_variable_in_template_is_an_error(
    write: Callable[..., Path], demo_result: SharedResult
) -> None:
    folder = write("mine/report.md.j2", "{{ report.no_such_thing }}\n").parent
    with pytest.raises(CoprodError, match="no_such_thing"):
        render_report(demo_result, "md", template_dir=folder)


def test_markdown_keeps_the_space_before_a_band_or_the_typical_rung(
    demo_result: SharedResult,
) -> None:
    text = render_report(demo_result, "md")
    assert (
        "Overall: **3.5, between rung 3, Informing, and rung 4, Consultation** (Tokenism)" in text
    )
    assert "| Consultation (typical rung) |" in text
    assert "**(" not in text and "n(typical" not in text


def test_a_ladder_section_names_its_weakest_and_its_strongest_area(
    demo_result: SharedResult,
) -> None:
    for fmt, start, end in (
        ("md", "## Arnstein's ladder", "## The 5P power levers"),
        ("html", '<section id="arnstein-ladder"', '<section id="five-p-levers"'),
    ):
        text = html.unescape(render_report(demo_result, fmt))
        section = text[text.index(start) : text.index(end)]
        assert "Weakest decision area: Money and budgets, at rung 2, Therapy." in section, fmt
        assert (
            "Strongest decision area: Delivering the service, at 4.5, between rung 4, "
            "Consultation, and rung 5, Placation."
        ) in section, fmt
