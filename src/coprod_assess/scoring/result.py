"""The scored assessment: everything a report or a diff needs, without the rubric files.

Scoring makes a full `Result`, with every breakdown and who wrote each note.
It is never shown: the privacy step (`coprod_assess.privacy`) turns it into a
`SharedResult`, the only type that outputs, result files and flags receive.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

RESULT_FORMAT = 2

# "withheld": computed from fewer people than the anonymity threshold.
Status = Literal["ok", "not-enough-answers", "no-answers", "withheld"]


class ResultModel(BaseModel):
    """Result parts: unknown fields are refused, so a newer file is noticed, not misread."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Score(ResultModel):
    """One score for one group of respondents, with its coverage."""

    value: float | None = Field(description="None when there are not enough answers.")
    percent: float | None = Field(description="The value as percent of its possible range.")
    band: str | None = None
    answered: int
    asked: int
    coverage: float = Field(description="Percent of the questions asked that were answered.")
    respondents: int
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


class Ladder(ResultModel):
    """For ladder rubrics: the typical rung, and the weakest and strongest areas."""

    typical: Rung | None
    rungs: list[Rung] = Field(default_factory=list, description="Every rung, lowest first.")
    weakest: list[AreaRung] = Field(default_factory=list)
    strongest: list[AreaRung] = Field(default_factory=list)


class QuestionResult(ResultModel):
    """One question: its value for everyone, and how it was answered."""

    id: str
    text: str
    side: str | None = None
    value: float | None
    answered: int
    dont_know: int = 0
    not_applicable: int = 0


class DimensionResult(ResultModel):
    """One dimension (principle, decision area, rule or lever)."""

    id: str
    title: str
    range: tuple[float, float]
    scores: GroupScores
    gap: float | None = Field(description="Professional minus lived, in percent points.")
    sides: dict[str, GroupScores] = Field(default_factory=dict)
    side_gap: float | None = Field(default=None, description="Practice minus belief, points.")
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
    method: str
    threshold: float | None = None
    range: tuple[float, float]
    bands: list[BandResult] = Field(default_factory=list)
    scores: GroupScores
    gap: float | None
    sides: dict[str, GroupScores] = Field(default_factory=dict)
    side_gap: float | None = None
    ladder: Ladder | None = None
    dimensions: list[DimensionResult]


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


class SharedNote(ResultModel):
    """A note as it may be shown: a role or perspective only where that group is large enough."""

    rubric: str
    dimension: str
    question: str
    role: str | None = None
    perspective: str | None = None
    name: str | None = Field(default=None, description="Only when names were asked for.")
    text: str


class RespondentMix(ResultModel):
    """How many answered, by role and by perspective."""

    total: int
    roles: dict[str, int] = Field(default_factory=dict)
    labels: dict[str, str] = Field(default_factory=dict, description="Role ids to labels.")
    perspectives: dict[str, int] = Field(default_factory=dict)
    perspective_of: dict[str, str] = Field(
        default_factory=dict, description="Role ids to their perspective, for roles that have one."
    )
    in_groups: int = Field(default=0, ge=0, description="People in groups answering together.")
    lived_in_groups: int = Field(
        default=0, ge=0, description="Of those, how many have lived experience."
    )


class AssessmentInfo(ResultModel):
    """What was assessed and when."""

    organisation: str = ""
    period: str = ""
    date: str = ""


class ResultBase(ResultModel):
    """What a full and a shared result have in common."""

    format: int = RESULT_FORMAT
    tool: str = "coprod-assess"
    tool_version: str
    assessment: AssessmentInfo
    min_coverage: float
    respondents: RespondentMix
    rubrics: list[RubricResult]

    def rubric(self, rubric_id: str) -> RubricResult | None:
        """The rubric result with this id, if it was scored."""
        return next((r for r in self.rubrics if r.id == rubric_id), None)


class Result(ResultBase):
    """A full scored assessment: every group, however small. Only the privacy step reads it."""

    notes: list[Note] = Field(default_factory=list)


class SharedResult(ResultBase):
    """A scored assessment as it may be shown for `min_group`: what every output receives."""

    min_group: int = Field(ge=1, description="No figure here comes from fewer people than this.")
    withheld: list[str] = Field(
        default_factory=list, description="Plain lines saying what was withheld and why."
    )
    flags: list[RaisedFlag] = Field(default_factory=list)
    unchecked_flags: list[UncheckedFlag] = Field(default_factory=list)
    notes: list[SharedNote] = Field(default_factory=list)
