"""Last year's disputed findings: still disputed, no longer, not checked; and new ones."""

from __future__ import annotations

from typing import Any

from coprod_assess.compare.disputes import disputes
from coprod_assess.scoring.result import (
    CheckedFinding,
    SenseCheckResult,
    SharedResult,
    Tally,
)
from tests.compare.conftest import YEAR_2026, score

AGREE = Tally(yes=3)
DISAGREE = Tally(no=3)


def checked(**findings: Any) -> SharedResult:
    """The 2026 assessment with a sense-check of these findings: id=(everyone, disputed_by)."""
    base = score(YEAR_2026)
    return base.model_copy(
        update={
            "sense_check": SenseCheckResult(
                people=6,
                findings=[
                    CheckedFinding(
                        id=key.replace("__", "/"),
                        text=f"Finding {key}",
                        everyone=tally,
                        disputed_by=by,
                    )
                    for key, (tally, by) in findings.items()
                ],
            )
        }
    )


def test_each_disputed_finding_is_followed_up() -> None:
    old = checked(
        ladder__a=(DISAGREE, ["everyone", "lived"]),
        flag__b=(DISAGREE, ["lived"]),
        gap__c=(DISAGREE, ["lived"]),
        priority__d=(AGREE, []),
    )
    new = checked(
        ladder__a=(DISAGREE, ["lived"]),
        flag__b=(AGREE, []),
        priority__d=(DISAGREE, ["everyone"]),
    )
    found = {d.id: d for d in disputes(old, new)}
    assert found["ladder/a"].now == "still"
    assert found["ladder/a"].words() == (
        "Still disputed by people with lived experience: Finding ladder__a"
    )
    assert found["flag/b"].words() == (
        "No longer disputed (last time by people with lived experience): Finding flag__b"
    )
    assert found["gap/c"].now == "not-checked"
    assert found["priority/d"].words() == "Newly disputed by the room: Finding priority__d"
    assert [d.id for d in disputes(old, new)] == ["ladder/a", "flag/b", "gap/c", "priority/d"]


def test_a_finding_too_few_responded_to_is_not_checked() -> None:
    old = checked(ladder__a=(DISAGREE, ["lived"]))
    new = checked(ladder__a=(None, []))
    assert [d.now for d in disputes(old, new)] == ["not-checked"]


def test_no_sense_check_on_either_side_says_nothing() -> None:
    unchecked = score(YEAR_2026).model_copy(update={"sense_check": None})
    assert disputes(unchecked, unchecked) == []
    old = checked(ladder__a=(DISAGREE, ["lived"]))
    assert [d.now for d in disputes(old, unchecked)] == ["not-checked"]
