"""The main findings of an assessment, in plain words, for the room to check.

Drawn only from what the privacy step let through (a `SharedResult`), so a
finding never tells more than the report does: where the organisation sits on
each ladder and its weakest area there, the largest gaps between lived and
professional views, each warning sign raised, and the top priorities. Each
finding has an id that stays the same from year to year, so `diff` can say
whether a finding disputed last year is still disputed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coprod_assess.i18n import _, ngettext
from coprod_assess.report.priorities import priority_pairs
from coprod_assess.rubric.catalog import Catalog
from coprod_assess.rubric.models import Option
from coprod_assess.scoring.result import RubricResult, Rung, SharedResult
from coprod_assess.wording import and_words

GAP_FROM = 15.0  # percent points: a gap smaller than this is not a finding
MUCH_FROM = 25.0
MOST_GAPS = 2
MOST_PRIORITIES = 3


@dataclass(frozen=True)
class Finding:
    """One finding: a stable id, and the words people are shown."""

    id: str
    text: str


SAYS_SOMETHING = 5  # words: a shorter first sentence ("Sometimes called capacity.") says little


def first_sentence(text: str) -> str:
    """The first sentence of a text that says something, with its spacing tidied: a very
    short one is joined by the next."""
    text = " ".join(text.split())
    sentences = re.findall(r".+?[.!?](?=\s|$)|.+$", text)
    chosen = ""
    for sentence in (s.strip() for s in sentences):
        chosen = f"{chosen} {sentence}".strip()
        if len(chosen.split()) >= SAYS_SOMETHING:
            break
    return chosen


def _meaning(rung: Rung, options: dict[float, Option]) -> str:
    """What a step means, from the rubric's scale: its first sentence, or nothing."""
    described = options.get(rung.value)
    return first_sentence(described.description) if described and described.description else ""


def _place(rubric: RubricResult, value: float, options: dict[float, Option]) -> str:
    """Where a value sits on a ladder, in short sentences: a step, or between two steps."""
    rungs = rubric.ladder.rungs if rubric.ladder else []
    exact = next((rung for rung in rungs if abs(rung.value - value) < 1e-9), None)
    if exact is not None:
        return _meaning(exact, options)
    below = [rung for rung in rungs if rung.value < value]
    above = [rung for rung in rungs if rung.value > value]
    if not below or not above:
        return ""
    steps = [(rung.name, _meaning(rung, options)) for rung in (below[-1], above[0])]
    return " ".join(
        _("{step}: {meaning}").format(step=name, meaning=meaning)
        for name, meaning in steps
        if meaning
    )


def _where(rubric: RubricResult, value: float) -> tuple[str, str, str]:
    """Where a value sits on a ladder: ("at", the step, ""), ("between", the step below,
    the step above), or ("off", "", "")."""
    rungs = rubric.ladder.rungs if rubric.ladder else []
    exact = next((rung for rung in rungs if abs(rung.value - value) < 1e-9), None)
    if exact is not None:
        return "at", exact.name, ""
    below = [rung for rung in rungs if rung.value < value]
    above = [rung for rung in rungs if rung.value > value]
    if not below or not above:
        return "off", "", ""
    return "between", below[-1].name, above[0].name


def _joined(*parts: str) -> str:
    return " ".join(part for part in parts if part).strip()


