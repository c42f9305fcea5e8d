"""The privacy step: a full result turned into what may be shown for an anonymity threshold.

Every output of the tool (tables, JSON and YAML, result files, reports, diff,
trend, flags, priorities, summaries) receives only the `SharedResult` made
here. Figures of groups smaller than the threshold are removed, not hidden;
larger groups are removed too where the total and the groups shown would give
a small one away (see `suppression`); notes name a role or perspective only
where that group is shown (a note about no one question, where enough of that group took
part and no framework withholds it); and plain lines say what was withheld and why.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from coprod_assess.i18n import _, ngettext
from coprod_assess.privacy import DEFAULT_MIN_GROUP
from coprod_assess.privacy.languages import lang_if_shown, shown_languages
from coprod_assess.privacy.sense_check import share_sense_check
from coprod_assess.privacy.suppression import EVERYONE, Suppression, suppress
from coprod_assess.rubric.flags import Flag
from coprod_assess.scoring.engine import extremes, side_gap
from coprod_assess.scoring.flag_eval import raise_flags
from coprod_assess.scoring.result import (
    AreaRung,
    DimensionResult,
    GeneralNote,
    GroupScores,
    Ladder,
    Note,
    QuestionResult,
    RespondentMix,
    Result,
    RubricResult,
    Score,
    SharedGeneralNote,
    SharedNote,
    SharedResult,
)
from coprod_assess.wording import group_words


@dataclass(frozen=True)
class RubricPlan:
    """What was withheld for one rubric."""

    title: str
    total: int
    suppression: Suppression


def _by_group(scores: GroupScores) -> dict[str, Score]:
    found = {EVERYONE: scores.everyone}
    found.update({f"role:{role}": s for role, s in scores.roles.items()})
    found.update({f"perspective:{p}": s for p, s in scores.perspectives.items()})
    return found


def _counts(scores: GroupScores, mix: RespondentMix) -> dict[str, int]:
    """Respondents per group in one figure; groups withheld before count as the whole mix."""
    counts = {group: s.respondents for group, s in _by_group(scores).items()}
    for group in scores.withheld:
        kind, _, name = group.partition(":")
        counts[group] = (mix.roles if kind == "role" else mix.perspectives).get(name, 1) or 1
    return {group: n for group, n in counts.items() if n > 0}


def _sizes(scores: GroupScores, counts: dict[str, int]) -> dict[str, int]:
    """The fewest people behind each group's figure on any one of its questions; a group
    withheld before (in a result file read again) may be as small as one person."""
    found = _by_group(scores)
    return {
        group: min(n, found[group].fewest or n) if group in found else 1
        for group, n in counts.items()
    }


def _asked(scores: GroupScores) -> dict[str, int]:
    """People asked per group, answering or not: how many answered and skipped (counts
    that are shown too) is theirs, and a lone person who skipped everything is a group."""
    people = {group: s.people for group, s in _by_group(scores).items()}
    for group in scores.withheld:
        people[group] = 1  # withheld before: as small as one person, for all we know
    return {group: n for group, n in people.items() if n > 0}


def _figures(rubric: RubricResult) -> list[GroupScores]:
    """Every figure of a rubric, the rubric-level ones first; then those never shown but
    worked out from the shown (a whole less its sides: the questions with no side)."""
    found = [rubric.scores, *rubric.sides.values()]
    for dim in rubric.dimensions:
        found += [dim.scores, *dim.sides.values()]
    rests = [rubric.rest, *(dim.rest for dim in rubric.dimensions)]
    return found + [rest for rest in rests if rest is not None]


def _withheld_score(score: Score) -> Score:
    return score.model_copy(
        update={"value": None, "percent": None, "band": None, "status": "withheld"}
    )


def _apply(scores: GroupScores, hidden: frozenset[str], dark: bool) -> GroupScores:
    present = [f"role:{r}" for r in scores.roles] + [
        f"perspective:{p}" for p in scores.perspectives
    ]
    return GroupScores(
        everyone=_withheld_score(scores.everyone) if dark else scores.everyone,
        roles={r: s for r, s in scores.roles.items() if f"role:{r}" not in hidden},
        perspectives={
            p: s for p, s in scores.perspectives.items() if f"perspective:{p}" not in hidden
        },
        withheld=sorted(set(scores.withheld) | {g for g in present if g in hidden}),
    )


def _plan(rubric: RubricResult, mix: RespondentMix, min_group: int) -> Suppression:
    figures = _figures(rubric)
    counts = [_counts(figure, mix) for figure in figures]
    sizes = [_sizes(figure, found) for figure, found in zip(figures, counts, strict=True)]
    asked = [_asked(figure) for figure in figures]
    total = rubric.scores.everyone.respondents
    if total < min_group:
        everything = frozenset(g for c in counts for g in c if g != EVERYONE)
        return Suppression(everything, everything, tuple(True for _ in figures))
    # A figure for everyone with a question fewer than `min_group` people answered. The
    # rubric's own figure holds every question, so it is withheld with any of them.
    dark = [0 < size.get(EVERYONE, 0) < min_group for size in sizes]
    already = {group for figure in figures for group in figure.withheld}
    return suppress(
        counts,
        mix.perspective_of,
        min_group,
        sizes=sizes,
        asked=asked,
        already=already,
        everyone_hidden=dark,
    )


def _redact_rubric(rubric: RubricResult, plan: Suppression) -> RubricResult:
    dark = iter(plan.everyone_hidden)

    def shown(scores: GroupScores, sides: dict[str, GroupScores]) -> dict[str, Any]:
        """A rubric's or dimension's figures as shared: the same fields for both."""
        scores = _apply(scores, plan.hidden, next(dark))
        sides = {tag: _apply(side, plan.hidden, next(dark)) for tag, side in sides.items()}
        return {
            "scores": scores,
            "gap": scores.gap(),
            "sides": sides,
            "side_gap": side_gap(sides),
            "rest": None,  # never shown: only weighed
        }

    top = shown(rubric.scores, rubric.sides)
    dims = []
    for dim in rubric.dimensions:
        update = shown(dim.scores, dim.sides)
        dims.append(
            dim.model_copy(
                update={
                    **update,
                    "rung": dim.rung if update["scores"].everyone.value is not None else None,
                    "questions": [
                        QuestionResult(id=q.id, text=q.text, side=q.side) for q in dim.questions
                    ],
                }
            )
        )
    ladder = _ladder(rubric.ladder, top["scores"], dims)
    return rubric.model_copy(update={**top, "ladder": ladder, "dimensions": dims})


def _ladder(
    ladder: Ladder | None, scores: GroupScores, dims: list[DimensionResult]
) -> Ladder | None:
    if ladder is None:
        return None
    placed = [
        AreaRung(dimension=d.id, title=d.title, rung=d.rung) for d in dims if d.rung is not None
    ]
    weakest, strongest = extremes(placed)
    typical = ladder.typical if scores.everyone.value is not None and placed else None
    return Ladder(typical=typical, rungs=ladder.rungs, weakest=weakest, strongest=strongest)


def _note(
    note: Note | SharedNote,
    shown: RubricResult | None,
    min_group: int,
    names: Mapping[str, str] | None,
    langs: set[str] | None = None,
) -> SharedNote:
    """A note, attributed to a role or perspective only where the shared figures show that
    group, from enough people (someone who only skipped is in no figure at all)."""

    def named(found: Score | None) -> bool:
        return found is not None and found.respondents >= min_group

    scores = shown.scores if shown else None
    role = note.role if scores and note.role and named(scores.roles.get(note.role)) else None
    perspective = note.perspective
    if not (scores and perspective and named(scores.perspectives.get(perspective))):
        perspective = None
    name = note.name if isinstance(note, SharedNote) else None
    if isinstance(note, Note) and names:
        name = names.get(note.respondent) or None
    return SharedNote(
        rubric=note.rubric,
        dimension=note.dimension,
        question=note.question,
        role=role,
        perspective=perspective,
        name=name,
        text=note.text,
        lang=_lang_shown(note, langs),
    )


def _lang_shown(
    note: Note | SharedNote | GeneralNote | SharedGeneralNote, langs: set[str] | None
) -> str | None:
    if isinstance(note, SharedNote | SharedGeneralNote):
        return note.lang  # a shared result was checked when it was shared
    return lang_if_shown(note.lang, langs or set())


def _named_everywhere(
    group: str, mix: RespondentMix, rubrics: Iterable[RubricResult], min_group: int
) -> bool:
    """Whether a note about no one question may name a group (`role:ID`, `perspective:NAME`):
    at least `min_group` people in it took part, and no framework withholds it."""
    kind, _, name = group.partition(":")
    count = (mix.roles if kind == "role" else mix.perspectives).get(name, 0)
    return count >= min_group and not any(group in r.scores.withheld for r in rubrics)


def _general_note(
    note: GeneralNote | SharedGeneralNote,
    rubrics: list[RubricResult],
    mix: RespondentMix,
    min_group: int,
    names: Mapping[str, str] | None,
    langs: set[str],
) -> SharedGeneralNote:
    """Anything else someone said, attributed as a note on a question is, but over the whole
    assessment: it belongs to no one framework, so every framework's withholding counts."""
    role = note.role
    if role and not _named_everywhere(f"role:{role}", mix, rubrics, min_group):
        role = None
    perspective = note.perspective
    if perspective and not _named_everywhere(f"perspective:{perspective}", mix, rubrics, min_group):
        perspective = None
    name = note.name if isinstance(note, SharedGeneralNote) else None
    if isinstance(note, GeneralNote) and names:
        name = names.get(note.respondent) or None
    return SharedGeneralNote(
        role=role, perspective=perspective, name=name, text=note.text, lang=_lang_shown(note, langs)
    )


