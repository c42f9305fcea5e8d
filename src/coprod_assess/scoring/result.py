"""The scored assessment: everything a report or a diff needs, without the rubric files.

Scoring makes a full `Result`, with every breakdown and who wrote each note.
It is never shown: the privacy step (`coprod_assess.privacy`) turns it into a
`SharedResult`, the only type that outputs, result files and flags receive.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from coprod_assess.rubric.forms import Form
from coprod_assess.rubric.models import Method

RESULT_FORMAT = 2

# "withheld": computed from fewer people than the anonymity threshold.
Status = Literal["ok", "not-enough-answers", "no-answers", "withheld"]

# Far beyond any workshop, and small enough that every count stays exact as a float.
MAX_COUNT = 10**12
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Percent = Annotated[float, Field(ge=0, le=100)]
# A difference of two percents.
Gap = Annotated[float, Field(ge=-100, le=100)]


class ResultModel(BaseModel):
    """Result parts: unknown fields are refused, so a newer file is noticed, not misread.

    Numbers are finite and in range, so a hand-edited or damaged file is refused at its
    line rather than drawn as a bar of NaN percent.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


def _refuse(at: tuple[str | int, ...], message: str) -> PydanticCustomError:
    """A model-wide check's error, blaming the part `at` (see loading.validate.within)."""
    return PydanticCustomError("result", message, {"at": at})


class Score(ResultModel):
    """One score for one group of respondents, with its coverage."""

    value: float | None = Field(description="None when there are not enough answers.")
    percent: Percent | None = Field(description="The value as percent of its possible range.")
    band: str | None = None
    answered: Count
    asked: Count
    coverage: Percent = Field(description="Percent of the questions asked that were answered.")
    respondents: Count
    people: Count = Field(default=0, description="People asked (answering or not).")
    fewest: Count = Field(
        default=0,
        description="The fewest answers any of its questions got (of those answered at all): "
        "on every question the score is from at least this many people.",
    )
    status: Status


class GroupScores(ResultModel):
    """A measure for everyone, per role and per perspective."""

    everyone: Score
    roles: dict[str, Score] = Field(default_factory=dict)
    perspectives: dict[str, Score] = Field(default_factory=dict)
    withheld: list[str] = Field(
        default_factory=list,
        description="Groups (role:ID, perspective:NAME) that answered but are not shown.",
    )

    def for_group(self, group: str) -> Score | None:
        """The score of `everyone`, `role:ID` or `perspective:NAME`, if that group answered."""
        if group == "everyone":
            return self.everyone
        kind, _, name = group.partition(":")
        return (self.roles if kind == "role" else self.perspectives).get(name)

    def gap(self) -> float | None:
        """Professional minus lived, in percent points, when both have a score."""
        pro = self.perspectives.get("professional")
        lived = self.perspectives.get("lived")
        if pro is None or lived is None or pro.percent is None or lived.percent is None:
            return None
        return round(pro.percent - lived.percent, 2)


class Rung(ResultModel):
    """A place on a ladder: its value, and the name and group of the rung at or below it."""

    value: float
    name: str
    group: str | None = None


class AreaRung(ResultModel):
    """A decision area and its rung."""

    dimension: str
    title: str
    rung: Rung


def rung_at(value: float, rungs: Sequence[Rung]) -> Rung:
    """Of rungs lowest first, the one at or below `value` (the lowest when below them all)."""
    chosen = rungs[0]
    for rung in rungs:
        if rung.value <= value + 1e-9:
            chosen = rung
    return chosen


def placed_on(rung: Rung, rungs: Sequence[Rung]) -> bool:
    """Whether a placed rung names the rung of the ladder at or below its value."""
    named = rung_at(rung.value, rungs)
    return (rung.name, rung.group) == (named.name, named.group)


