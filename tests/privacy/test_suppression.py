"""Complementary suppression: which groups a figure may show without giving a small one away."""

from __future__ import annotations

from fractions import Fraction

from coprod_assess.privacy.suppression import EVERYONE, equations, recoverable, suppress

PERSPECTIVE_OF = {
    "family-carer": "lived",
    "person-using-services": "lived",
    "staff": "professional",
    "manager": "professional",
    "commissioner": "professional",
}


def test_everyone_and_each_perspective_are_sums_of_roles() -> None:
    counts = {EVERYONE: 7, "role:staff": 3, "role:family-carer": 3, "role:commissioner": 1}
    counts |= {"perspective:lived": 3, "perspective:professional": 4}
    rows = equations(counts, PERSPECTIVE_OF)
    assert rows == [
        {EVERYONE: 7, "role:staff": -3, "role:family-carer": -3, "role:commissioner": -1},
        {"perspective:lived": 3, "role:family-carer": -3},
        {"perspective:professional": 4, "role:staff": -3, "role:commissioner": -1},
    ]


def test_one_hidden_group_beside_the_total_is_recoverable() -> None:
    # 7 x everyone - 3 x carers - 3 x staff is the commissioner's score.
    rows = [{EVERYONE: Fraction(7), "role:staff": Fraction(-3), "role:c": Fraction(-1)}]
    assert recoverable({"role:c"}, rows) == ["role:c"]
    assert recoverable({"role:c", "role:staff"}, rows) == []


def test_the_issues_subtraction_is_blocked() -> None:
    counts = {EVERYONE: 7, "role:staff": 3, "role:family-carer": 3, "role:commissioner": 1}
    counts |= {"perspective:lived": 3, "perspective:professional": 4}
    plan = suppress([counts], PERSPECTIVE_OF, 3)
    assert plan.small == {"role:commissioner"}
    # The professional perspective is staff plus the commissioner, and everyone is the
    # carers plus them: with staff shown, either sum would give the commissioner away.
    assert "role:staff" in plan.hidden
    assert not plan.everyone_hidden[0]
    hidden = set(plan.hidden)
    assert recoverable(hidden, equations(counts, PERSPECTIVE_OF)) == []


def test_a_perspective_of_one_role_is_withheld_with_it() -> None:
    counts = {EVERYONE: 5, "role:staff": 3, "role:family-carer": 2}
    counts |= {"perspective:lived": 2, "perspective:professional": 3}
    plan = suppress([counts], PERSPECTIVE_OF, 3)
    assert plan.small == {"role:family-carer", "perspective:lived"}
    # Everyone minus staff is the carers: staff (and so the professionals) go too.
    assert plan.hidden >= {"role:staff"}
    assert recoverable(set(plan.hidden), equations(counts, PERSPECTIVE_OF)) == []


def test_a_group_small_in_one_figure_is_hidden_in_all() -> None:
    whole = {EVERYONE: 9, "role:staff": 3, "role:family-carer": 3, "role:manager": 3}
    part = {EVERYONE: 8, "role:staff": 2, "role:family-carer": 3, "role:manager": 3}
    plan = suppress([whole, part], {}, 3)
    assert plan.small == {"role:staff"}
    assert "role:staff" in plan.hidden and len(plan.hidden) == 2


def test_nothing_withheld_when_every_group_is_large() -> None:
    counts = {EVERYONE: 6, "role:staff": 3, "role:family-carer": 3}
    counts |= {"perspective:lived": 3, "perspective:professional": 3}
    plan = suppress([counts], PERSPECTIVE_OF, 3)
    assert plan.hidden == frozenset() and plan.everyone_hidden == (False,)


def test_a_figure_only_one_hidden_role_answered_withholds_everyone() -> None:
    # Staff are hidden (they protect someone elsewhere); in this figure only staff
    # answered, so its total is their score and is withheld too.
    plan = suppress(
        [{EVERYONE: 4, "role:staff": 3, "role:manager": 1}, {EVERYONE: 3, "role:staff": 3}],
        {},
        3,
    )
    assert plan.hidden == {"role:staff", "role:manager"}
    assert plan.everyone_hidden == (False, True)