_Shared = TypeVar("_Shared", SharedNote, SharedGeneralNote)


def _said_alike(notes: list[_Shared]) -> list[_Shared]:
    """If one note cannot name its role (or perspective), none do: the one without would
    be told apart by elimination."""
    for field in ("role", "perspective"):
        if any(getattr(note, field) is None for note in notes):
            notes = [note.model_copy(update={field: None}) for note in notes]
    return notes


def _alike_general(notes: Iterable[SharedGeneralNote]) -> list[SharedGeneralNote]:
    """Notes about no one question said alike, as `_alike` does within a framework."""
    found = _said_alike(list(notes))
    return sorted(found, key=lambda n: (n.text, n.role or "", n.perspective or "", n.name or ""))


def _alike(notes: Iterable[SharedNote]) -> list[SharedNote]:
    """Notes said alike within each framework, in an order that says nothing of who wrote
    what: if one note cannot name its role (or perspective), none do, or the one without
    would be told apart by elimination."""
    found = list(notes)
    for rubric in {note.rubric for note in found}:
        mine = _said_alike([note for note in found if note.rubric == rubric])
        found = [note for note in found if note.rubric != rubric] + mine
    return sorted(
        found,
        key=lambda n: (
            n.rubric,
            n.question,
            n.text,
            n.role or "",
            n.perspective or "",
            n.name or "",
        ),
    )


