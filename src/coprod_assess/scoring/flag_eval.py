"""Raising cross-framework flags: each condition read off the shared assessment.

Flags read only what the privacy step lets through. A condition that needs a
withheld figure cannot be checked: the flag says so, without numbers, and is
neither raised nor cleared on figures nobody may see. So too when a count is
not known, such as how many people with lived experience were in a group that
did not record it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum

from coprod_assess.i18n import N_, _
from coprod_assess.rubric.flags import ANY, Condition, Flag
from coprod_assess.scoring.result import (
    GroupScores,
    RaisedFlag,
    RespondentMix,
    RubricResult,
    Score,
    SharedResult,
    UncheckedFlag,
)
from coprod_assess.scoring.tally import EVERYONE
from coprod_assess.wording import people_words

# Each metric's number with its unit: for one, and for any other number.
_UNITS = {
    "score": ("{n}", "{n}"),
    "rung": ("{n}", "{n}"),
    "percent": (N_("{n}% of the range"), N_("{n}% of the range")),
    "gap": (
        N_("{n} point (professional minus lived)"),
        N_("{n} points (professional minus lived)"),
    ),
    "side-gap": (N_("{n} point (practice minus belief)"), N_("{n} points (practice minus belief)")),
    "respondents": (N_("{n} respondent"), N_("{n} respondents")),
    "people": (N_("{n} person"), N_("{n} people")),
    "coverage": (N_("{n}% answered"), N_("{n}% answered")),
}
PERSPECTIVES = ("lived", "professional")
TOO_SMALL = N_("it needs scores of a group too small to show (fewer than {min_group})")
NOT_RECORDED = N_(
    "a group answering together did not record how many of them have lived experience"
)
NO_SIZE = N_("a group answering together did not record how many people were in it")


class Outcome(Enum):
    """What a condition, or a flag, came to."""

    HOLDS = "holds"
    FAILS = "fails"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Reading:
    """One measurement a condition reads.

    `value` is None where the figure is withheld; where only a lower bound is known
    (a count with groups that did not say), `highest` is the most it could be.
    `dimension` is the dimension read, if any; `unknown` says why it cannot be checked.
    """

    text: str
    value: float | None
    highest: float | None = None
    dimension: str | None = None
    unknown: str = TOO_SMALL

    def outcome(self, condition: Condition) -> Outcome:
        """Whether the condition holds on this reading, fails, or cannot be told."""
        if self.value is None:
            return Outcome.UNKNOWN
        if self.highest is None:
            return Outcome.HOLDS if condition.holds(self.value) else Outcome.FAILS
        found = condition.holds_between(self.value, self.highest)
        return Outcome.UNKNOWN if found is None else (Outcome.HOLDS if found else Outcome.FAILS)


def raise_flags(
    shared: SharedResult, flags: Iterable[Flag]
) -> tuple[list[RaisedFlag], list[UncheckedFlag]]:
    """The flags whose conditions hold, and those that could not be checked, sorted by id."""
    raised = []
    unchecked = []
    for flag in sorted(flags, key=lambda f: f.id):
        outcome, evidence, reasons = _evaluate(flag, shared)
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
            fewest = people_words(shared.min_group)
            why = "; ".join(_(reason).format(min_group=fewest) for reason in reasons)
            unchecked.append(
                UncheckedFlag(
                    id=flag.id,
                    title=flag.title,
                    reason=_("{why}, so it could not be checked").format(why=why),
                )
            )
    return raised, unchecked


def _evaluate(flag: Flag, shared: SharedResult) -> tuple[Outcome, list[str], list[str]]:
    """The flag's outcome, the evidence when it holds, and why it could not be checked."""
    paired = flag.when.join == "same-dimension"
    readings = [(c, list(measure(c, shared, per_dimension=paired))) for c in flag.when.conditions()]
    if paired:
        return _by_dimension(readings)
    outcomes = []
    evidence: list[str] = []
    for condition, found in readings:
        outcome, held = _condition(condition, found)
        outcomes.append(outcome)
        evidence += held
    if flag.when.join == "all":
        if all(o is Outcome.HOLDS for o in outcomes):
            return Outcome.HOLDS, evidence, []
        if Outcome.FAILS in outcomes:
            return Outcome.FAILS, [], []
    elif Outcome.HOLDS in outcomes:
        return Outcome.HOLDS, evidence, []
    elif Outcome.UNKNOWN not in outcomes:
        return Outcome.FAILS, [], []
    return Outcome.UNKNOWN, [], _reasons(readings)


def _condition(condition: Condition, readings: Sequence[Reading]) -> tuple[Outcome, list[str]]:
    """A condition holds where any of its readings does; else it is unknown where any is."""
    outcomes = [r.outcome(condition) for r in readings]
    held = [r.text for r, o in zip(readings, outcomes, strict=True) if o is Outcome.HOLDS]
    if held:
        return Outcome.HOLDS, held
    return (Outcome.UNKNOWN if Outcome.UNKNOWN in outcomes else Outcome.FAILS), []


def _by_dimension(
    readings: Sequence[tuple[Condition, list[Reading]]],
) -> tuple[Outcome, list[str], list[str]]:
    """`same-dimension`: raised where, in some dimension, every condition holds."""
    ids = [{r.dimension for r in found if r.dimension is not None} for _, found in readings]
    common = sorted(set.intersection(*ids)) if ids else []
    evidence: list[str] = []
    unknown = []
    for dimension in common:
        outcomes = []
        held: list[str] = []
        for condition, found in readings:
            outcome, texts = _condition(condition, [r for r in found if r.dimension == dimension])
            outcomes.append(outcome)
            held += texts
        if all(o is Outcome.HOLDS for o in outcomes):
            evidence += held
        elif Outcome.FAILS not in outcomes:
            unknown.append(dimension)
    if evidence:
        return Outcome.HOLDS, evidence, []
    if unknown:
        picked = [(c, [r for r in found if r.dimension in unknown]) for c, found in readings]
        return Outcome.UNKNOWN, [], _reasons(picked)
    return Outcome.FAILS, [], []


