"""Control characters written out visibly, so that no output carries one that acts.

An escape sequence in a rubric or a note can recolour or clear a terminal or
plant a hyperlink, a carriage return can overwrite a line, and a bidi override
can reorder what a reader sees. The terminal, Markdown and problem outputs
show each such character as an escape a person can read instead.
"""

from __future__ import annotations

import re

# Every C0 character but tab and line feed (callers turn their line breaks into
# one of those first), DEL, C1, and the bidi embeddings, overrides and isolates.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def show_controls(text: str) -> str:
    """`text` with each control or bidi character written as `\\x1b` or `\\u202e`."""
    return CONTROL.sub(_visible, text)


# Line breaks as str.splitlines knows them, CR LF counting as one.
_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def plain_text(text: str, *, multiline: bool = False) -> str:
    """Text that prints as the characters it holds: controls shown visibly; on one line
    (the default) line breaks and tabs become spaces, else each break is one `\\n`."""
    value = _BREAK.sub("\n" if multiline else " ", text)
    if not multiline:
        value = value.replace("\t", " ")
    return show_controls(value)


def typed_text(text: str, *, multiline: bool = False) -> str:
    """What a person typed into a form, as text a file keeps: line breaks made one `\\n`
    (spaces when one line is wanted), control and bidi characters dropped, ends trimmed."""
    value = _BREAK.sub("\n" if multiline else " ", text).replace("\t", " ")
    value = value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return CONTROL.sub("", value).strip()