class Ladder(ResultModel):
    """For ladder rubrics: the typical rung, and the weakest and strongest areas."""

    typical: Rung | None
    rungs: list[Rung] = Field(default_factory=list, description="Every rung, lowest first.")
    weakest: list[AreaRung] = Field(default_factory=list)
    strongest: list[AreaRung] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Ladder:
        """Rungs lowest first; every placed rung among them; weakest at or below strongest."""
        if not self.rungs:
            raise _refuse(("rungs",), "a ladder needs at least one rung")
        for index, (low, high) in enumerate(zip(self.rungs, self.rungs[1:], strict=False)):
            if high.value <= low.value:
                raise _refuse(("rungs", index + 1), "rungs must be listed lowest first")
        placed: list[tuple[tuple[str | int, ...], Rung]] = [
            ((kind, index, "rung"), area.rung)
            for kind in ("weakest", "strongest")
            for index, area in enumerate(getattr(self, kind))
        ]
        if self.typical is not None:
            placed.insert(0, (("typical",), self.typical))
        for at, rung in placed:
            if not placed_on(rung, self.rungs):
                raise _refuse(at, f"rung {rung.name!r} at {rung.value:g} is not on this ladder")
        self._check_extremes()
        return self

    def _check_extremes(self) -> None:
        if bool(self.weakest) != bool(self.strongest):
            raise _refuse(
                ("weakest",), "weakest and strongest areas must both be given, or neither"
            )
        for kind in ("weakest", "strongest"):
            areas: list[AreaRung] = getattr(self, kind)
            for index, area in enumerate(areas):
                if area.rung.value != areas[0].rung.value:
                    raise _refuse((kind, index), f"the {kind} areas must all be on the same rung")
        if self.weakest and self.weakest[0].rung.value > self.strongest[0].rung.value:
            raise _refuse(("weakest",), "the weakest areas are above the strongest")


class QuestionResult(ResultModel):
    """One question: its value for everyone and how it was answered, in a full result.

    A shared result keeps only what it is (id, text, side), for comparisons: one
    question's figures, played against a group's, could give a few people away.
    """

    id: str
    text: str
    side: str | None = None
    value: float | None = None
    answered: Count | None = None
    dont_know: Count | None = None
    not_applicable: Count | None = None


class DimensionResult(ResultModel):
    """One dimension (principle, decision area, rule or lever)."""

    id: str
    title: str
    range: tuple[float, float]
    scores: GroupScores
    gap: Gap | None = Field(description="Professional minus lived, in percent points.")
    sides: dict[str, GroupScores] = Field(default_factory=dict)
    side_gap: Gap | None = Field(default=None, description="Practice minus belief, points.")
    rest: GroupScores | None = Field(
        default=None, description="The questions with no side (full results only)."
    )
    rung: Rung | None = None
    actions: list[str] = Field(default_factory=list)
    questions: list[QuestionResult] = Field(default_factory=list)


class BandResult(ResultModel):
    """A named range of the rubric score."""

    from_: float = Field(alias="from")
    label: str

    model_config = ConfigDict(populate_by_name=True)


