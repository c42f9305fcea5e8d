"""Understanding what people type at a question."""

from __future__ import annotations

import pytest

from coprod_assess.cli.questionnaire import Choice, parse_choice


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1", Choice("answer", 1)),
        (" 4 ", Choice("answer", 4)),
        ("5", Choice("invalid")),
        ("0", Choice("invalid")),
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
    assert parse_choice(typed, 4) == expected
