"""User and rubric text made inert for the terminal: no markup, no control sequences.

Rubrics, answers and file names are written by other people. Shown as they
are, a title like `[/x]` is Rich markup (and crashes the print), an escape
sequence can recolour or clear the screen or plant a hyperlink, a carriage
return can overwrite what was printed, a bidi override can reorder it, and a
line break can forge a `file:line:col: error[code]` line. So every piece of
user or rubric text goes through `inert` on its way to the screen.
"""

from __future__ import annotations

import re

from coprod_assess.control_chars import plain_text

# A "[" that Rich would read as the start of a tag, as rich.markup does.
_TAG = re.compile(r"[a-z#/@][^[]*?]")
_BACKSLASHES = re.compile(r"(\\*)(\[|\Z)")


def inert(text: str, *, multiline: bool = False, markup: bool = True) -> str:
    """`text` as it may be shown in a terminal: it prints as the characters it holds.

    Control characters (ESC, BEL, DEL, the C1 range, bidi overrides and isolates)
    are written out visibly, as `\\x1b` or `\\u202e`. One line (the default, for
    problem lines and table cells): line breaks and tabs become spaces. With
    `multiline`: each line break becomes `\\n` (CR LF too) and tabs are kept.
    With `markup` (the default, for text printed through Rich), Rich markup is
    escaped; pass `markup=False` for text printed as it is (typer.echo). Rich
    cannot escape a backslash that ends the text and is followed by plain text:
    it is doubled, so that markup after it still works, and shows twice.
    Rich's `:emoji:` codes are not markup: print with `emoji=False`, as the
    consoles in cli/console.py do.
    """
    value = plain_text(text, multiline=multiline)
    if markup:
        value = _BACKSLASHES.sub(_escaped, value)
    return value


def _escaped(match: re.Match[str]) -> str:
    # Rich reads 2n+1 backslashes before a tag as n and the tag as text, and drops
    # one backslash before any other "[". rich.markup.escape misses the second case.
    slashes, end = match.group(1), match.group(2)
    if not end:  # the end: doubled, so that markup after the text is still read
        return slashes * 2
    if _TAG.match(match.string, match.end()):
        return slashes * 2 + "\\["
    return slashes + "\\[" if slashes else "["
