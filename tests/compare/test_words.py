"""Changes in words: arrows and points, one point in the singular."""

from __future__ import annotations

import pytest

from coprod_assess.compare.diff import Direction, Move
from coprod_assess.compare.words import change_words


@pytest.mark.parametrize(
    ("change", "direction", "words"),
    [
        (1.3, "up", "▲ up 1 point"),
        (-1.0, "down", "▼ down 1 point"),
        (-6.25, "down", "▼ down 6 points"),
        (0.2, "same", "= no change"),
        (None, "not compared", "not compared"),
    ],
)
def test_change_words(change: float | None, direction: Direction, words: str) -> None:
    move = Move(old=1, new=1, old_percent=50, new_percent=50, change=change, direction=direction)
    assert change_words(move) == words
