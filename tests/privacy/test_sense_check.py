"""The privacy step on the sense-check: no small group's responses can be told apart."""

from __future__ import annotations

from typing import Any

import pytest

from coprod_assess.answers.models import AnswersFile
from coprod_assess.privacy.sense_check import safe_split, share_sense_check
from coprod_assess.rubric.catalog import load_catalog
from coprod_assess.scoring.result import SenseCheckResult, Tally
from coprod_assess.scoring.sense_check import count_sense_check

CATALOG = load_catalog([])
FINDINGS = {"ladder/arnstein-ladder": "Most decisions are at Consultation.", "flag/x": "A sign."}


def counted(*people: tuple[str, Any]) -> SenseCheckResult:
    """A full count for people given as (role, response to the first finding)."""
    data = {
        "sense_check": {
            "findings": FINDINGS,
            "people": {
                f"c{i}": {"role": role, "responses": {"ladder/arnstein-ladder": said}}
                for i, (role, said) in enumerate(people, 1)
            },
        }
    }
    found = count_sense_check(AnswersFile.model_validate(data), CATALOG)
    assert found is not None
    return found


LIVED = "person-using-services"
STAFF = "staff"


def test_full_count_keeps_every_group_and_comment() -> None:
    full = counted(
        (LIVED, "no"), (LIVED, {"value": "partly", "note": "Only sometimes"}), (STAFF, "yes")
    )
    first = full.findings[0]
    assert first.everyone == Tally(yes=1, partly=1, no=1)
    assert first.perspectives["lived"] == Tally(partly=1, no=1)
    assert first.comments[0].text == "Only sometimes"
    assert full.findings[1].everyone == Tally()  # nobody reached the second finding
    assert full.people == 3


def test_too_few_responses_show_no_figures_and_no_attribution() -> None:
    full = counted((LIVED, {"value": "no", "note": "Never asked"}), (STAFF, "yes"))
    shown = share_sense_check(full, 3, set(FINDINGS)).findings[0]
    assert shown.everyone is None and shown.perspectives == {}
    assert shown.disputed_by == []
    assert [(c.text, c.perspective) for c in shown.comments] == [("Never asked", None)]
    assert "fewer than 3 people responded" in share_sense_check(full, 3, set(FINDINGS)).withheld[0]


def test_lived_and_professional_apart_when_both_large_enough() -> None:
    full = counted(*[(LIVED, "no")] * 3, *[(STAFF, "yes")] * 3)
    shown = share_sense_check(full, 3, set(FINDINGS)).findings[0]
    assert set(shown.perspectives) == {"lived", "professional"}
    assert shown.disputed_by == ["lived"]


def test_a_small_rest_cannot_be_subtracted() -> None:
    # 3 lived, 3 staff and one group: showing both sides would give the group away.
    full = counted(*[(LIVED, "no")] * 3, *[(STAFF, "yes")] * 3, ("group", "no"))
    shown = share_sense_check(full, 3, set(FINDINGS)).findings[0]
    assert list(shown.perspectives) == ["lived"]
    assert shown.everyone == Tally(yes=3, no=4)


def test_a_small_side_hides_the_other_too() -> None:
    full = counted(*[(LIVED, "no")] * 2, *[(STAFF, "yes")] * 4)
    shown = share_sense_check(full, 3, set(FINDINGS)).findings[0]
    assert shown.perspectives == {}
    assert shown.everyone == Tally(yes=4, no=2)
    assert shown.disputed_by == []


def test_comments_lose_attribution_together() -> None:
    full = counted(
        *[(LIVED, {"value": "no", "note": f"lived {i}"}) for i in range(3)],
        (STAFF, {"value": "yes", "note": "staff view"}),
        (STAFF, "yes"),
    )
    shown = share_sense_check(full, 3, set(FINDINGS)).findings[0]
    assert "lived" not in shown.perspectives or len(shown.perspectives) == 2
    perspectives = {c.perspective for c in shown.comments}
    assert perspectives == {None}


@pytest.mark.parametrize(
    ("counts", "total", "expected"),
    [
        ({"lived": 3, "professional": 3}, 6, ["lived", "professional"]),
        ({"lived": 3, "professional": 3, "none": 1}, 7, ["lived"]),
        ({"lived": 3, "professional": 3, "none": 3}, 9, ["lived", "professional"]),
        ({"lived": 2, "professional": 5}, 7, []),
        ({"lived": 4, "professional": 0, "none": 2}, 6, []),
        ({"lived": 4, "none": 3}, 7, ["lived"]),
    ],
)
def test_safe_split(counts: dict[str, int], total: int, expected: list[str]) -> None:
    assert safe_split(counts, total, 3) == expected


def test_whatever_is_shown_no_hidden_group_below_the_threshold() -> None:
    """Brute force: for every mix of up to 4 per side, the shown tallies never let a
    group of 1 or 2 be worked out as the total less the shown groups."""
    for lived in range(5):
        for staff in range(5):
            for group in range(3):
                full = counted(
                    *[(LIVED, "no")] * lived,
                    *[(STAFF, "yes")] * staff,
                    *[("group", "partly")] * group,
                )
                shown = share_sense_check(full, 3, set(FINDINGS)).findings[0]
                if shown.everyone is None:
                    assert lived + staff + group < 3
                    continue
                rest = shown.everyone.people - sum(t.people for t in shown.perspectives.values())
                assert rest == 0 or rest >= 3
                assert all(t.people >= 3 for t in shown.perspectives.values())


def test_min_group_one_says_so() -> None:
    full = counted((LIVED, "no"))
    shared = share_sense_check(full, 1, set(FINDINGS))
    assert shared.findings[0].everyone == Tally(no=1)
    assert "Do not share it" in shared.withheld[0]


def test_the_withheld_line_names_only_sides_actually_left_out() -> None:
    only_staff = share_sense_check(counted(*[(STAFF, "yes")] * 3), 3, set(FINDINGS))
    assert list(only_staff.findings[0].perspectives) == ["professional"]
    assert not any("not shown apart" in line for line in only_staff.withheld)
    small_side = share_sense_check(counted(*[(STAFF, "yes")] * 3, (LIVED, "no")), 3, set(FINDINGS))
    assert any("not shown apart" in line for line in small_side.withheld)


def test_findings_drawn_at_a_lower_threshold_are_kept_only_if_drawable() -> None:
    full = counted(*[(STAFF, "yes")] * 3).model_copy(update={"min_group": 1})
    shared = share_sense_check(full, 3, {"flag/x"})
    assert [f.id for f in shared.findings] == ["flag/x"]
    assert (
        "1 finding the room checked is not shown: it was drawn with --min-group 1"
        in (shared.withheld[0])
    )
    same = share_sense_check(full.model_copy(update={"min_group": 3}), 3, {"flag/x"})
    assert len(same.findings) == 2, "drawn at this threshold: all kept"