def _ladder_findings(rubric: RubricResult, catalog: Catalog | None) -> list[Finding]:
    ladder = rubric.ladder
    if ladder is None or ladder.typical is None:
        return []
    source = catalog.rubrics.get(rubric.id) if catalog else None
    options = {option.value: option for option in (source.scale if source else [])}
    typical = ladder.typical.value
    kind, low, high = _where(rubric, typical)
    fields = {"framework": rubric.title, "step": low, "low": low, "high": high}
    if kind == "at":
        opening = _("On {framework}, most decisions are at the step called {step}.")
    elif kind == "between":
        opening = _("On {framework}, most decisions are between two steps, {low} and {high}.")
    else:
        opening = _("On {framework}, most decisions are off the ladder.")
    found = [
        Finding(
            f"ladder/{rubric.id}",
            _joined(opening.format(**fields), _place(rubric, typical, options)),
        )
    ]
    if ladder.weakest and ladder.weakest[0].rung.value < typical:
        titles = [area.title.lower() for area in ladder.weakest]
        weakest = ladder.weakest[0].rung.value
        kind, low, high = _where(rubric, weakest)
        fields = {
            "framework": rubric.title,
            "areas": and_words(titles),
            "step": low,
            "low": low,
            "high": high,
        }
        if kind == "at":
            text = ngettext(
                "On {framework}, the weakest area is {areas}. There, decisions are at the "
                "step called {step}.",
                "On {framework}, the weakest areas are {areas}. There, decisions are at the "
                "step called {step}.",
                len(titles),
            )
        elif kind == "between":
            text = ngettext(
                "On {framework}, the weakest area is {areas}. There, decisions are between "
                "two steps, {low} and {high}.",
                "On {framework}, the weakest areas are {areas}. There, decisions are between "
                "two steps, {low} and {high}.",
                len(titles),
            )
        else:
            text = ngettext(
                "On {framework}, the weakest area is {areas}. There, decisions are off the ladder.",
                "On {framework}, the weakest areas are {areas}. There, decisions are off the "
                "ladder.",
                len(titles),
            )
        found.append(
            Finding(
                f"weakest/{rubric.id}",
                _joined(text.format(**fields), _place(rubric, weakest, options)),
            )
        )
    return found


def _gap_findings(shared: SharedResult) -> list[Finding]:
    gaps = [
        (rubric, dim, dim.gap)
        for rubric in shared.rubrics
        for dim in rubric.dimensions
        if dim.gap is not None and abs(dim.gap) >= GAP_FROM
    ]
    gaps.sort(key=lambda found: (-abs(found[2]), found[0].id, found[1].id))
    findings = []
    for rubric, dim, gap in gaps[:MOST_GAPS]:
        much = abs(gap) >= MUCH_FROM
        if gap > 0 and much:
            text = _(
                "Staff think the service does much better on {dimension} than people with "
                "lived experience do. This is on {framework}."
            )
        elif gap > 0:
            text = _(
                "Staff think the service does better on {dimension} than people with lived "
                "experience do. This is on {framework}."
            )
        elif much:
            text = _(
                "People with lived experience think the service does much better on "
                "{dimension} than staff do. This is on {framework}."
            )
        else:
            text = _(
                "People with lived experience think the service does better on {dimension} "
                "than staff do. This is on {framework}."
            )
        findings.append(
            Finding(
                f"gap/{rubric.id}/{dim.id}",
                text.format(dimension=dim.title.lower(), framework=rubric.title),
            )
        )
    return findings


def main_findings(shared: SharedResult, catalog: Catalog | None) -> list[Finding]:
    """The findings to check, in the order shown: ladders, gaps, warning signs, priorities.
    Without a catalog the words leave out what the rubrics say of each step and area; the
    ids are the same."""
    findings: list[Finding] = []
    named = set()
    for rubric in shared.rubrics:
        ladder = _ladder_findings(rubric, catalog)
        findings += ladder
        if rubric.ladder and any(f.id.startswith("weakest/") for f in ladder):
            named |= {(rubric.id, area.dimension) for area in rubric.ladder.weakest}
    findings += _gap_findings(shared)
    findings += [
        Finding(
            f"flag/{flag.id}",
            _("A warning sign came up: {flag}.").format(flag=flag.title.removesuffix(".")),
        )
        for flag in shared.flags
    ]
    priorities = [
        (rubric, dim) for rubric, dim in priority_pairs(shared) if (rubric.id, dim.id) not in named
    ]
    for rubric, dim in priorities[:MOST_PRIORITIES]:
        source = catalog.rubrics.get(rubric.id) if catalog else None
        described = next((d for d in (source.dimensions if source else []) if d.id == dim.id), None)
        about = first_sentence(described.description) if described and described.description else ""
        first = _("One of the first things to work on is {dimension} ({framework}).").format(
            dimension=dim.title.lower(), framework=rubric.title
        )
        findings.append(Finding(f"priority/{rubric.id}/{dim.id}", _joined(first, about)))
    return findings