def _reasons(readings: Sequence[tuple[Condition, list[Reading]]]) -> list[str]:
    """Why the readings that could not be checked could not be, each reason once."""
    found = [r.unknown for c, rs in readings for r in rs if r.outcome(c) is Outcome.UNKNOWN]
    return list(dict.fromkeys(found)) or [TOO_SMALL]


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


def _unit(condition: Condition, shown: str) -> str:
    """The number as shown with the metric's unit: 1 person, 2 people, -1 point."""
    one, many = _UNITS[condition.metric]
    words = one if shown.lstrip("+-") == "1" else many
    return _(words).format(n=shown)


_BOUNDS = {
    "at_least": N_("at least {bound}"),
    "at_most": N_("at most {bound}"),
    "above": N_("above {bound}"),
    "below": N_("below {bound}"),
}


def _comparison(condition: Condition) -> str:
    parts = [
        _(words).format(bound=f"{bound:g}")
        for field, words in _BOUNDS.items()
        if (bound := getattr(condition, field)) is not None
    ]
    return _(" and ").join(parts)


def measure(
    condition: Condition, result: SharedResult, *, per_dimension: bool = False
) -> Iterator[Reading]:
    """Each measurement the condition reads: its evidence text and value, or None if withheld.
    A condition naming no dimension reads its rubric, or each dimension if `per_dimension`."""
    group = _group(condition)
    who = "" if group == EVERYONE else f" ({group.split(':', 1)[1]})"
    rule = _comparison(condition)
    if condition.rubric is None:
        low, high, unknown = _took_part(condition, result.respondents)
        count = _unit(condition, str(low))
        yield Reading(f"{count}{who} ({rule})", low, high, unknown=unknown)
        return
    rubrics = result.rubrics if condition.rubric == ANY else [result.rubric(condition.rubric)]
    for rubric in rubrics:
        if rubric is None:
            continue
        for dimension, target, scores, sides in _targets(condition, rubric, per_dimension):
            title = (
                _("{target}, {side} side").format(target=target, side=condition.side)
                if condition.side
                else target
            )
            if _needs_withheld(condition, scores, sides, group, result.min_group):
                yield Reading(title, None, dimension=dimension)
                continue
            value = _read(condition, scores, sides, group)
            if value is not None:
                shown = _shown(condition, value)
                text = f"{title}{who}: {_unit(condition, shown)}{_from(condition, scores)}"
                yield Reading(f"{text} ({rule})", value, dimension=dimension)


def _took_part(condition: Condition, mix: RespondentMix) -> tuple[int, float | None, str]:
    """How many took part as the condition counts them: the count (or the least it can be),
    the most it can be where groups did not record it (None when exact), and why."""
    if condition.metric == "respondents":
        if condition.role:
            return mix.roles.get(condition.role, 0), None, TOO_SMALL
        if condition.perspective:
            return mix.perspectives.get(condition.perspective, 0), None, TOO_SMALL
        return mix.total, None, TOO_SMALL
    if condition.perspective == "lived":
        low = mix.perspectives.get("lived", 0) + mix.lived_in_groups
        unsure = mix.groups_without_lived is None or mix.groups_without_lived > 0
        return low, math.inf if unsure and _has_groups(mix) else None, NOT_RECORDED
    low = mix.total if mix.people is None else mix.people
    unsure = mix.people is None or bool(mix.groups_without_size)
    return low, math.inf if unsure and _has_groups(mix) else None, NO_SIZE


def _has_groups(mix: RespondentMix) -> bool:
    """Whether anyone answered as a group (files from older versions record only the role)."""
    return bool(mix.in_groups or mix.roles.get("group"))


def _from(condition: Condition, scores: GroupScores) -> str:
    """For a gap, how many people are behind each side of it."""
    if condition.metric != "gap":
        return ""
    counts = [scores.perspectives[p].respondents for p in ("professional", "lived")]
    if 1 in counts:
        return _(", from {professional} and {lived}").format(
            professional=people_words(counts[0]), lived=people_words(counts[1])
        )
    return _(", from {professional} and {lived} people").format(
        professional=counts[0], lived=counts[1]
    )


def _targets(
    condition: Condition, rubric: RubricResult, per_dimension: bool
) -> Iterator[tuple[str | None, str, GroupScores, dict[str, GroupScores]]]:
    if condition.dimension is None and not per_dimension:
        yield None, rubric.title, rubric.scores, rubric.sides
        return
    for dim in rubric.dimensions:
        if condition.dimension in (None, ANY, dim.id):
            yield dim.id, f"{rubric.title}, {dim.title}", dim.scores, dim.sides


def _needs_withheld(
    condition: Condition,
    scores: GroupScores,
    sides: dict[str, GroupScores],
    group: str,
    min_group: int,
) -> bool:
    if condition.metric == "gap":
        # A gap compares two groups: each must be shown, and from at least min_group people.
        if any(f"perspective:{p}" in scores.withheld for p in PERSPECTIVES):
            return True
        shown = [found for p in PERSPECTIVES if (found := scores.perspectives.get(p))]
        return len(shown) == 2 and any(s.respondents < min_group for s in shown)
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
