"""Escaping user text for Markdown: it renders as the text itself, never as Markdown.

Complete by construction: CommonMark lets any ASCII punctuation be escaped
with a backslash, and an escaped character starts nothing. So every character
that can start an inline construct is escaped wherever it is, every character
that can start a block is escaped where a block can start (the start of the
text, after line breaks became spaces), and the punctuation linkify needs to
find a link (`:` before a non-space, `//`, `.` before a letter) is escaped,
which leaves no link inside one run of text. Other characters stay as written,
so "2.5", "-3" and "Slay & Stephens" stay readable in the Markdown source.
"""

from __future__ import annotations

import re

from coprod_assess.control_chars import show_controls

# Line breaks (as Markdown and as editors see them) and tabs: one table row stays one line.
_BREAKS = re.compile(r"\r\n|[\r\n\t\v\f\x85\u2028\u2029]")
_ESCAPE = re.compile(
    # Anywhere: emphasis, code, links and images, HTML and autolinks, tables,
    # strikethrough, block quotes, and the backslash itself.
    r"[\\`*_\[\]<>|~]"
    # An entity or numeric character reference: "&amp;" stays five characters.
    r"|&(?=#?[0-9A-Za-z]+;)"
    # Scheme links (http://, mailto:x, //host), and domains and emails (a.co,
    # www.x, sam@a.co): the dot before a top-level domain is followed by a letter.
    r"|:(?=\S)|/(?=/)|\.(?=[^\W\d_])"
    # At the start: a heading, bullet, setext underline or thematic break, whose
    # marker is followed by a space, the end, or more of the same marker.
    r"|\A([#+=-])(?=\1|\s|\Z)"
)
# At the start: an ordered list item, "1." or "1)" then a space or the end.
_LIST_NUMBER = re.compile(r"\A(\d+)([.)])(?=\s|\Z)")


class MarkdownSafe(str):
    """Text already written as Markdown by the templates: not escaped again."""

    __slots__ = ()


def escape_markdown(text: object) -> str:
    """User text as Markdown that renders as the text, in a paragraph, list item or table cell.

    Line breaks and tabs become spaces and the ends are trimmed (Markdown trims
    them anyway, and leading spaces would make a code block); control and bidi
    characters are written out visibly, as `\\x1b`.
    """
    if isinstance(text, MarkdownSafe):
        return text
    value = show_controls(_BREAKS.sub(" ", str(text)).strip())
    value = _ESCAPE.sub(r"\\\g<0>", value)
    return _LIST_NUMBER.sub(r"\1\\\2", value)
