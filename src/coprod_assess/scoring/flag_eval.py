"""Raising cross-framework flags: each condition read off the shared assessment.

Flags read only what the privacy step lets through. A condition that needs a
withheld figure cannot be checked: the flag says so, without numbers, and is
neither raised nor cleared on figures nobody may see.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum

from coprod_assess.rubric.flags import ANY, Condition, Flag
from coprod_assess.scoring.result import (
    GroupScores,
    RaisedFlag,
    RubricResult,
    Score,
    SharedResult,
    UncheckedFlag,
)
from coprod_assess.scoring.tally import EVERYONE

_UNITS = {
    "score": "",
    "rung": "",
    "percent": "% of the range",
    "gap": " points (professional minus lived)",
    "side-gap": " points (practice minus belief)",
    "respondents": " respondents",
    "coverage": "% answered",
}


class Outcome(Enum):
    """What a condition, or a flag, came to."""

    HOLDS = "holds"
    FAILS = "fails"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Reading:
    """One measurement a condition reads: None where the figure is withheld."""

    text: str
    value: float | None


def raise_flags(
    shared: SharedResult, flags: Iterable[Flag]
) -> tuple[list[RaisedFlag], list[UncheckedFlag]]:
    """The flags whose conditions hold, and those that could not be checked, sorted by id."""
    raised = []
    unchecked = []
    for flag in sorted(flags, key=lambda f: f.id):
        outcome, evidence = _evaluate(flag, shared)
        if outcome is Outcome.HOLDS:
            raised.append(
                RaisedFlag(
                    id=flag.id,
                    title=flag.title,
                    explanation=flag.explanation,
                    evidence=evidence,
                    actions=[action.text for action in flag.actions],
                )
            )
        elif outcome is Outcome.UNKNOWN:
            unchecked.append(
                UncheckedFlag(
                    id=flag.id,
                    title=flag.title,
                    reason="it needs scores of a group too small to show (fewer than "
                    f"{shared.min_group} people), so it could not be checked",
                )
            )
    return raised, unchecked


def _evaluate(flag: Flag, shared: SharedResult) -> tuple[Outcome, list[str]]:
    outcomes = []
    evidence = []
    for condition in flag.when.conditions():
        readings = list(measure(condition, shared))
        held = [r.text for r in readings if r.value is not None and condition.holds(r.value)]
        evidence += held
        if held:
            outcomes.append(Outcome.HOLDS)
        elif any(r.value is None for r in readings):
            outcomes.append(Outcome.UNKNOWN)
        else:
            outcomes.append(Outcome.FAILS)
    if flag.when.all is not None:
        if all(o is Outcome.HOLDS for o in outcomes):
            return Outcome.HOLDS, evidence
        return (Outcome.FAILS if Outcome.FAILS in outcomes else Outcome.UNKNOWN), []
    if Outcome.HOLDS in outcomes:
        return Outcome.HOLDS, evidence
    return (Outcome.UNKNOWN if Outcome.UNKNOWN in outcomes else Outcome.FAILS), []


def _group(condition: Condition) -> str:
    if condition.role:
        return f"role:{condition.role}"
    if condition.perspective:
        return f"perspective:{condition.perspective}"
    return EVERYONE


def _pick(scores: GroupScores | None, group: str) -> Score | None:
    return None if scores is None else scores.for_group(group)


def _withheld(scores: GroupScores | None, group: str) -> bool:
    if scores is None:
        return False
    if group == EVERYONE:
        return scores.everyone.status == "withheld"
    return group in scores.withheld


def _shown(condition: Condition, value: float) -> str:
    if condition.metric in ("percent", "gap", "side-gap", "coverage"):
        return f"{value:.0f}"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _comparison(condition: Condition) -> str:
    parts = [
        f"{word} {bound:g}"
        for word, bound in (
            ("at least", condition.at_least),
            ("at most", condition.at_most),
            ("above", condition.above),
            ("below", condition.below),
        )
        if bound is not None
    ]
    return " and ".join(parts)


def measure(condition: Condition, result: SharedResult) -> Iterator[Reading]:
    """Each measurement the condition reads: its evidence text and value, or None if withheld."""
    group = _group(condition)
    who = "" if group == EVERYONE else f" ({group.split(':', 1)[1]})"
    unit = _UNITS[condition.metric]
    rule = _comparison(condition)
    if condition.rubric is None:
        mix = result.respondents
        if condition.role:
            count = mix.roles.get(condition.role, 0)
        elif condition.perspective:
            count = mix.perspectives.get(condition.perspective, 0)
            if condition.perspective == "lived":
                count += mix.lived_in_groups  # a room of parents answering as one counts
        else:
            count = mix.total
        yield Reading(f"{count}{unit}{who} ({rule})", count)
        return
    rubrics = result.rubrics if condition.rubric == ANY else [result.rubric(condition.rubric)]
    for rubric in rubrics:
        if rubric is None:
            continue
        for title, scores, sides in _targets(condition, rubric):
            if _needs_withheld(condition, scores, sides, group):
                yield Reading(title, None)
                continue
            value = _read(condition, scores, sides, group)
            if value is not None:
                yield Reading(f"{title}{who}: {_shown(condition, value)}{unit} ({rule})", value)


def _targets(
    condition: Condition, rubric: RubricResult
) -> Iterator[tuple[str, GroupScores, dict[str, GroupScores]]]:
    if condition.dimension is None:
        yield rubric.title, rubric.scores, rubric.sides
        return
    for dim in rubric.dimensions:
        if condition.dimension in (ANY, dim.id):
            yield f"{rubric.title}, {dim.title}", dim.scores, dim.sides


def _needs_withheld(
    condition: Condition, scores: GroupScores, sides: dict[str, GroupScores], group: str
) -> bool:
    if condition.metric == "gap":
        return any(f"perspective:{p}" in scores.withheld for p in ("lived", "professional"))
    if condition.metric == "side-gap":
        return any(_withheld(sides.get(tag), group) for tag in ("practice", "belief"))
    return _withheld(sides.get(condition.side) if condition.side else scores, group)


def _read(
    condition: Condition, scores: GroupScores, sides: dict[str, GroupScores], group: str
) -> float | None:
    metric = condition.metric
    if metric == "gap":
        return scores.gap()
    if metric == "side-gap":
        practice = _pick(sides.get("practice"), group)
        belief = _pick(sides.get("belief"), group)
        if practice is None or belief is None or None in (practice.percent, belief.percent):
            return None
        return round((practice.percent or 0) - (belief.percent or 0), 2)
    chosen = _pick(sides.get(condition.side) if condition.side else scores, group)
    if metric == "respondents":
        return 0 if chosen is None else chosen.respondents
    if chosen is None:
        return None
    if metric == "coverage":
        return chosen.coverage
    return chosen.percent if metric == "percent" else chosen.value
