"""Comparing two scored assessments: what moved, what was raised or cleared, what can't compare.

Content is compared only where it is the same: a rubric whose major version
changed is not compared, and a dimension whose questions were added, removed
or reworded (or asked in another form, full or short) is named and left out.
Changes are in percent points of the range, so rubrics on different scales
read alike.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from coprod_assess.compare.disputes import Dispute, disputes
from coprod_assess.i18n import _, ngettext
from coprod_assess.scoring.result import (
    AssessmentInfo,
    DimensionResult,
    GroupScores,
    RespondentMix,
    ResultModel,
    RubricResult,
    Rung,
    SharedResult,
)

STEADY = 0.5  # a change smaller than this many points reads as "no change"

Direction = Literal["up", "down", "same", "not compared"]
Climb = Literal["climbed", "held", "fell"]


class Move(ResultModel):
    """A score before and after, and the change in percent points of its range."""

    old: float | None
    new: float | None
    old_percent: float | None
    new_percent: float | None
    change: float | None
    direction: Direction
    old_band: str | None = None
    new_band: str | None = None


class RungMove(ResultModel):
    """A rung before and after on a ladder."""

    old: Rung | None
    new: Rung | None
    move: Climb | None


class DimensionDiff(ResultModel):
    """One dimension compared."""

    id: str
    title: str
    comparable: bool
    reason: str = ""
    score: Move
    rung: RungMove | None = None
    gap_old: float | None = None
    gap_new: float | None = None


class RubricDiff(ResultModel):
    """One rubric compared."""

    id: str
    title: str
    old_version: str
    new_version: str
    comparable: bool
    notes: list[str] = Field(default_factory=list)
    score: Move
    rung: RungMove | None = None
    rungs: list[Rung] = Field(
        default_factory=list, description="A ladder's rungs, lowest first, to name places by."
    )
    coverage_old: float
    coverage_new: float
    gap_old: float | None = None
    gap_new: float | None = None
    dimensions: list[DimensionDiff]


class Diff(ResultModel):
    """Two assessments compared."""

    old: AssessmentInfo
    new: AssessmentInfo
    rubrics: list[RubricDiff]
    only_old: list[str] = Field(default_factory=list)
    only_new: list[str] = Field(default_factory=list)
    flags_raised: list[str] = Field(default_factory=list)
    flags_cleared: list[str] = Field(default_factory=list)
    flags_still: list[str] = Field(default_factory=list)
    disputes: list[Dispute] = Field(
        default_factory=list,
        description="Findings the room disputed last time, and what they are now; then the "
        "findings disputed for the first time.",
    )
    mix_old: RespondentMix
    mix_new: RespondentMix
    min_group: int = Field(description="No figure compared comes from fewer people than this.")
    warnings: list[str] = Field(default_factory=list)

    def drops(self, points: float) -> list[str]:
        """Every comparable rubric or dimension that fell by more than `points`."""
        found = []
        for rubric in self.rubrics:
            if rubric.comparable and _fell(rubric.score, points):
                found.append(
                    _("{framework} fell by {points} points").format(
                        framework=rubric.title, points=f"{-(rubric.score.change or 0):.1f}"
                    )
                )
            for dim in rubric.dimensions:
                if dim.comparable and _fell(dim.score, points):
                    found.append(
                        _("{framework}, {dimension} fell by {points} points").format(
                            framework=rubric.title,
                            dimension=dim.title,
                            points=f"{-(dim.score.change or 0):.1f}",
                        )
                    )
        return found


def _fell(move: Move, points: float) -> bool:
    return move.change is not None and move.change < -points


def _move(old: GroupScores | None, new: GroupScores | None, comparable: bool) -> Move:
    before = old.everyone if old else None
    after = new.everyone if new else None
    change = None
    direction: Direction = "not compared"
    if comparable and before and after and before.percent is not None and after.percent is not None:
        change = round(after.percent - before.percent, 2)
        direction = "up" if change > STEADY else "down" if change < -STEADY else "same"
    return Move(
        old=before.value if before else None,
        new=after.value if after else None,
        old_percent=before.percent if before else None,
        new_percent=after.percent if after else None,
        change=change,
        direction=direction,
        old_band=before.band if before else None,
        new_band=after.band if after else None,
    )


def _rung_move(old: Rung | None, new: Rung | None) -> RungMove:
    move: Climb | None = None
    if old is not None and new is not None:
        move = "climbed" if new.value > old.value else "fell" if new.value < old.value else "held"
    return RungMove(old=old, new=new, move=move)


def _questions(dim: DimensionResult) -> dict[str, str]:
    return {q.id: q.text for q in dim.questions}


def _why_not(old: DimensionResult, new: DimensionResult) -> str:
    before, after = _questions(old), _questions(new)
    parts = []
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    reworded = sorted(q for q in set(before) & set(after) if before[q] != after[q])
    if added:
        parts.append(_("added {ids}").format(ids=", ".join(added)))
    if removed:
        parts.append(_("removed {ids}").format(ids=", ".join(removed)))
    if reworded:
        parts.append(_("reworded {ids}").format(ids=", ".join(reworded)))
    return _("questions changed ({changes})").format(changes="; ".join(parts)) if parts else ""


def _major(version: str) -> str:
    return version.split(".", 1)[0]


def compare_rubric(old: RubricResult, new: RubricResult, *, same_form: bool = True) -> RubricDiff:
    """One rubric in two assessments, compared as far as its content allows.

    Asked in different forms (full and short), its content differs by design, not by edit.
    """
    notes = []
    same_meaning = _major(old.version) == _major(new.version) and old.method == new.method
    if old.version != new.version:
        notes.append(_("Rubric version {old} then {new}.").format(old=old.version, new=new.version))
    if not same_meaning:
        notes.append(
            _(
                "A new major version (or scoring method) means the questions changed meaning: "
                "its scores are not compared."
            )
        )
    elif old.content_hash != new.content_hash and old.version == new.version and same_form:
        notes.append(_("The rubric's content changed without a new version number."))
    old_dims = {d.id: d for d in old.dimensions}
    dims = []
    for dim in new.dimensions:
        before = old_dims.get(dim.id)
        reason = ""
        if not same_meaning:
            reason = _("the rubric's meaning changed")
        elif before is None:
            reason = _("new dimension")
        else:
            reason = _why_not(before, dim)
        comparable = not reason
        dims.append(
            DimensionDiff(
                id=dim.id,
                title=dim.title,
                comparable=comparable,
                reason=reason,
                score=_move(before.scores if before else None, dim.scores, comparable),
                rung=_rung_move(before.rung if before else None, dim.rung)
                if comparable and new.method == "ladder"
                else None,
                gap_old=before.gap if before else None,
                gap_new=dim.gap,
            )
        )
    for dim_id in sorted(set(old_dims) - {d.id for d in new.dimensions}):
        notes.append(
            _("Dimension '{dimension}' is no longer in the rubric.").format(
                dimension=old_dims[dim_id].title
            )
        )
    comparable = same_meaning and all(d.comparable for d in dims) and len(dims) == len(old_dims)
    if same_meaning and not comparable:
        notes.append(
            _(
                "Some questions changed: the overall score is not compared; unchanged "
                "dimensions are."
            )
        )
    ladder = comparable and new.method == "ladder" and old.ladder and new.ladder
    return RubricDiff(
        id=new.id,
        title=new.title,
        old_version=old.version,
        new_version=new.version,
        comparable=comparable,
        notes=notes,
        score=_move(old.scores, new.scores, comparable),
        rung=_rung_move(old.ladder.typical, new.ladder.typical)
        if ladder and old.ladder and new.ladder
        else None,
        rungs=new.ladder.rungs if new.ladder else [],
        coverage_old=old.scores.everyone.coverage,
        coverage_new=new.scores.everyone.coverage,
        gap_old=old.gap,
        gap_new=new.gap,
        dimensions=dims,
    )


def compare(old: SharedResult, new: SharedResult) -> Diff:
    """Two shared assessments compared: only what each may show."""
    old_rubrics = {r.id: r for r in old.rubrics}
    new_rubrics = {r.id: r for r in new.rubrics}
    shared = sorted(set(old_rubrics) & set(new_rubrics))
    same_form = old.assessment.form == new.assessment.form
    rubrics = [compare_rubric(old_rubrics[i], new_rubrics[i], same_form=same_form) for i in shared]
    old_flags = {f.id: f.title for f in old.flags}
    new_flags = {f.id: f.title for f in new.flags}
    warnings = [] if same_form else [forms_differ(old.assessment, new.assessment)]
    warnings += [f"{r.title}: {note}" for r in rubrics for note in r.notes]
    warnings += few_changed(old.respondents, new.respondents, max(old.min_group, new.min_group))
    return Diff(
        old=old.assessment,
        new=new.assessment,
        rubrics=rubrics,
        only_old=sorted(set(old_rubrics) - set(new_rubrics)),
        only_new=sorted(set(new_rubrics) - set(old_rubrics)),
        flags_raised=[new_flags[f] for f in sorted(set(new_flags) - set(old_flags))],
        flags_cleared=[old_flags[f] for f in sorted(set(old_flags) - set(new_flags))],
        flags_still=[new_flags[f] for f in sorted(set(new_flags) & set(old_flags))],
        disputes=disputes(old, new),
        mix_old=old.respondents,
        mix_new=new.respondents,
        min_group=max(old.min_group, new.min_group),
        warnings=warnings,
    )


def forms_differ(old: AssessmentInfo, new: AssessmentInfo) -> str:
    """The warning for two assessments asked in different forms (full and short)."""
    before = old.period or old.date or _("the earlier assessment")
    after = new.period or new.date or _("the later one")
    if old.form == "short":
        text = _(
            "{before} was scored on the short form and {after} on the full form: only "
            "dimensions that asked the same questions are compared. Compare the answers "
            "files, not result files, to compare both on the short form's core questions."
        )
    else:
        text = _(
            "{before} was scored on the full form and {after} on the short form: only "
            "dimensions that asked the same questions are compared. Compare the answers "
            "files, not result files, to compare both on the short form's core questions."
        )
    text = text.format(before=before, after=after)
    return text[:1].upper() + text[1:]


def few_changed(old: RespondentMix, new: RespondentMix, min_group: int) -> list[str]:
    """A warning where so few people joined or left that the change could be theirs alone."""
    found = []
    for key, before, after in [
        ("everyone", old.total, new.total),
        *(
            (key, old.perspectives.get(key, 0), new.perspectives.get(key, 0))
            for key in ("lived", "professional")
        ),
    ]:
        if 0 < abs(after - before) < min_group:
            n = abs(after - before)
            found.append(_few_words(key, after > before, n).format(n=n))
    return found


def _few_words(key: str, more: bool, n: int) -> str:
    """The sentence for so few more or fewer people of a kind, to fill in with {n}."""
    if key == "everyone" and more:
        return ngettext(
            "Only {n} person more than before: if the others answered as they did, the change "
            "shows what so few said. Share this comparison with care.",
            "Only {n} people more than before: if the others answered as they did, the change "
            "shows what so few said. Share this comparison with care.",
            n,
        )
    if key == "everyone":
        return ngettext(
            "Only {n} person fewer than before: if the others answered as they did, the change "
            "shows what so few said. Share this comparison with care.",
            "Only {n} people fewer than before: if the others answered as they did, the change "
            "shows what so few said. Share this comparison with care.",
            n,
        )
    if key == "lived" and more:
        return ngettext(
            "Only {n} person with lived experience more than before: if the others answered "
            "as they did, the change shows what so few said. Share this comparison with care.",
            "Only {n} people with lived experience more than before: if the others answered "
            "as they did, the change shows what so few said. Share this comparison with care.",
            n,
        )
    if key == "lived":
        return ngettext(
            "Only {n} person with lived experience fewer than before: if the others answered "
            "as they did, the change shows what so few said. Share this comparison with care.",
            "Only {n} people with lived experience fewer than before: if the others answered "
            "as they did, the change shows what so few said. Share this comparison with care.",
            n,
        )
    if more:
        return ngettext(
            "Only {n} professional more than before: if the others answered as they did, the "
            "change shows what so few said. Share this comparison with care.",
            "Only {n} professionals more than before: if the others answered as they did, the "
            "change shows what so few said. Share this comparison with care.",
            n,
        )
    return ngettext(
        "Only {n} professional fewer than before: if the others answered as they did, the "
        "change shows what so few said. Share this comparison with care.",
        "Only {n} professionals fewer than before: if the others answered as they did, the "
        "change shows what so few said. Share this comparison with care.",
        n,
    )
