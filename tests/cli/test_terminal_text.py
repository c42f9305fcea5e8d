"""Inert terminal text: markup shows as written, control sequences show as visible escapes."""

from __future__ import annotations

import io
import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from coprod_assess.cli.terminal_text import inert

OSC8 = "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\"
BIDI = "".join(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
PIECES = ["[", "]", "/", "\\", "bold", "x", "@", "#", ":", " ", "\n", "\r", "\t", "\x1b"]
PIECES += ["\x07", "\x7f", "\x85", "\x9b", "\u2028", *BIDI, "é", "1", "smile"]
HOSTILE = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def shown(markup: str) -> str:
    """What a Rich console prints for `markup`, on one wide line."""
    buffer = io.StringIO()
    Console(file=buffer, width=500, color_system=None, highlight=False, emoji=False).print(
        markup, end=""
    )
    return buffer.getvalue()


def unsafe(text: str, *, keep: str = "") -> list[str]:
    """The control and bidi format characters left in `text`, apart from those in `keep`."""
    return [
        c
        for c in text
        if c not in keep and (unicodedata.category(c) == "Cc" or c in BIDI or c in "\u2028\u2029")
    ]


def test_markup_prints_as_written() -> None:
    assert shown(inert("[/x] and [bold]loud[/bold]")) == "[/x] and [bold]loud[/bold]"
    trailing = inert("ends in a backslash \\")
    assert shown(f"[bold]{trailing}[/bold]") == "ends in a backslash \\"


def test_escape_sequences_show_as_visible_escapes() -> None:
    assert inert(OSC8, markup=False) == "\\x1b]8;;https://evil.example\\x1b\\click\\x1b]8;;\\x1b\\"
    assert inert("bell\x07 del\x7f csi\x9b31m") == "bell\\x07 del\\x7f csi\\x9b31m"
    assert inert("\u202eevil\u2066", markup=False) == "\\u202eevil\\u2066"


def test_one_line_mode_cannot_forge_a_line() -> None:
    forged = "title\nother.yaml:1:1: error[x] fake\r\tover"
    assert inert(forged, markup=False) == "title other.yaml:1:1: error[x] fake  over"


def test_multiline_mode_keeps_line_breaks_but_not_carriage_returns() -> None:
    assert inert("one\r\ntwo\nthree\rfour\u2028five\tsix", multiline=True) == (
        "one\ntwo\nthree\nfour\nfive\tsix"
    )


@given(HOSTILE)
def test_any_text_prints_inert_and_in_full(text: str) -> None:
    one_line = shown(f"[bold]{inert(text)}[/bold]")
    assert not unsafe(one_line)
    assert one_line == inert(text, markup=False), "Rich shows the text, markup and all"
    several = shown(f"[bold]{inert(text, multiline=True)}[/bold]")
    assert not unsafe(several, keep="\n\t")
    # Rich expands the tabs it keeps to the next multiple of 8 columns.
    assert several == inert(text, multiline=True, markup=False).expandtabs(8)


def test_backslashes_print_as_written() -> None:
    assert shown(inert("\\[1] and \\\\[bold] and C:\\")) == "\\[1] and \\\\[bold] and C:\\\\"
    three = inert("ends in three \\\\\\")
    assert shown(f"[bold]{three}[/bold] after") == "ends in three \\\\\\ after"
