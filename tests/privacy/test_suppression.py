"""Complementary suppression: which groups a figure may show without giving a small one away."""

from __future__ import annotations

from coprod_assess.privacy.suppression import EVERYONE, given_away, sums, suppress

PERSPECTIVE_OF = {
    "family-carer": "lived",
    "person-using-services": "lived",
    "community-member": "lived",
    "staff": "professional",
    "manager": "professional",
    "commissioner": "professional",
}
ISSUE = {EVERYONE: 7, "role:staff": 3, "role:family-carer": 3, "role:commissioner": 1}
ISSUE |= {"perspective:lived": 3, "perspective:professional": 4}


def test_every_group_is_a_sum_of_roles() -> None:
    groups = sums(ISSUE, PERSPECTIVE_OF)
    assert groups[EVERYONE] == {"role:staff": 3, "role:family-carer": 3, "role:commissioner": 1}
    assert groups["perspective:lived"] == {"role:family-carer": 3}
    assert groups["perspective:professional"] == {"role:staff": 3, "role:commissioner": 1}
    assert groups["role:staff"] == {"role:staff": 3}


def test_everyone_beside_the_other_roles_gives_the_lone_one_away() -> None:
    groups = sums(ISSUE, PERSPECTIVE_OF)
    shown = [EVERYONE, "role:staff", "role:family-carer"]
    # 7 x everyone - 3 x carers - 3 x staff is the commissioner's score.
    assert given_away(shown, groups, ISSUE, 3) == ["role:commissioner"]
    assert given_away([EVERYONE, "role:family-carer"], groups, ISSUE, 3) == []


def test_two_small_roles_are_given_away_together() -> None:
    counts = {EVERYONE: 5, "role:family-carer": 3, "role:manager": 1, "role:community-member": 1}
    groups = sums(counts, PERSPECTIVE_OF)
    # 5 x everyone - 3 x carers is the manager and the community member together:
    # either can subtract themself and learn the other's answers.
    assert given_away([EVERYONE, "role:family-carer"], groups, counts, 3) == [
        "role:community-member",
        "role:manager",
    ]
    assert given_away([EVERYONE], groups, counts, 3) == []


def test_the_issues_subtraction_is_blocked() -> None:
    plan = suppress([ISSUE], PERSPECTIVE_OF, 3)
    assert plan.small == {"role:commissioner"}
    # Staff go too: with staff shown, everyone or the professionals give the commissioner away.
    assert plan.hidden == {"role:commissioner", "role:staff"}
    assert not plan.everyone_hidden[0]
    shown = [g for g in ISSUE if g not in plan.hidden]
    assert given_away(shown, sums(ISSUE, PERSPECTIVE_OF), ISSUE, 3) == []


def test_the_cheapest_way_keeps_the_total() -> None:
    counts = {EVERYONE: 5, "role:family-carer": 3, "role:manager": 1, "role:community-member": 1}
    counts |= {"perspective:lived": 4, "perspective:professional": 1}
    plan = suppress([counts], PERSPECTIVE_OF, 3)
    # Withholding the carers (not everyone) closes "everyone minus the carers".
    assert not plan.everyone_hidden[0]
    assert "role:family-carer" in plan.hidden


def test_a_perspective_of_one_role_is_withheld_with_it() -> None:
    counts = {EVERYONE: 5, "role:staff": 3, "role:family-carer": 2}
    counts |= {"perspective:lived": 2, "perspective:professional": 3}
    plan = suppress([counts], PERSPECTIVE_OF, 3)
    assert plan.small == {"role:family-carer", "perspective:lived"}
    # Everyone minus staff is the carers: staff (and so the professionals) go too.
    assert {"role:staff", "perspective:professional"} <= plan.hidden


def test_a_group_small_in_one_figure_is_withheld_in_all() -> None:
    whole = {EVERYONE: 9, "role:staff": 3, "role:family-carer": 3, "role:manager": 3}
    part = {EVERYONE: 8, "role:staff": 2, "role:family-carer": 3, "role:manager": 3}
    plan = suppress([whole, part], {}, 3)
    assert plan.small == {"role:staff"}
    assert "role:staff" in plan.hidden and len(plan.hidden) == 2


def test_the_fewest_answers_to_any_question_count_not_the_head_count() -> None:
    counts = {EVERYONE: 9, "role:staff": 4, "role:family-carer": 5}
    sizes = {EVERYONE: 9, "role:staff": 2, "role:family-carer": 5}  # a question two staff answered
    plan = suppress([counts], {}, 3, sizes=[sizes])
    assert plan.small == {"role:staff"} and "role:family-carer" in plan.hidden


def test_nothing_withheld_when_every_group_is_large() -> None:
    counts = {EVERYONE: 6, "role:staff": 3, "role:family-carer": 3}
    counts |= {"perspective:lived": 3, "perspective:professional": 3}
    plan = suppress([counts], PERSPECTIVE_OF, 3)
    assert plan.hidden == frozenset() and plan.everyone_hidden == (False,)
