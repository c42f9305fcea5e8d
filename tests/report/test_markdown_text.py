"""Markdown escaping: user text renders as itself, never as HTML, a link, a heading or a list.

The property: for any text t, the escaped text rendered by markdown-it (GFM-like,
with linkify, as GitHub and the report tests read it) in a paragraph, after a
paragraph line, in a list item and in a table cell gives plain text equal to t,
with one normalisation, `seen(t)`: line breaks and tabs become spaces (a table
row is one line, and a line break would end a cell or a list item) and the
ends are trimmed (Markdown trims them anyway, and four leading spaces would
make a code block). Control and bidi characters show as visible escapes, as in
the terminal. Nothing else may appear: no link, autolink, HTML, code, heading,
emphasis, rule, quote, list or table token beyond the one the context makes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from coprod_assess.control_chars import show_controls
from coprod_assess.report.markdown_text import MarkdownSafe, escape_markdown

PARSER = MarkdownIt("gfm-like", {"linkify": True})

PIECES = [
    *"<>&[]()!*_~#|\\`-=+.:/@;'\" ",
    *"0123456789abcxyzAZé",
    *["\n", "\r\n", "\r", "\t", "    ", "\x1b", "\u202e"],
    *["www.", "http://", "https://", "mailto:", "ftp://", "//", "localhost", "javascript:"],
    *["@", "sam@example.org", "example.com", ".co", ".uk", "xn--p1ai"],
    *["&amp;", "&lt;", "&#60;", "&#x3C;", "&copy;", "&nbsp;"],
    *["---", "===", "***", "___", "```", "~~~", "1.", "1)", "10.", "- ", "+ ", "# ", "> "],
    *["[x](y)", "![i](y)", "[x]: y", "<b>", "<!-- c -->", "<http://x.co>", "**", "~~"],
]
ADVERSARIAL = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)


def seen(text: str) -> str:
    """What a reader should see of `text`: see the module docstring."""
    flat = re.sub(r"\r\n|[\r\n\t\v\f\x85\u2028\u2029]", " ", text).strip()
    return show_controls(flat)


def plain(tokens: list[Token]) -> tuple[list[str], list[str]]:
    """The block token types, and the plain text of each inline token (soft breaks as "\\n")."""
    blocks, texts = [], []
    for token in tokens:
        blocks.append(token.type)
        if token.type == "inline":
            kinds = {child.type for child in token.children or []}
            assert kinds <= {"text", "softbreak"}, kinds
            texts.append(
                "".join(
                    "\n" if child.type == "softbreak" else child.content
                    for child in token.children or []
                )
            )
    return blocks, texts


PARAGRAPH = ["paragraph_open", "inline", "paragraph_close"]
ITEM = ["bullet_list_open", "list_item_open", *PARAGRAPH, "list_item_close", "bullet_list_close"]
ROW = ["tr_open", "td_open", "inline", "td_close", "td_open", "inline", "td_close", "tr_close"]
HEAD = ["th_open", "inline", "th_close"] * 2
TABLE = ["table_open", "thead_open", "tr_open", *HEAD, "tr_close", "thead_close"]
TABLE += ["tbody_open", *ROW, "tbody_close", "table_close"]

CONTEXTS: dict[str, tuple[Callable[[str], str], list[str], Callable[[str], list[str]]]] = {
    "paragraph": (lambda e: f"{e}\n", PARAGRAPH, lambda t: [t]),
    "after a line": (lambda e: f"Before\n{e}\n", PARAGRAPH, lambda t: [f"Before\n{t}"]),
    "list item": (lambda e: f"- {e}\n", ITEM, lambda t: [t]),
    "table cell": (
        lambda e: f"| a | b |\n| --- | --- |\n| {e} | end |\n",
        TABLE,
        lambda t: ["a", "b", t, "end"],
    ),
}


def check(text: str) -> None:
    escaped = escape_markdown(text)
    if not seen(text):
        assert escaped == ""
        return
    for name, (place, blocks, texts) in CONTEXTS.items():
        found = plain(PARSER.parse(place(escaped)))
        assert found == (blocks, texts(seen(text))), (name, escaped)


@given(ADVERSARIAL)
@example("www.evil.example")
@example("&amp; &#60;")
def test_adversarial_text_renders_as_itself(text: str) -> None:
    check(text)


@given(st.text(max_size=60))
def test_any_text_renders_as_itself(text: str) -> None:
    check(text)


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "https://evil.example/path and www.evil.example",
    "<https://evil.example>",
    "mailto:sam@localhost and sam@example.org",
    "//localhost/x and http://localhost",
    "evil.example.com and пример.рф",
    "![img](https://evil.example/i.png)",
    "# heading",
    "- list",
    "> quote",
    "1. one",
    "2) two",
    "---",
    "===",
    "    indented code",
    "`code` **bold** _it_ ~~strike~~",
    "a | b | c",
    "&lt;script&gt; &#60;b&#62; &amp;",
]


def test_each_kind_of_markdown_stays_text() -> None:
    for text in HOSTILE:
        check(text)


def test_links_stay_text() -> None:
    """Fails if the dot, colon or slash escape is taken out."""
    for text in ("www.evil.example", "sam@example.org", "mailto:sam@localhost", "//localhost"):
        (texts,) = plain(PARSER.parse(escape_markdown(text)))[1:]
        assert texts == [text]


def test_entities_stay_as_written() -> None:
    """Fails if the entity escape is taken out: "&amp;" would show as "&"."""
    assert plain(PARSER.parse(escape_markdown("Tom &amp; Jerry &#60;3")))[1] == [
        "Tom &amp; Jerry &#60;3"
    ]


def test_examples_stay_readable() -> None:
    assert escape_markdown("<script>x</script>") == "\\<script\\>x\\</script\\>"
    assert escape_markdown("a | b\nc") == "a \\| b c"
    assert escape_markdown("Slay & Stephens (2010): 2.5 and -3, +5") == (
        "Slay & Stephens (2010): 2.5 and -3, +5"
    )
    assert escape_markdown("-3 and #5") == "-3 and #5"
    assert escape_markdown("1. not a list") == "1\\. not a list"
    assert escape_markdown("# not a heading") == "\\# not a heading"
    assert escape_markdown("--- and ===") == "\\--- and ==="
    assert escape_markdown("    not code ") == "not code"
    assert escape_markdown("see www.example.org") == "see www\\.example\\.org"
    assert escape_markdown("\x1b]8;;x\x1b\\") == "\\\\x1b\\]8;;x\\\\x1b\\\\"
    assert escape_markdown(MarkdownSafe("**kept**")) == "**kept**"
