"""The built-in flags raised by the patterns they describe, and only then."""

from __future__ import annotations

from typing import Any

from coprod_assess.answers.models import AnswersFile
from coprod_assess.privacy.redact import share
from coprod_assess.rubric.catalog import load_catalog
from coprod_assess.scoring.assessment import score_assessment
from coprod_assess.scoring.result import SharedResult

CATALOG = load_catalog()


def everything(value_of: Any, role: str) -> dict[str, dict[str, Any]]:
    """Answers to every built-in question, chosen by value_of(rubric, dim, question, values)."""
    given: dict[str, dict[str, Any]] = {}
    for rubric in CATALOG.rubrics.values():
        given[rubric.id] = {}
        for dim, question in rubric.questions():
            values = sorted(o.value for o in rubric.options_for(question))
            given[rubric.id][question.id] = value_of(rubric.id, dim.id, question, values)
    return given


def shared(rows: list[tuple[str, Any]], min_group: int = 1, **extra: Any) -> SharedResult:
    answers = AnswersFile.model_validate(
        {
            "respondents": [
                {"id": f"p{i}", "role": role, "answers": everything(value_of, role), **extra}
                for i, (role, value_of) in enumerate(rows)
            ]
        }
    )
    return share(score_assessment(answers, CATALOG), min_group, flags=CATALOG.flags.values())


def raised(rows: list[tuple[str, Any]], min_group: int = 1) -> set[str]:
    # Every group shown (--min-group 1) unless asked: these tests are about the flags.
    return {flag.id for flag in shared(rows, min_group).flags}


