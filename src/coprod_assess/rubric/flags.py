"""The flags file: cross-framework warnings as structured conditions, never code.

A flag is raised when its conditions hold, for example "NEF principles scored
high while the ladder sits below partnership". Each condition reads one
measure of the scored assessment and compares it with a number. Conditions
are joined by `all`, `any`, or `same-dimension` (all of them hold in one and
the same dimension, such as one decision area read on two ladders).
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import AfterValidator, Field, model_validator

from coprod_assess.fields import Id, Number, Text, UserModel, check_id
from coprod_assess.rubric.models import Action
from coprod_assess.rubric.roles import Perspective

ANY = "*"

Metric = Literal["score", "percent", "rung", "gap", "side-gap", "respondents", "people", "coverage"]
# Measures of who took part, read from the respondent mix rather than from a rubric.
WHO_TOOK_PART = ("respondents", "people")
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
    `respondents` (how many answered: a group answering together is one),
    `people` (how many people took part, each person in a group counted as
    the group recorded) and `coverage` (percent of questions answered).
    `rubric` and `dimension` name ids, or `*` for any of them.
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
        if self.metric not in WHO_TOOK_PART and self.rubric is None:
            raise ValueError(f"metric '{self.metric}' needs a rubric")
        if self.metric == "people" and (
            self.rubric or self.role or self.perspective == "professional"
        ):
            raise ValueError(
                "'people' counts everyone who took part, or with `perspective: lived` those with "
                "lived experience (a group records how many of its people have it): leave out "
                "rubric, role and other perspectives"
            )
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
        return self._not_too_low(value) and self._not_too_high(value)

    def holds_between(self, low: float, high: float) -> bool | None:
        """For a value known only to lie between `low` and `high`: True if it holds for all
        of them, False for none of them, None if it depends where the value is."""
        if self.holds(low) and self.holds(high):
            return True  # the comparisons mark out one interval, so all between hold too
        if not self._not_too_high(low) or not self._not_too_low(high):
            return False
        return None

    def _not_too_low(self, value: float) -> bool:
        return (self.at_least is None or value >= self.at_least) and (
            self.above is None or value > self.above
        )

    def _not_too_high(self, value: float) -> bool:
        return (self.at_most is None or value <= self.at_most) and (
            self.below is None or value < self.below
        )


Join = Literal["all", "any", "same-dimension"]


class When(UserModel):
    """Conditions joined by `all` (every one holds), `any` (at least one holds) or
    `same-dimension` (every one holds in one and the same dimension, for some dimension)."""

    all: list[Condition] | None = Field(default=None, min_length=1)
    any: list[Condition] | None = Field(default=None, min_length=1)
    same_dimension: list[Condition] | None = Field(
        default=None,
        min_length=1,
        alias="same-dimension",
        description="Every condition holds in one dimension: each names a rubric and no "
        "dimension, and the dimensions are matched by id across rubrics.",
    )

    @model_validator(mode="after")
    def _one_join(self) -> Self:
        given = [j for j in (self.all, self.any, self.same_dimension) if j is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of 'all', 'any' or 'same-dimension'")
        for condition in self.same_dimension or []:
            if condition.rubric in (None, ANY) or condition.dimension not in (None, ANY):
                raise ValueError(
                    "each condition of 'same-dimension' names one rubric and no dimension: "
                    "the dimension is the one they share"
                )
        return self

    @property
    def join(self) -> Join:
        """How the conditions are joined."""
        if self.all is not None:
            return "all"
        return "any" if self.any is not None else "same-dimension"

    def conditions(self) -> list[Condition]:
        """The conditions, whichever way they are joined."""
        return self.all or self.any or self.same_dimension or []


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