def _lines(plans: Iterable[RubricPlan], mix: RespondentMix, min_group: int) -> list[str]:
    """Plain sentences on what was withheld, one per reason, naming the frameworks."""
    if min_group == 1:
        return [
            _(
                "Every group is shown, even groups of one person (--min-group 1): this can "
                "show one person's answers. Do not share it."
            )
        ]
    reasons: dict[str, list[str]] = {}
    plans = list(plans)
    for plan in plans:
        sup = plan.suppression
        found = []
        if plan.total < min_group:
            found.append(
                ngettext(
                    "only {count} person answered, fewer than {min_group}: no scores are shown",
                    "only {count} people answered, fewer than {min_group}: no scores are shown",
                    plan.total,
                ).format(count=plan.total, min_group=min_group)
            )
        else:
            small = sorted(group_words(g, mix.labels) for g in sup.small)
            extra = sorted(group_words(g, mix.labels) for g in sup.complementary)
            if small:
                found.append(
                    _(
                        "scores of {groups} are not shown: fewer than {min_group} people in "
                        "each answered (all the questions, or some of them)"
                    ).format(groups=", ".join(small), min_group=min_group)
                )
            if extra:
                found.append(
                    _(
                        "scores of {groups} are not shown either, so that a smaller group "
                        "cannot be worked out by subtraction from the total"
                    ).format(groups=", ".join(extra))
                )
            if any(sup.everyone_hidden):
                found.append(
                    _(
                        "some scores for everyone are not shown: fewer than {min_group} people "
                        "answered those questions"
                    ).format(min_group=min_group)
                )
        for reason in found:
            reasons.setdefault(reason, []).append(plan.title)
    if not reasons:
        return [
            _("Nothing was withheld: every group shown has at least {min_group} people.").format(
                min_group=min_group
            )
        ]
    every = len(plans)
    lines = []
    for reason, titles in reasons.items():
        if len(titles) == every > 1:
            lines.append(_("In every framework: {reason}.").format(reason=reason))
        else:
            lines.append(
                _("{frameworks}: {reason}.").format(frameworks="; ".join(titles), reason=reason)
            )
    return lines