def middle(rubric: str, dim: str, question: Any, values: list[float]) -> float:
    if question.side == "claim":
        return values[0]  # not called co-production
    return values[len(values) // 2]


def lowest(rubric: str, dim: str, question: Any, values: list[float]) -> float:
    return values[0]


def highest(rubric: str, dim: str, question: Any, values: list[float]) -> float:
    return values[-1]


def test_balanced_workshop_raises_nothing() -> None:
    rows = [
        (role, middle) for role in ("family-carer", "staff", "person-using-services", "manager")
    ]
    assert raised(rows) == set()


def test_principles_claimed_but_ladder_below_partnership() -> None:
    def choose(rubric: str, dim: str, question: Any, values: list[float]) -> float:
        if rubric == "nef-six-principles":
            return values[-1]
        if rubric == "arnstein-ladder" and not question.side:
            return 5
        return middle(rubric, dim, question, values)

    assert "principles-without-power" in raised([("family-carer", choose), ("staff", choose)])


def ladder(rung: dict[str, float], called: set[str]) -> Any:
    """Arnstein answers: a rung per area (4 elsewhere), and the areas called co-production."""

    def choose(rubric: str, dim: str, question: Any, values: list[float]) -> float:
        if rubric != "arnstein-ladder":
            return middle(rubric, dim, question, values)
        if question.side == "claim":
            return 1 if dim in called else 0
        return rung.get(dim, 4) if rung.get(dim, 4) in values else values[-1]

    return choose


def test_an_area_called_co_production_at_placation_or_below() -> None:
    found = shared([("family-carer", ladder({"money": 5}, {"money"}))] * 2)
    (flag,) = [f for f in found.flags if f.id == "co-production-in-name-only"]
    assert flag.evidence == [
        "Arnstein's ladder of citizen participation, Money and budgets, claim side: 100% of "
        "the range (at least 50)",
        "Arnstein's ladder of citizen participation, Money and budgets: 5 (below 6)",
    ]


def test_an_area_called_co_production_that_shares_power_is_not_flagged() -> None:
    assert "co-production-in-name-only" not in raised(
        [("staff", ladder({"money": 6}, {"money"}))] * 2
    )
    # Not called co-production: consultation has its place.
    assert "co-production-in-name-only" not in raised([("staff", ladder({}, set()))] * 2)


def test_the_claim_and_the_rung_must_be_in_the_same_area() -> None:
    # Money is called co-production and sits at Delegated power; governance, at
    # Consultation, is not called co-production.
    rows = [("staff", ladder({"money": 7, "governance": 4}, {"money"}))] * 2
    assert "co-production-in-name-only" not in raised(rows)


def test_illusion_of_co_production() -> None:
    found = raised([("staff", highest), ("family-carer", lowest)])
    assert "illusion-of-co-production" in found


def test_the_illusion_needs_min_group_people_on_each_side() -> None:
    too_few = [("staff", highest)] * 3 + [("family-carer", lowest)] * 2
    result = shared(too_few, min_group=3)
    assert "illusion-of-co-production" not in {f.id for f in result.flags}
    (unchecked,) = [f for f in result.unchecked_flags if f.id == "illusion-of-co-production"]
    assert "fewer than 3 people" in unchecked.reason and "could not be checked" in unchecked.reason
    enough = shared([("staff", highest)] * 3 + [("family-carer", lowest)] * 3, min_group=3)
    (flag,) = [f for f in enough.flags if f.id == "illusion-of-co-production"]
    assert all("from 3 and 3 people" in line for line in flag.evidence)


def test_rules_without_world_view() -> None:
    def choose(rubric: str, dim: str, question: Any, values: list[float]) -> float:
        if rubric == "hunter-ritchie-rules":
            return values[-1] if question.side == "practice" else values[0]
        return middle(rubric, dim, question, values)

    assert "rules-without-world-view" in raised([("family-carer", choose), ("staff", choose)])


def money(area: float, profitability: str) -> Any:
    """The ladder's money area on `area` (Delegated power elsewhere), and the
    Profitability lever at its `lowest` or `highest`."""

    def choose(rubric: str, dim: str, question: Any, values: list[float]) -> float:
        if rubric == "arnstein-ladder" and not question.side:
            return area if dim == "money" else 7
        if rubric == "five-p-levers" and dim == "profitability":
            return values[0] if profitability == "lowest" else values[-1]
        return middle(rubric, dim, question, values)

    return choose


def test_money_not_shared_reads_the_money_area() -> None:
    assert "money-not-shared" in raised([("family-carer", money(6, "lowest"))] * 2)
    # Every other area at Delegated power, the money area at Consultation: the ladder
    # itself shows money is not shared, so the lever does not contradict it.
    assert "money-not-shared" not in raised([("family-carer", money(4, "lowest"))] * 2)
    assert "money-not-shared" not in raised([("family-carer", money(6, "highest"))] * 2)


def test_people_who_cannot_see_how_money_is_decided() -> None:
    def unsure(rubric: str, dim: str, question: Any, values: list[float]) -> Any:
        if rubric == "arnstein-ladder" and dim == "money" and not question.side:
            return {"skip": "dont-know"}
        return middle(rubric, dim, question, values)

    found = shared([("family-carer", unsure)] * 3 + [("staff", middle)] * 3, min_group=3)
    (flag,) = [f for f in found.flags if f.id == "money-not-seen"]
    assert flag.evidence[0] == (
        "Arnstein's ladder of citizen participation, Money and budgets (lived): "
        "0% answered (below 50)"
    )
    assert "money-not-seen" not in raised([("family-carer", middle)] * 3)


def test_out_of_pocket() -> None:
    def unpaid(rubric: str, dim: str, question: Any, values: list[float]) -> float:
        if question.side == "payment":
            return values[0]
        return middle(rubric, dim, question, values)

    assert "out-of-pocket" in raised([("family-carer", unpaid), ("staff", middle)])
    assert "out-of-pocket" not in raised([("family-carer", middle), ("staff", middle)])


def test_out_of_pocket_when_costs_are_unpaid_however_time_is_rewarded() -> None:
    def costs_unpaid(rubric: str, dim: str, question: Any, values: list[float]) -> float:
        if question.side == "costs":
            return values[0]
        if question.side == "payment":
            return values[-1]
        return middle(rubric, dim, question, values)

    assert "out-of-pocket" in raised([("family-carer", costs_unpaid), ("staff", middle)])


def test_nobody_with_lived_experience() -> None:
    assert raised([("staff", middle), ("manager", middle)]) == {"no-lived-experience"}


def test_peer_workers_and_community_members_are_not_lived_experience() -> None:
    rows = [("peer-worker", middle), ("community-member", middle), ("staff", middle)]
    assert "no-lived-experience" in raised(rows)


def room(**mix: Any) -> SharedResult:
    """A member of staff and a room answering together, with what the room recorded."""
    people = [
        {"id": "p1", "role": "staff", "answers": everything(middle, "staff")},
        {"id": "p2", "role": "group", "answers": everything(middle, "group"), **mix},
    ]
    answers = AnswersFile.model_validate({"respondents": people})
    return share(score_assessment(answers, CATALOG), 1, flags=CATALOG.flags.values())


def test_a_room_of_parents_answering_together_counts_as_lived_experience() -> None:
    assert "no-lived-experience" not in {f.id for f in room(people=8, lived_experience=5).flags}
    assert "no-lived-experience" in {f.id for f in room(people=8, lived_experience=0).flags}


def test_a_room_that_did_not_record_its_lived_experience_cannot_be_checked() -> None:
    for mix in ({"people": 8}, {}):
        result = room(**mix)
        assert "no-lived-experience" not in {f.id for f in result.flags}
        (unchecked,) = [f for f in result.unchecked_flags if f.id == "no-lived-experience"]
        assert unchecked.reason == (
            "a group answering together did not record how many of them have lived "
            "experience, so it could not be checked"
        )


def test_evidence_names_what_was_measured() -> None:
    answers = AnswersFile.model_validate(
        {"respondents": [{"id": "p", "role": "staff", "answers": everything(middle, "staff")}]}
    )
    result = share(score_assessment(answers, CATALOG), 1, flags=CATALOG.flags.values())
    (flag,) = result.flags
    assert flag.evidence == ["0 people (lived) (below 1)"]
    assert flag.actions
