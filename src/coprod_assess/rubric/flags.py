"""The flags file: cross-framework warnings as structured conditions, never code.

A flag is raised when its conditions hold, for example "NEF principles scored
high while the ladder sits in tokenism". Each condition reads one measure of
the scored assessment and compares it with a number.
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import AfterValidator, Field, model_validator

from coprod_assess.fields import Id, Number, Text, UserModel, check_id
from coprod_assess.rubric.models import Action
from coprod_assess.rubric.roles import Perspective

ANY = "*"

Metric = Literal["score", "percent", "rung", "gap", "side-gap", "respondents", "coverage"]
COMPARISONS = ("at-least", "at-most", "above", "below")


def _id_or_any(value: str) -> str:
    return value if value == ANY else check_id(value)


Ref = Annotated[
    str,
    AfterValidator(_id_or_any),
    Field(json_schema_extra={"pattern": r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*|\*)$"}),
]


class Condition(UserModel):
    """One comparison of one measure of the scored assessment with a number.

    Measures: `score` (in the rubric's own units), `percent` (of the possible
    range), `rung` (a ladder's rung), `gap` (professional minus lived, in
    percent points), `side-gap` (practice minus belief, in percent points),
    `respondents` (how many answered) and `coverage` (percent of questions
    answered). `rubric` and `dimension` name ids, or `*` for any of them.
    """

    metric: Metric
    rubric: Ref | None = None
    dimension: Ref | None = None
    side: Id | None = None
    role: Id | None = None
    perspective: Perspective | None = None
    at_least: Number | None = Field(default=None, alias="at-least")
    at_most: Number | None = Field(default=None, alias="at-most")
    above: Number | None = None
    below: Number | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if all(v is None for v in (self.at_least, self.at_most, self.above, self.below)):
            raise ValueError("a condition needs one of: at-least, at-most, above, below")
        if self.metric != "respondents" and self.rubric is None:
            raise ValueError(f"metric '{self.metric}' needs a rubric")
        if self.dimension is not None and self.rubric is None:
            raise ValueError("a dimension needs its rubric")
        if self.metric == "gap" and (self.perspective or self.role):
            raise ValueError("'gap' compares the perspectives: leave out perspective and role")
        if self.role and self.perspective:
            raise ValueError("give a role or a perspective, not both")
        if self.metric == "side-gap" and self.side:
            raise ValueError("'side-gap' compares the sides: leave out side")
        return self

    def holds(self, value: float) -> bool:
        """Whether `value` passes every comparison this condition makes."""
        return (
            (self.at_least is None or value >= self.at_least)
            and (self.at_most is None or value <= self.at_most)
            and (self.above is None or value > self.above)
            and (self.below is None or value < self.below)
        )


class When(UserModel):
    """Conditions joined by `all` (every one holds) or `any` (at least one holds)."""

    all: list[Condition] | None = Field(default=None, min_length=1)
    any: list[Condition] | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _one_join(self) -> Self:
        if (self.all is None) == (self.any is None):
            raise ValueError("give exactly one of 'all' or 'any'")
        return self

    def conditions(self) -> list[Condition]:
        """The conditions, whichever way they are joined."""
        return self.all or self.any or []


class Flag(UserModel):
    """A warning raised when its conditions hold, with an explanation and actions."""

    id: Id
    title: Text
    explanation: Text
    when: When
    actions: list[Action] = Field(default_factory=list)


class FlagsFile(UserModel):
    """A flags file: a list of flags."""

    flags: list[Flag] = Field(min_length=1)
