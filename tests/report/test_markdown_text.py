"""Markdown escaping: user text never becomes HTML, a link, a heading or a broken table."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from coprod_assess.report.markdown_text import MarkdownSafe, escape_markdown

PARSER = MarkdownIt("gfm-like", {"linkify": True})


def tokens(text: str) -> list[str]:
    found = []
    for token in PARSER.parse(text):
        found.append(token.type)
        found += [child.type for child in token.children or []]
    return found


def cell_row(text: str) -> list[str]:
    """The cells of the one body row of a table holding `text` in its first cell."""
    table = f"| a | b |\n| --- | --- |\n| {escape_markdown(text)} | end |\n"
    parsed = PARSER.parse(table)
    rows = [t for t in parsed if t.type == "tr_open"]
    assert len(rows) == 2, "one header row and one body row"
    return [t.content for t in parsed if t.type == "inline"][2:]


def test_examples() -> None:
    assert escape_markdown("<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;"
    assert escape_markdown("a | b\nc") == "a \\| b c"
    assert escape_markdown("Slay & Stephens") == "Slay & Stephens"
    assert escape_markdown("2.5 and -3") == "2.5 and -3"
    assert escape_markdown("1. not a list") == "1\\. not a list"
    assert escape_markdown("# not a heading") == "\\# not a heading"
    assert escape_markdown(MarkdownSafe("**kept**")) == "**kept**"


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "https://evil.example/path and www.evil.example",
    "<https://evil.example>",
    "![img](https://evil.example/i.png)",
    "# heading\n- list\n> quote",
    "`code` **bold** _it_ ~~strike~~",
    "a | b | c",
    "&lt;script&gt; &#60;b&#62;",
]


def test_hostile_text_makes_no_html_links_or_images() -> None:
    for text in HOSTILE:
        found = tokens(escape_markdown(text))
        forbidden = {"html_inline", "html_block", "link_open", "image", "heading_open"}
        forbidden |= {"bullet_list_open", "blockquote_open", "code_inline", "strong_open"}
        assert not forbidden & set(found), (text, found)


def test_hostile_text_stays_in_its_table_cell() -> None:
    for text in HOSTILE:
        assert len(cell_row(text)) == 2, text


@given(st.text(max_size=60))
def test_any_text_stays_plain_and_in_one_cell(text: str) -> None:
    escaped = escape_markdown(text)
    assert "\n" not in escaped
    found = set(tokens(escaped))
    assert not found & {"html_inline", "html_block", "link_open", "image"}
    assert len(cell_row(text)) == 2
