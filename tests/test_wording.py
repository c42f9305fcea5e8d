"""Scores, rungs and counts in words, as every output says them."""

from __future__ import annotations

import pytest

from coprod_assess.scoring.result import Rung
from coprod_assess.wording import (
    gap_words,
    people_words,
    points_words,
    rung_group_words,
    rung_words,
)

LADDER = [
    Rung(value=1, name="Manipulation", group="Nonparticipation"),
    Rung(value=2, name="Therapy", group="Nonparticipation"),
    Rung(value=3, name="Informing", group="Tokenism"),
    Rung(value=4, name="Consultation", group="Tokenism"),
    Rung(value=5, name="Placation", group="Tokenism"),
    Rung(value=6, name="Partnership", group="Citizen power"),
]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (4, "rung 4, Consultation"),
        (1, "rung 1, Manipulation"),
        (2.5, "2.5, between rung 2, Therapy, and rung 3, Informing"),
        (3.75, "3.75, between rung 3, Informing, and rung 4, Consultation"),
    ],
)
def test_a_place_between_two_rungs_names_both(value: float, words: str) -> None:
    assert rung_words(value, LADDER) == words


def test_rungs_that_skip_a_value_are_named_by_their_neighbours() -> None:
    # A ladder may leave out a rung (no 2): 1.5 and 2.5 both sit between 1 and 3.
    skipping = [LADDER[0], *LADDER[2:]]
    assert rung_words(2.5, skipping) == "2.5, between rung 1, Manipulation, and rung 3, Informing"


@pytest.mark.parametrize(
    ("value", "group"),
    [(4, "Tokenism"), (3.5, "Tokenism"), (2.5, "between Nonparticipation and Tokenism")],
)
def test_the_group_of_a_place_between_two_groups_names_both(value: float, group: str) -> None:
    assert rung_group_words(value, LADDER) == group


def test_rungs_without_groups_have_no_group_words() -> None:
    plain = [Rung(value=0, name="Left out"), Rung(value=1, name="Asked")]
    assert rung_group_words(0.5, plain) == ""
    assert rung_words(0.5, plain) == "0.5, between rung 0, Left out, and rung 1, Asked"


@pytest.mark.parametrize(
    ("points", "sign", "words"),
    [
        (1.2, False, "1 point"),
        (-0.6, True, "-1 point"),
        (0.4, True, "+0 points"),
        (12.5, True, "+12 points"),
        (37.6, False, "38 points"),
    ],
)
def test_points_are_whole_and_one_is_singular(points: float, sign: bool, words: str) -> None:
    assert points_words(points, sign=sign) == words


def test_counts_of_people() -> None:
    assert [people_words(n) for n in (0, 1, 2)] == ["0 people", "1 person", "2 people"]
    assert gap_words(1.4) == "+1 point" and gap_words(None) == "-"
