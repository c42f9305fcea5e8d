"""Raising cross-framework flags: each condition read off the scored assessment."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from coprod_assess.rubric.flags import ANY, Condition, Flag
from coprod_assess.scoring.result import GroupScores, RaisedFlag, Result, RubricResult, Score
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


def raise_flags(result: Result, flags: Iterable[Flag]) -> list[RaisedFlag]:
    """The flags whose conditions hold, with what was measured, sorted by id."""
    raised = []
    for flag in sorted(flags, key=lambda f: f.id):
        evidence = _evidence(flag, result)
        if evidence is not None:
            raised.append(
                RaisedFlag(
                    id=flag.id,
                    title=flag.title,
                    explanation=flag.explanation,
                    evidence=evidence,
                    actions=[action.text for action in flag.actions],
                )
            )
    return raised


def _evidence(flag: Flag, result: Result) -> list[str] | None:
    found = [
        [text for text, value in measure(c, result) if c.holds(value)]
        for c in flag.when.conditions()
    ]
    if flag.when.all is not None:
        return [line for lines in found for line in lines] if all(found) else None
    lines = [line for lines in found for line in lines]
    return lines or None


def _group(condition: Condition) -> str:
    if condition.role:
        return f"role:{condition.role}"
    if condition.perspective:
        return f"perspective:{condition.perspective}"
    return EVERYONE


def _pick(scores: GroupScores | None, group: str) -> Score | None:
    return None if scores is None else scores.for_group(group)


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


def measure(condition: Condition, result: Result) -> Iterator[tuple[str, float]]:
    """Each measurement the condition reads, as (evidence text, value)."""
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
        else:
            count = mix.total
        yield f"{count}{unit}{who} ({rule})", count
        return
    rubrics = result.rubrics if condition.rubric == ANY else [result.rubric(condition.rubric)]
    for rubric in rubrics:
        if rubric is None:
            continue
        for title, scores, sides in _targets(condition, rubric):
            value = _read(condition, scores, sides, group)
            if value is not None:
                yield f"{title}{who}: {_shown(condition, value)}{unit} ({rule})", value


def _targets(
    condition: Condition, rubric: RubricResult
) -> Iterator[tuple[str, GroupScores, dict[str, GroupScores]]]:
    if condition.dimension is None:
        yield rubric.title, rubric.scores, rubric.sides
        return
    for dim in rubric.dimensions:
        if condition.dimension in (ANY, dim.id):
            yield f"{rubric.title}, {dim.title}", dim.scores, dim.sides


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
