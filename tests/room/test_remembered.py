"""The room's remembered options: given ones win, except a lower --min-group."""

from __future__ import annotations

from coprod_assess.room.remembered import DEFAULTS, in_force


def test_nothing_remembered_gives_the_defaults() -> None:
    assert in_force({}, {}) == (DEFAULTS, "")


def test_remembered_options_fill_what_is_not_given() -> None:
    stored = {"port": 9000, "only": ["nef-six-principles"], "names": True, "min_group": 4}
    options, line = in_force({"port": 9100}, stored)
    assert options["port"] == 9100 and options["only"] == ["nef-six-principles"]
    assert options["names"] is True and options["min_group"] == 4
    assert line == (
        "Carrying on with this room's settings: --only nef-six-principles --names --min-group 4."
    )


def test_a_lower_threshold_is_not_taken_a_higher_one_is() -> None:
    assert in_force({"min_group": 2}, {"min_group": 5})[0]["min_group"] == 5
    assert in_force({"min_group": 7}, {"min_group": 5}) == ({**DEFAULTS, "min_group": 7}, "")


def test_hand_edited_nonsense_is_ignored() -> None:
    stored = {"port": "80; rm", "only": "nef", "local": "yes", "min_group": -1, "report": 5}
    assert in_force({}, stored) == (DEFAULTS, "")
