"""Understanding what people type at a question."""

from __future__ import annotations

import pytest

from coprod_assess.cli.questionnaire import Choice, parse_choice


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1", Choice("answer", 1)),
        (" 4 ", Choice("answer", 4)),
        ("0", Choice("answer", 0)),
        ("5", Choice("invalid")),
        ("04", Choice("answer", 4)),
        ("4.0", Choice("answer", 4)),
        ("\u0661", Choice("invalid")),  # an Arabic-Indic one is not typed as 1
        ("-0", Choice("answer", 0)),
        ("", Choice("keep")),
        ("?", Choice("help")),
        ("S", Choice("skip")),
        ("back", Choice("back")),
        ("n", Choice("note")),
        ("q", Choice("quit")),
        ("two", Choice("invalid")),
        ("1.5", Choice("invalid")),
        ("\x1b[A", Choice("invalid")),
        ("9" * 400, Choice("invalid")),
    ],
)
def test_parse_choice(typed: str, expected: Choice) -> None:
    assert parse_choice(typed, [0, 1, 2, 3, 4]) == expected


def test_options_between_whole_numbers_are_typed_as_written() -> None:
    assert parse_choice("2.5", [1, 2.5, 4]) == Choice("answer", 2.5)
    assert parse_choice("2", [1, 2.5, 4]) == Choice("invalid")


def test_typed_text_the_file_cannot_keep_is_cleaned() -> None:
    from coprod_assess.cli.questionnaire import clean_typed

    # A byte that is not UTF-8 arrives as a lone surrogate; escape codes as control characters.
    assert clean_typed("caf\udce9 \x1b[31mred\x07") == ("caf\ufffd [31mred", True)
    assert clean_typed("  plain words ") == ("plain words", False)