class RubricResult(ResultModel):
    """One rubric's scores, with what is needed to explain and cite it."""

    id: str
    version: str
    content_hash: str
    title: str
    summary: str
    citation: str
    method: Method
    threshold: float | None = None
    range: tuple[float, float]
    bands: list[BandResult] = Field(default_factory=list)
    scores: GroupScores
    gap: Gap | None
    sides: dict[str, GroupScores] = Field(default_factory=dict)
    side_gap: Gap | None = None
    rest: GroupScores | None = Field(
        default=None, description="The questions with no side (full results only)."
    )
    ladder: Ladder | None = None
    dimensions: list[DimensionResult]

    @model_validator(mode="after")
    def _ladder_fits(self) -> RubricResult:
        """A ladder rubric has a ladder holding its areas' rungs; no other rubric has one."""
        if self.method != "ladder":
            if self.ladder is not None or any(d.rung is not None for d in self.dimensions):
                raise _refuse(("method",), f"a {self.method} rubric has no ladder or rungs")
            return self
        if self.ladder is None:
            raise _refuse(("method",), "a ladder rubric needs its ladder")
        placed = {d.id: d.rung for d in self.dimensions if d.rung is not None}
        for index, dim in enumerate(self.dimensions):
            if dim.rung is not None and not placed_on(dim.rung, self.ladder.rungs):
                raise _refuse(
                    ("dimensions", index, "rung"),
                    f"rung {dim.rung.name!r} at {dim.rung.value:g} is not on this ladder",
                )
        values = [rung.value for rung in placed.values()]
        for kind, expected in (
            ("weakest", min(values, default=0)),
            ("strongest", max(values, default=0)),
        ):
            areas: list[AreaRung] = getattr(self.ladder, kind)
            found = sorted(area.dimension for area in areas)
            wanted = sorted(key for key, rung in placed.items() if rung.value == expected)
            if found != wanted:
                raise _refuse(
                    ("ladder", kind),
                    f"the {kind} areas should be {', '.join(wanted) or 'none'}, "
                    "from the areas' own rungs",
                )
        return self


class UncheckedFlag(ResultModel):
    """A flag that could not be checked: it needs figures the privacy step withheld."""

    id: str
    title: str
    reason: str


class RaisedFlag(ResultModel):
    """A cross-framework flag whose conditions held, with the evidence."""

    id: str
    title: str
    explanation: str
    evidence: list[str]
    actions: list[str] = Field(default_factory=list)


class Note(ResultModel):
    """A note or piece of evidence given with an answer, with who gave it (never shown)."""

    rubric: str
    dimension: str
    question: str
    respondent: str
    role: str
    perspective: str | None
    text: str
    lang: str | None = None


class SharedNote(ResultModel):
    """A note as it may be shown: a role or perspective only where that group is large enough."""

    rubric: str
    dimension: str
    question: str
    role: str | None = None
    perspective: str | None = None
    name: str | None = Field(default=None, description="Only when names were asked for.")
    text: str
    lang: str | None = Field(
        default=None, description="The language it was written in, where the answers say."
    )


class GeneralNote(ResultModel):
    """Anything else a respondent said, about no one question, with who said it (never
    shown)."""

    respondent: str
    role: str
    perspective: str | None
    text: str
    lang: str | None = None


class SharedGeneralNote(ResultModel):
    """Anything else someone said, as it may be shown: a role or perspective only where that
    group is large enough across the whole assessment."""

    role: str | None = None
    perspective: str | None = None
    name: str | None = Field(default=None, description="Only when names were asked for.")
    text: str
    lang: str | None = Field(
        default=None, description="The language it was written in, where the answers say."
    )


class RespondentMix(ResultModel):
    """How many answered, by role and by perspective."""

    total: Count
    roles: dict[str, Count] = Field(default_factory=dict)
    labels: dict[str, str] = Field(default_factory=dict, description="Role ids to labels.")
    perspectives: dict[str, Count] = Field(default_factory=dict)
    perspective_of: dict[str, str] = Field(
        default_factory=dict, description="Role ids to their perspective, for roles that have one."
    )
    in_groups: int = Field(default=0, ge=0, description="People in groups answering together.")
    lived_in_groups: int = Field(
        default=0, ge=0, description="Of those, how many have lived experience."
    )
    people: Count | None = Field(
        default=None,
        description="Everyone who took part: each respondent, and each person in a group "
        "answering together as the group recorded (one where it did not say). None in result "
        "files from versions that did not count it.",
    )
    groups_without_size: Count | None = Field(
        default=None, description="Groups answering together that did not say how many they were."
    )
    groups_without_lived: Count | None = Field(
        default=None,
        description="Groups answering together that did not say how many of them have lived "
        "experience: the lived experience in the room is then not known.",
    )


