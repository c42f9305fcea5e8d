"""Escaping user text for Markdown, so it cannot open HTML, break a table or make a link."""

from __future__ import annotations

import re

# The characters that change meaning anywhere in a line. Others (. - + # !) matter
# only at the start of a line, handled below, so numbers like 2.5 stay readable.
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
# A heading, list or setext marker counts only when a space or the end follows it.
_BLOCK_START = re.compile(r"^(\s*)(#{1,6}|[+=-]|\d+(?=[.)]))(?=[.)]?(\s|$))")
_SCHEME = re.compile(r"(?i)\b(https?|ftp|mailto|javascript|data|vbscript|file)(:)")
# Only an "&" that would start an entity needs escaping; "Slay & Stephens" stays as written.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_WWW = re.compile(r"(?i)\bwww\.")


def _escape_marker(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return indent + marker  # the "." or ")" after the digits is escaped below
    return indent + "\\" + marker


class MarkdownSafe(str):
    """Text already written as Markdown by the templates: not escaped again."""

    __slots__ = ()


def escape_markdown(text: object) -> str:
    """Escape user text for a Markdown paragraph or table cell.

    `<` and `&` become entities (no raw HTML); Markdown punctuation is
    backslash-escaped; line breaks become spaces (a table row stays one line);
    URL schemes and `www.` are broken up so nothing turns into a link.
    """
    if isinstance(text, MarkdownSafe):
        return text
    value = str(text)
    value = _ENTITY.sub("&amp;", value).replace("<", "&lt;").replace(">", "&gt;")
    value = re.sub(r"[\r\n\t\v\f\u2028\u2029]+", " ", value)
    value = _SPECIAL.sub(r"\\\1", value)
    value = _BLOCK_START.sub(_escape_marker, value)
    value = re.sub(r"^(\s*\d+)([.)])(?=\s|$)", r"\1\\\2", value)
    value = _SCHEME.sub(lambda m: m.group(1) + "&#58;", value)
    return _WWW.sub(lambda m: m.group(0)[:3] + "&#46;", value)