def share(
    result: Result | SharedResult,
    min_group: int = DEFAULT_MIN_GROUP,
    *,
    flags: Iterable[Flag],
    names: Mapping[str, str] | None = None,
) -> SharedResult:
    """What may be shown of `result` when no group smaller than `min_group` may be told apart.

    A result already shared keeps its own threshold where that is higher. The
    flags are raised on the shared figures only. `names` (respondent id to
    name) is given only when names may be shown.
    """
    if isinstance(result, SharedResult):
        min_group = max(min_group, result.min_group)
    mix = result.respondents
    plans = {
        rubric.id: RubricPlan(
            rubric.title, rubric.scores.everyone.respondents, _plan(rubric, mix, min_group)
        )
        for rubric in result.rubrics
    }
    rubrics = [_redact_rubric(rubric, plans[rubric.id].suppression) for rubric in result.rubrics]
    shown = {rubric.id: rubric for rubric in rubrics}
    # One person's notes on questions and their note on nothing in particular: one writer.
    written = [*result.notes, *result.general_notes]
    langs = shown_languages(
        [(n.respondent, n.lang) for n in written if isinstance(n, Note | GeneralNote)], min_group
    )
    shared = SharedResult(
        format=result.format,
        tool=result.tool,
        tool_version=result.tool_version,
        assessment=result.assessment,
        min_coverage=result.min_coverage,
        respondents=mix,
        rubrics=rubrics,
        min_group=min_group,
        withheld=_lines(plans.values(), mix, min_group),
        notes=_alike(
            _note(note, shown.get(note.rubric), min_group, names, langs) for note in result.notes
        ),
        general_notes=_alike_general(
            _general_note(note, rubrics, mix, min_group, names, langs)
            for note in result.general_notes
        ),
    )
    raised, unchecked = raise_flags(shared, flags)
    shared = shared.model_copy(update={"flags": raised, "unchecked_flags": unchecked})
    if result.sense_check is None:
        return shared
    from coprod_assess.sensecheck.findings import main_findings

    drawable = {finding.id for finding in main_findings(shared, None)}
    check = share_sense_check(result.sense_check, min_group, drawable)
    return shared.model_copy(update={"sense_check": check})