class Tally(ResultModel):
    """How many said a finding matches their experience: yes, partly, no, not sure."""

    yes: Count = 0
    partly: Count = 0
    no: Count = 0
    not_sure: Count = 0

    @property
    def people(self) -> int:
        """Everyone counted, not sure included."""
        return self.yes + self.partly + self.no + self.not_sure

    def agreement(self) -> float | None:
        """The share who recognise it, partly counting half; None when all were not sure."""
        said = self.yes + self.partly + self.no
        return None if said == 0 else (self.yes + self.partly / 2) / said

    def disputed(self) -> bool:
        """Fewer than half recognise it (partly counting half)."""
        agreement = self.agreement()
        return agreement is not None and agreement < 0.5


class CheckComment(ResultModel):
    """A comment on a finding, with the perspective of who made it where that may be shown."""

    text: str
    perspective: str | None = None
    lang: str | None = Field(
        default=None, description="The language it was written in, where the answers say."
    )


class CheckedFinding(ResultModel):
    """A finding as the room was shown it, and how people responded."""

    id: str
    text: str
    everyone: Tally | None = Field(
        default=None, description="None when too few responded to show it."
    )
    perspectives: dict[str, Tally] = Field(default_factory=dict)
    disputed_by: list[str] = Field(
        default_factory=list,
        description="Who, of those shown (everyone, lived, professional), mostly did not "
        "recognise it: fewer than half said yes, counting partly as half.",
    )
    comments: list[CheckComment] = Field(default_factory=list)


class SenseCheckResult(ResultModel):
    """The sense-check round: the findings shown and the room's responses."""

    date: str = ""
    drawn_from: Count | None = Field(
        default=None, description="How many respondents the findings were drawn from."
    )
    min_group: int | None = Field(
        default=None, ge=1, le=MAX_COUNT, description="The threshold they were drawn at."
    )
    people: Count = Field(description="How many people responded to at least one finding.")
    perspectives: dict[str, Count] = Field(default_factory=dict)
    findings: list[CheckedFinding] = Field(default_factory=list)
    lang: str | None = Field(
        default=None, description="The language the findings were written in (none: English)."
    )
    withheld: list[str] = Field(
        default_factory=list, description="Plain lines saying what was withheld and why."
    )


class AssessmentInfo(ResultModel):
    """What was assessed and when."""

    organisation: str = ""
    period: str = ""
    date: str = ""
    form: Form = Field(
        default="full", description="The form scored: short means the core questions only."
    )
    next_steps: list[str] = Field(
        default_factory=list, description="What the organisation has agreed to do next."
    )
    contact: str = Field(default="", description="How the people who took part can say more.")


class ResultBase(ResultModel):
    """What a full and a shared result have in common."""

    format: Count = RESULT_FORMAT
    tool: str = "coprod-assess"
    tool_version: str
    assessment: AssessmentInfo
    min_coverage: Percent
    respondents: RespondentMix
    rubrics: list[RubricResult]
    sense_check: SenseCheckResult | None = None

    def rubric(self, rubric_id: str) -> RubricResult | None:
        """The rubric result with this id, if it was scored."""
        return next((r for r in self.rubrics if r.id == rubric_id), None)


class Result(ResultBase):
    """A full scored assessment: every group, however small. Only the privacy step reads it."""

    notes: list[Note] = Field(default_factory=list)
    general_notes: list[GeneralNote] = Field(default_factory=list)


class SharedResult(ResultBase):
    """A scored assessment as it may be shown for `min_group`: what every output receives."""

    min_group: int = Field(
        ge=1, le=MAX_COUNT, description="No figure here comes from fewer people than this."
    )
    withheld: list[str] = Field(
        default_factory=list, description="Plain lines saying what was withheld and why."
    )
    flags: list[RaisedFlag] = Field(default_factory=list)
    unchecked_flags: list[UncheckedFlag] = Field(default_factory=list)
    notes: list[SharedNote] = Field(default_factory=list)
    general_notes: list[SharedGeneralNote] = Field(
        default_factory=list,
        description="Anything else people said, about no one question (none in result files "
        "from versions that did not keep it).",
    )
