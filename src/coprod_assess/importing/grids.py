"""Reading a grid row's or a statement's header: its tags, and where its text may be.

Google Forms heads a grid's columns `Grid title [Row text]`; Microsoft Forms heads a
Likert statement's column with the statement, perhaps after the Likert's title;
KoboToolbox's labels export writes `Group label/Question label`. So a header is read
for tags in square brackets anywhere in it (`[assets-1]`, `[note]`,
`[note: assets-1]`), and for a question's whole text: the whole header, a bracketed
part, or the end of the header after a title closed by a mark such as ? : . / ] or ' - '.
A question is never matched because its header merely shares a word with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_BRACKETED = re.compile(r"\[([^\[\]]*)\]")
# `[note]` is the general note; `[note: question-id]` a note on that question.
_NOTE = re.compile(r"note(?:\s*:\s*(\S+))?", re.IGNORECASE)
# The marks a grid's or a group's title may end with, before the row's own text; a
# hyphen only with a space after it, as in a word like "co-production" it ends nothing.
_TITLE_ENDS = frozenset("?:./|]\u2013\u2014\n")


@dataclass(frozen=True)
class Tag:
    """A bracketed tag: a question key, or a note (`about` is its question key, if any)."""

    key: str
    note: bool = False
    about: str | None = None


def tags(header: str) -> list[Tag]:
    """Every innermost bracketed part of a header, read as a tag."""
    found = []
    for part in _BRACKETED.finditer(header):
        said = part.group(1).strip()
        note = _NOTE.fullmatch(said)
        if note:
            found.append(Tag(said, note=True, about=note.group(1)))
        elif said:
            found.append(Tag(said))
    return found


def readings(header: str, longest: int) -> Iterator[tuple[int, str]]:
    """Each way the header may hold a question's text, as (where the title before it
    ends, the text): the whole header first, then each bracketed part, then each end
    after a title, longest first (only texts of at most `longest` characters, as no
    question's text is longer)."""
    yield 0, header
    for part in _BRACKETED.finditer(header):
        if part.group(1).strip() and len(part.group(1)) <= longest:
            yield part.start(), part.group(1)
    for place in range(max(1, len(header) - longest), len(header)):
        mark = header[place - 1]
        if mark in _TITLE_ENDS or (mark == "-" and header[place].isspace()):
            yield place, header[place:]
